import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import {
  applyAction,
  CASE_ACTION_NAMES,
  caseEscalationLevel,
  deadlineStatus,
  recordFromJson,
  recordToJson,
  stateToJson,
  subdistrictPathOf,
  SYSTEM_ACTIONS,
  type Attachment,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseState,
} from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { categoryCache } from '../store/category-cache.js';
import { announce } from './case-notices.js';
import { attachFiles, claimUploads } from '../../files/index.js';
import type { UnitRef } from '../../org/index.js';
import { updateKpiRollup } from './kpi-rollup.js';
import { calendarFor, columnsOf, loadVisibleCase, toCaseActor } from './case-context.js';
import { loadCaseView, type CaseView } from './case-names.js';
import { claimActionKey, type ActionIdempotency } from './action-idempotency.js';

export interface TakeActionInput {
  type: CaseActionType;
  comment?: string | null;
  attachments?: Attachment[];
  payload?: Record<string, unknown>;
  /** The version the caller saw; a case changed since then answers 409 and changes nothing. */
  expectedVersion?: number;
}

/**
 * Where a case may be dispatched: a department or outside unit of the district, or — the 街道
 * handling its own problem (二级派遣) — the sub-district the case lies in, to its own staff, or one
 * of that sub-district's communities.
 */
export function isDispatchTarget(unit: UnitRef, state: CaseState): boolean {
  if (unit.kind === 'department' || unit.kind === 'outside_unit') return true;
  const sub = subdistrictPathOf(state);
  if (sub === null) return false;
  if (unit.kind === 'subdistrict' || unit.kind === 'township') return unit.path === sub;
  if (unit.kind === 'community' || unit.kind === 'village') return unit.path.startsWith(sub);
  return false;
}

const conflict = () => new Conflict('case.version_conflict', 'the case changed since it was read');

export interface CommitOptions {
  /** The actor as the domain sees it; by default the request's actor (a system actor passes via 'system'). */
  caseActor?: CaseActor;
  /** false when the caller audits the work once for many cases (a unit move's relocations). */
  audit?: boolean;
}

/**
 * Appends one action and writes the derived state, refusing if someone else acted in between: the
 * one path every action takes, whether a user's or the system's.
 */
