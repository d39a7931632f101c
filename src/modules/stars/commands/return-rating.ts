import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { NotFound } from '../../../kernel/errors.js';
import { notify } from '../../inbox/index.js';
import type { StarsDeps } from '../deps.js';
import { ratingStore } from '../store/rating.store.js';
import { branchInScope } from './rating-access.js';
import { takeStep, writeStep } from './rating-context.js';

/**
 * The district returns a proposal to the 街道 (退回, star.rate) with a reason: proposed → self_assessed;
 * the 街道's staff are told. A rating outside the caller's scope is not found (404).
 */
export async function returnRating(deps: StarsDeps, actor: Actor, id: string, reason: string, requestId?: string) {
  const db = deps.database.db;
  const now = deps.clock.now();
  return db.transaction().execute(async (trx) => {
    const row = await ratingStore.findById(trx, id);
    if (!row || row.district_code !== actor.districtCode || !inScope(actor, row.branch_path))
      throw new NotFound('star_rating', id);
    const branch = await branchInScope(deps, trx, actor, row.branch_id);
    const deadlines = { self: row.self_due, propose: row.propose_due, confirm: row.confirm_due };
    const to = takeStep(actor, row.state as never, 'return', localDateOf(now), deadlines);
    await writeStep(trx, row, false, {
      state: to,
      returned_reason: reason,
      returned_by: actor.accountId,
      returned_by_name: actor.displayName,
      returned_at: now.toISOString(),
      return_count: row.return_count + 1,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'star_rating.return',
      entityType: 'star_rating',
      entityId: id,
      at: now,
      requestId,
      summary: `${branch.name} ${row.quarter} 评比退回街道：${reason}`,
    });
    const staff = await deps.org.accountsCovering(trx, row.branch_path, ['subdistrict_staff']);
    await notify(trx, {
      accountIds: staff.map((s) => s.id),
      districtCode: row.district_code,
      kind: 'stars.rating_returned',
      title: `【五星支部评比】${branch.name}（${row.quarter}）被区里退回`,
      body: `退回理由：${reason}。请重新提名。`,
      entityType: 'star_rating',
      entityId: id,
      at: now,
    });
    return id;
  });
}
