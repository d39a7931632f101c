import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, NotFound } from '../../../kernel/errors.js';
import type { MergeReviewDecision } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { mergeFacts } from '../domain/registration.js';
import { residentStore, type MergeReviewRow } from '../store/resident.store.js';
import { gridRefs } from './place-context.js';
import { applyMerge, type StoredEntry } from './register-resident.js';

const visible = (actor: Actor, r: MergeReviewRow) =>
  r.district_code === actor.districtCode && (inScope(actor, r.entry_grid_path) || inScope(actor, r.resident_grid_path));

async function reviewViews(deps: PopulationDeps, rows: MergeReviewRow[]) {
  const db = deps.database.db;
  const residents = new Map(
    (await residentStore.byIds(db, [...new Set(rows.map((r) => r.resident_id))])).map((r) => [r.id, r]),
  );
  const grids = await gridRefs(
    deps,
    db,
    rows.map((r) => r.entry_grid_path),
  );
  return rows.map((row) => {
    const res = residents.get(row.resident_id);
    return {
      row,
      resident: { name: res?.name ?? '', idNumber: res?.id_number ?? null },
      grid: grids.get(row.entry_grid_path)!,
    };
  });
}

/** Merge reviews whose entry or record lies in the actor's scope, pending first. */
export async function listMergeReviews(deps: PopulationDeps, actor: Actor) {
  authorize(actor, 'resident.read');
  const rows = await residentStore.reviews(deps.database.db, actor.districtCode, actor.scopePath);
  return reviewViews(deps, rows);
}

/**
 * Decides a merge review: which name is right. Either way the entry's other facts join the record
 * (what it lacked, tags, a move), as a merge of the same name would have done.
 */
export async function decideMergeReview(
  deps: PopulationDeps,
  actor: Actor,
  id: string,
  body: MergeReviewDecision,
  requestId?: string,
) {
  authorize(actor, 'resident.write');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const review = await residentStore.review(trx, id);
    if (!review || !visible(actor, review)) throw new NotFound('merge_review', id);
    if (review.status !== 'pending')
      throw new Conflict('resident.review_decided', 'the review was decided', [], { by: review.decided_by_name ?? '' });
    const row = (await residentStore.byId(trx, review.resident_id))!;
    // The entry's grid path as the review keeps it now: a unit move since then rebased the column.
    const entry = { ...(JSON.parse(review.entry) as StoredEntry), gridPath: review.entry_grid_path };
    const patch = mergeFacts(
      {
        name: row.name,
        phone: row.phone,
        tags: JSON.parse(row.tags) as string[],
        note: row.note,
        householdId: row.household_id,
        gridId: row.grid_id,
        status: row.status,
      },
      entry,
    );
    const name = body.keep === 'proposed' ? review.proposed_name : undefined;
    await applyMerge(trx, actor, row, { ...patch, name }, entry, 'review_decided', now);
    if (
      (await residentStore.updateReview(trx, id, {
        status: 'decided',
        kept: body.keep,
        decided_by_name: actor.displayName,
        decided_at: now,
      })) !== 1
    )
      throw new Conflict('resident.review_decided', 'the review was decided meanwhile', [], { by: '' });
    await recordAudit(trx, {
      actor,
      action: 'resident.review_decide',
      entityType: 'resident',
      entityId: row.id,
      summary: `合并审核：保留姓名 ${body.keep === 'proposed' ? review.proposed_name : row.name}`,
      requestId,
      at: nowDate,
    });
  });
  const decided = (await residentStore.review(deps.database.db, id))!;
  return (await reviewViews(deps, [decided]))[0]!;
}