export async function commitAction(
  deps: CasesDeps,
  trx: Executor,
  actor: Actor,
  row: CaseTable,
  state: CaseState,
  action: CaseAction,
  calendar: WorkCalendar,
  requestId?: string,
  opts: CommitOptions = {},
): Promise<CaseState> {
  const now = deps.clock.now();
  const { state: next, record } = applyAction(state, action, {
    actor: opts.caseActor ?? toCaseActor(actor),
    now,
    calendar,
  });
  for (const guard of deps.caseGuards ?? [])
    await guard(trx, {
      caseId: row.id,
      caseNumber: row.case_number,
      districtCode: row.district_code,
      type: record.type,
      from: state.status,
      to: next.status,
      actor,
    });
  try {
    await caseStore.appendAction(trx, {
      id: newId(now.getTime()),
      case_id: row.id,
      district_code: row.district_code,
      seq: next.version,
      type: record.type,
      at: now.toISOString(),
      actor_id: actor.accountId,
      actor_name: actor.displayName,
      record: recordToJson(record),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict();
    throw err;
  }
  const patch: Partial<CaseTable> = {
    ...columnsOf(next, deadlineStatus(next, now, calendar), caseEscalationLevel(next, now, calendar)),
    state: stateToJson(next),
  };
  // Only a 区划调整 moves a case's area: otherwise leave those columns out of the UPDATE, so that
  // SQLite does not rewrite their index entries (cases_grid_path) on every step.
  for (const k of ['grid_path', 'community_id', 'subdistrict_id'] as const) if (patch[k] === row[k]) delete patch[k];
  const ok = await caseStore.updateIfVersion(trx, row.id, row.version, patch);
  if (!ok) throw conflict();
  await attachFiles(
    trx,
    row.id,
    record.attachments.map((a) => a.fileId),
  );
  await updateKpiRollup(trx, state, next, calendar);
  await deps.events?.emit(trx, 'case.stepped', {
    caseId: row.id,
    districtCode: row.district_code,
    type: record.type,
    from: state.status,
    to: next.status,
    gridPath: patch.grid_path ?? row.grid_path,
    at: now,
  });
  const category = (await categoryCache(deps.database.db).get(trx, row.district_code)).byCode.get(row.category_code);
  if (opts.audit !== false)
    await recordAudit(trx, {
      actor,
      action: `case.${record.type}`,
      entityType: 'case',
      entityId: row.id,
      at: now,
      requestId,
      summary: `${CASE_ACTION_NAMES[record.type]} ${row.case_number}${record.comment ? `：${record.comment}` : ''}`,
      before: { status: state.status, version: state.version },
      after: { status: next.status, version: next.version },
    });
  await announce(
    deps,
    trx,
    { id: row.id, caseNumber: row.case_number, categoryName: category?.name ?? row.category_code },
    next,
    record,
  );
  return next;
}

export async function takeAction(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: TakeActionInput,
  requestId?: string,
  idempotency?: ActionIdempotency,
): Promise<{ view: CaseView; replayed: boolean }> {
  // A merge's absorb and a unit move's relocation are taken by the ledger itself, never submitted.
  if (input.type === 'report' || input.type === 'absorb' || SYSTEM_ACTIONS.has(input.type)) {
    throw new Invalid(
      'case.not_an_action',
      `${input.type} cannot be submitted directly`,
      [{ field: 'type', code: 'case.action_not_submittable', message: 'not a submittable action' }],
      { action: CASE_ACTION_NAMES[input.type] },
    );
  }
  return deps.database.db.transaction().execute(async (trx) => {
    // First, so that a resend of an action whose answer was lost (the phone's outbox) does it once:
    // the resend is answered with the case as it stands, as the first send would have been.
    if (idempotency && (await claimActionKey(trx, actor, caseId, idempotency, deps.clock.now()))) {
      return { view: await viewAfterStep(deps, trx, actor, caseId), replayed: true };
    }
    const { row, state } = await loadVisibleCase(trx, actor, caseId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw conflict();
    const calendar = await calendarFor(deps, trx, row.district_code);
    const payload: Record<string, unknown> = { ...(input.payload ?? {}) };
    if (input.type === 'dispatch') {
      const unitId = typeof payload.unitId === 'string' ? payload.unitId : '';
      const unit = unitId ? await deps.org.unit(trx, unitId) : null;
      if (
        !unit ||
        unit.status !== 'active' ||
        unit.districtCode !== row.district_code ||
        !isDispatchTarget(unit, state)
      ) {
        throw new Invalid(
          'case.bad_dispatch_unit',
          'dispatch to a department, an outside unit, or the case’s sub-district or one of its communities',
          [{ field: 'payload.unitId', code: 'case.dispatch_unit_invalid', message: 'not a dispatch target' }],
        );
      }
      payload.unitPath = unit.path;
      if (payload.timeLimit === undefined) {
        const cat = (await categoryCache(deps.database.db).get(trx, row.district_code)).byCode.get(row.category_code);
        if (!cat?.time_limit_value || !cat.time_limit_unit) {
          throw new Invalid('case.time_limit_required', 'the category has no default time limit', [
            { field: 'payload.timeLimit', code: 'field.required', message: 'required' },
          ]);
        }
        payload.timeLimit = { value: cat.time_limit_value, unit: cat.time_limit_unit };
      }
    }
    await claimUploads(trx, actor, deps.clock.now(), [['attachments', input.attachments?.map((a) => a.fileId)]]);
    const action = {
      type: input.type,
      comment: input.comment ?? null,
      attachments: input.attachments ?? [],
      payload,
    } as CaseAction;
    if (input.type === 'merge') {
      const targetId = typeof payload.targetCaseId === 'string' ? payload.targetCaseId : '';
      if (targetId === caseId)
        throw new Invalid('case.merge_self', 'a case cannot merge into itself', [
          { field: 'payload.targetCaseId', code: 'case.merge_self', message: 'a case cannot merge into itself' },
        ]);
      const target = targetId ? await loadVisibleCase(trx, actor, targetId).catch(() => null) : null;
      if (!target)
        throw new Invalid('case.merge_target', 'the target case does not exist or is out of scope', [
          { field: 'payload.targetCaseId', code: 'case.merge_target_missing', message: 'no such case' },
        ]);
      const merged = await commitAction(deps, trx, actor, row, state, action, calendar, requestId);
      // Keep every reporter and every photo of the duplicate on the case that lives on.
      const photos = (await caseStore.actions(trx, row.id)).flatMap((a) => recordFromJson(a.record).attachments);
      await commitAction(
        deps,
        trx,
        actor,
        target.row,
        target.state,
        {
          type: 'absorb',
          comment: `并入 ${row.case_number}`,
          attachments: photos,
          payload: { sourceCaseId: row.id, reporters: merged.reporters },
        },
        calendar,
        requestId,
      );
      return { view: await viewAfterStep(deps, trx, actor, caseId), replayed: false };
    }
    await commitAction(deps, trx, actor, row, state, action, calendar, requestId);
    return { view: await viewAfterStep(deps, trx, actor, caseId), replayed: false };
  });
}

/**
 * The case as the step left it, read in the step's transaction: the reply to every step. Read here
 * rather than after the commit because a step can take the case out of the actor's sight (a unit
 * returning a wrong dispatch, 退回, no longer sees it): the reply still shows what they did, with no
 * further action offered.
 */
async function viewAfterStep(deps: CasesDeps, trx: Executor, actor: Actor, caseId: string): Promise<CaseView> {
  const row = (await caseStore.findById(trx, caseId))!;
  return loadCaseView(deps, trx, toCaseActor(actor), row, await caseStore.actions(trx, caseId));
}
