import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  RATING_ACTIONS,
  RATING_STATES,
  step,
  type RatingAction,
  type RatingState,
} from './rating-transitions.js';

/**
 * Every (state, action, deadline passed?) pair against a table written out here by hand, apart from the
 * module's table: the expected landing state, or why it is refused.
 */
type Expect = RatingState | 'no_such_step' | 'too_early';
const EXPECTED: Record<RatingState, Record<RatingAction, [before: Expect, after: Expect]>> = {
  open: {
    self_assess: ['self_assessed', 'self_assessed'],
    propose: ['too_early', 'proposed'],
    return: ['no_such_step', 'no_such_step'],
    confirm: ['no_such_step', 'no_such_step'],
  },
  self_assessed: {
    self_assess: ['self_assessed', 'self_assessed'],
    propose: ['proposed', 'proposed'],
    return: ['no_such_step', 'no_such_step'],
    confirm: ['no_such_step', 'no_such_step'],
  },
  proposed: {
    self_assess: ['no_such_step', 'no_such_step'],
    propose: ['no_such_step', 'no_such_step'],
    return: ['self_assessed', 'self_assessed'],
    confirm: ['confirmed', 'confirmed'],
  },
  confirmed: {
    self_assess: ['no_such_step', 'no_such_step'],
    propose: ['no_such_step', 'no_such_step'],
    return: ['no_such_step', 'no_such_step'],
    confirm: ['no_such_step', 'no_such_step'],
  },
};
const PERMISSION: Record<RatingAction, string> = {
  self_assess: 'star.report',
  propose: 'star.review',
  return: 'star.rate',
  confirm: 'star.rate',
};

describe('the quarterly rating state machine', () => {
  for (const from of RATING_STATES)
    for (const action of RATING_ACTIONS)
      for (const [i, passed] of [false, true].entries())
        it(`${from} --${action}--> (self deadline ${passed ? 'passed' : 'not passed'})`, () => {
          const want = EXPECTED[from][action][i]!;
          const got = step(from, action, { selfDeadlinePassed: passed });
          if (want === 'no_such_step' || want === 'too_early') {
            expect(got).toMatchObject({ ok: false, reason: want });
          } else {
            expect(got).toEqual({ ok: true, to: want, permission: PERMISSION[action] });
          }
        });

  it('offers the console exactly the steps that succeed', () => {
    expect(actionsFrom('open', { selfDeadlinePassed: false })).toEqual(['self_assess']);
    expect(actionsFrom('open', { selfDeadlinePassed: true })).toEqual(['self_assess', 'propose']);
    expect(actionsFrom('proposed', { selfDeadlinePassed: true })).toEqual(['return', 'confirm']);
    expect(actionsFrom('confirmed', { selfDeadlinePassed: true })).toEqual([]);
  });

  it('never leaves confirmed, and every state but confirmed can still move', () => {
    for (const s of RATING_STATES)
      expect(actionsFrom(s, { selfDeadlinePassed: true }).length === 0).toBe(s === 'confirmed');
  });
});
