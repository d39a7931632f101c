import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Evidence, EvidenceBody, EvidenceList } from '../../../contracts/stars-cycle.js';
import { markUploadsAttached, ownUploadedFileIds } from '../../files/index.js';
import type { CycleDeps } from '../cycle-deps.js';
import { quarterDays, quarterOf } from '../domain/quarters.js';
import { evidenceStore, type EvidenceRow } from '../store/evidence.store.js';
import { weeklyStore } from '../store/weekly.store.js';
import { branchInField, branchOr404, calendarFor, fieldProblem, todayOf } from './cycle-access.js';

const frozen = (deps: CycleDeps, ex: Executor, branchId: string, quarter: string) =>
  deps.ratingProposed ? deps.ratingProposed(ex, branchId, quarter) : Promise.resolve(false);

/**
 * A piece of evidence (佐证材料) a branch shows for a star, or one of its indicators, in a quarter: a
 * photo the uploader took and/or a note. Refused for a quarter not begun yet, a star or indicator not
 * in the set in force, and once the 街道 proposed the quarter's rating (the evidence is then what the
 * proposal was judged on).
 */
export async function addEvidence(
  deps: CycleDeps,
  actor: Actor,
  body: EvidenceBody,
  requestId?: string,
): Promise<string> {
  authorize(actor, 'star.report');
  const db = deps.database.db;
  const { branch, kind } = await branchInField(deps, db, actor, body.branchId, 'branchId');
  const today = todayOf(deps, await calendarFor(deps, db, actor.districtCode));
  if (quarterDays(body.quarter).firstDay > today) throw fieldProblem('quarter', 'evidence.quarter_future');
  if (deps.starKeys && kind) {
    const keys = await deps.starKeys(db, actor.districtCode, kind, body.quarter);
    if (keys) {
      const indicators = keys.get(body.starKey);
      if (!indicators) throw fieldProblem('starKey', 'evidence.star_unknown');
      if (body.indicatorKey && !indicators.includes(body.indicatorKey))
        throw fieldProblem('indicatorKey', 'evidence.indicator_unknown');
    }
  }
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    if (body.fileId && !(await ownUploadedFileIds(trx, actor.districtCode, actor.accountId, [body.fileId])).size)
      throw fieldProblem('fileId', 'evidence.file_unknown');
    if (body.fileId) await markUploadsAttached(trx, [body.fileId], now);
    if (await frozen(deps, trx, branch.id, body.quarter))
      throw new Conflict('evidence.rating_proposed', 'the quarter’s rating is proposed');
    await evidenceStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      branch_id: branch.id,
      branch_path: branch.path,
      quarter: body.quarter,
      star_key: body.starKey,
      indicator_key: body.indicatorKey ?? null,
      file_id: body.fileId ?? null,
      note: body.note ?? null,
      uploaded_by: actor.accountId,
      uploaded_by_name: actor.displayName,
      uploaded_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'star.evidence_add',
      entityType: 'star_evidence',
      entityId: id,
      at: now,
      requestId,
      summary: `${branch.name} ${body.quarter} 上传佐证（${body.starKey}${body.indicatorKey ? `/${body.indicatorKey}` : ''}）`,
    });
  });
  return id;
}

function present(row: EvidenceRow, actor: Actor, locked: boolean): Evidence {
  return {
    id: row.id,
    branchId: row.branch_id,
    quarter: row.quarter,
    starKey: row.star_key,
    indicatorKey: row.indicator_key,
    fileId: row.file_id,
    note: row.note,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
    canDelete: !locked && row.uploaded_by === actor.accountId && actor.permissions.has('star.report'),
  };
}

/** A branch's evidence for a quarter (default: the current one). */
export async function listEvidence(
  deps: CycleDeps,
  actor: Actor,
  q: { branchId: string; quarter?: string },
): Promise<EvidenceList> {
  const db = deps.database.db;
  const { branch, kind } = await branchInField(deps, db, actor, q.branchId, 'branchId');
  const quarter = q.quarter ?? quarterOf(todayOf(deps, await calendarFor(deps, db, actor.districtCode)));
  const locked = await frozen(deps, db, branch.id, quarter);
  const rows = await evidenceStore.list(db, branch.id, quarter);
  return {
    branch: { id: branch.id, name: branch.name, kind },
    quarter,
    items: rows.map((r) => present(r, actor, locked)),
  };
}

/** The uploader takes a piece back, until the quarter's rating is proposed. */
export async function deleteEvidence(deps: CycleDeps, actor: Actor, id: string, requestId?: string): Promise<void> {
  authorize(actor, 'star.report');
  const db = deps.database.db;
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    const row = await evidenceStore.byId(trx, id);
    if (!row || row.district_code !== actor.districtCode || !inScope(actor, row.branch_path))
      throw new NotFound('star_evidence', id);
    await branchOr404(deps, trx, actor, row.branch_id);
    if (row.uploaded_by !== actor.accountId)
      throw new Forbidden('evidence.not_uploader', 'only the uploader may delete it');
    if (await frozen(deps, trx, row.branch_id, row.quarter))
      throw new Conflict('evidence.rating_proposed', 'the quarter’s rating is proposed');
    await evidenceStore.delete(trx, id);
    await recordAudit(trx, {
      actor,
      action: 'star.evidence_delete',
      entityType: 'star_evidence',
      entityId: id,
      at: now,
      requestId,
      summary: `删除佐证（${row.quarter} ${row.star_key}${row.indicator_key ? `/${row.indicator_key}` : ''}）`,
      before: { fileId: row.file_id, note: row.note },
    });
  });
}

/** Files module hook: a weekly report's photos and evidence photos are visible to star readers of the branch. */
export async function canActorSeeStarFile(ex: Executor, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.permissions.has('star.read')) return false;
  const holders = [
    ...(await weeklyStore.branchPathsOfFile(ex, fileId)),
    ...(await evidenceStore.branchPathsOfFile(ex, fileId)),
  ];
  return holders.some((h) => h.district_code === actor.districtCode && inScope(actor, h.branch_path));
}
