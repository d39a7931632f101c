import type { z } from 'zod';
import type { SelfAssessBody } from '../../../contracts/star-rating.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { StarsDeps } from '../deps.js';
import { ratingStore } from '../store/rating.store.js';
import { branchInScope } from './rating-access.js';
import { deadlinesOf, newRating, refuseFutureQuarter, setOfRating, takeStep, writeStep } from './rating-context.js';

/**
 * The branch's self-assessment (支部自评, star.report) of a quarter: what it did for each star, in its own
 * words; it may revise it until the 街道 proposes (open | self_assessed → self_assessed). Answers the rating's id.
 */
export async function selfAssessRating(
  deps: StarsDeps,
  actor: Actor,
  body: z.output<typeof SelfAssessBody>,
  requestId?: string,
): Promise<string> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const branch = await branchInScope(deps, db, actor, body.branchId);
  refuseFutureQuarter(deps, body.quarter);
  const computed = await deadlinesOf(deps, db, branch.districtCode, body.quarter);
  return db.transaction().execute(async (trx) => {
    const existing = await ratingStore.find(trx, branch.id, body.quarter);
    const set = await setOfRating(trx, branch, body.quarter, existing);
    const row = existing ?? newRating(branch, body.quarter, set, computed, now);
    const deadlines = { self: row.self_due, propose: row.propose_due, confirm: row.confirm_due };
    const to = takeStep(actor, row.state as never, 'self_assess', localDateOf(now), deadlines);
    const saved = await writeStep(trx, row, !existing, {
      state: to,
      self_text: body.text,
      self_by: actor.accountId,
      self_by_name: actor.displayName,
      self_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'star_rating.self_assess',
      entityType: 'star_rating',
      entityId: saved.id,
      at: now,
      requestId,
      summary: `${branch.name} ${body.quarter} 季度评比自评`,
    });
    return saved.id;
  });
}
