import { describe, expect, it } from 'vitest';
import { RATING_STATES, RATING_WAITING, ratingWaitsFor } from '../../../contracts/star-rating.js';
import { step, type RatingAction } from './rating-transitions.js';

/* The rating page's 待自评 / 待提名 / 待确认 filter (contracts' ratingWaitsFor, run in the console) must
   list what the 工作台 counts by the rating's own table (commands/work-items.ts): every state, before
   and after the 自评 deadline, every step. */

const ACTION: Record<(typeof RATING_WAITING)[number], RatingAction> = {
  self: 'self_assess',
  propose: 'propose',
  confirm: 'confirm',
};
const deadlines = { self: '2026-01-08', propose: '2026-01-15' };

describe('ratingWaitsFor', () => {
  for (const today of ['2026-01-08', '2026-01-09', '2026-01-16'])
    for (const state of RATING_STATES)
      for (const waiting of RATING_WAITING)
        it(`${state}, ${waiting}, on ${today}: as the 工作台 counts`, () => {
          const action = ACTION[waiting];
          const ctx = { selfDeadlinePassed: today > deadlines.self };
          const counted = action === 'self_assess' ? state === 'open' : step(state, action, ctx).ok;
          const rowDeadline = state === 'confirmed' ? null : deadlines.self;
          const got = ratingWaitsFor({ state, deadline: rowDeadline }, waiting, deadlines, today);
          expect(got !== null).toBe(counted);
          if (!got) return;
          const deadline = state === 'open' && action === 'propose' ? deadlines.propose : rowDeadline;
          expect(got).toEqual({ deadline, overdue: deadline !== null && today > deadline });
        });
});
