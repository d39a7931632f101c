import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { SupervisorAssignmentTable, SupervisorOpinionTable } from '../../../kernel/db/schema.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import {
  applyOpinionAction,
  checkTerm,
  checkVisitDate,
  isOpinionOverdue,
  OPINION_ACTION_NAMES,
  OPINION_STATUS_NAMES,
  opinionTransitions,
  type OpinionAction,
  type OpinionActionType,
  type OpinionState,
  type OpinionStatus,
} from '../domain/opinion-state.js';
import { handlesFor, isDistrictWide } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { accountByUsername, districtRootPath } from './proposal-context.js';

const today = (deps: ProposalsDeps) => localDateOf(deps.clock.now());

/** Active unit of the actor's district, else a problem naming `field` (a retired unit is refused). */
async function activeUnit(deps: ProposalsDeps, ex: Executor, actor: Actor, unitId: string, field: string) {
  const unit = await deps.org.unit(ex, unitId);
  if (!unit || unit.districtCode !== actor.districtCode)
    throw new Invalid('supervisor.unknown_unit', `单位 ${unitId} 不存在`, [{ field, message: '单位不存在' }]);
  if (unit.status !== 'active')
    throw new Invalid('supervisor.retired_unit', `单位「${unit.name}」已撤销`, [
      { field, message: `单位「${unit.name}」已撤销` },
    ]);
  return unit;
}

/** Who sees which assignments: the district-wide see all, a supervisor their own, a unit those sent to its subtree. */
async function assignmentScope(deps: ProposalsDeps, ex: Executor, actor: Actor) {
  if (isDistrictWide(actor, await districtRootPath(deps, ex, actor.districtCode))) return { kind: 'all' as const };
  if (actor.permissions.has('supervisor.visit')) return { kind: 'own' as const };
  return { kind: 'units' as const };
}

export async function assignSupervisor(
  deps: ProposalsDeps,
  actor: Actor,
  input: { supervisorUsername: string; unitId: string; termStart: string; termEnd: string },
  requestId?: string,
): Promise<string> {
  checkTerm(input.termStart, input.termEnd);
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await deps.database.db.transaction().execute(async (trx) => {
    const sup = await accountByUsername(
      deps,
      trx,
      actor.districtCode,
      input.supervisorUsername,
      'supervisorUsername',
      'democratic_supervisor',
    );
    const unit = await activeUnit(deps, trx, actor, input.unitId, 'unitId');
    await trx
      .insertInto('supervisor_assignments')
      .values({
        id,
        district_code: actor.districtCode,
        supervisor_id: sup.accountId,
        supervisor_name: sup.displayName,
        unit_id: unit.id,
        unit_path: unit.path,
        unit_name: unit.name,
        term_start: input.termStart,
        term_end: input.termEnd,
        created_by: actor.accountId,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'supervisor.assign',
      entityType: 'supervisor_assignment',
      entityId: id,
      at: now,
      requestId,
      summary: `选派民主监督员 ${sup.displayName} 监督「${unit.name}」（${input.termStart} 至 ${input.termEnd}）`,
    });
  });
  return id;
}

async function loadAssignment(
  deps: ProposalsDeps,
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<SupervisorAssignmentTable> {
  const a = await ex.selectFrom('supervisor_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a || a.district_code !== actor.districtCode) throw new NotFound('supervisor_assignment', id);
  const scope = await assignmentScope(deps, ex, actor);
  if (scope.kind === 'own' && a.supervisor_id !== actor.accountId) throw new NotFound('supervisor_assignment', id);
  if (scope.kind === 'units' && !a.unit_path.startsWith(actor.scopePath))
    throw new NotFound('supervisor_assignment', id);
  return a;
}

function ownAssignment(actor: Actor, a: SupervisorAssignmentTable): void {
  if (a.supervisor_id !== actor.accountId)
    throw new Forbidden('supervisor.not_assigned', '只有被选派的民主监督员可以记录走访和意见');
}

export async function listAssignments(deps: ProposalsDeps, actor: Actor, query: { active?: boolean }) {
  const db = deps.database.db;
  const scope = await assignmentScope(deps, db, actor);
  let q = db.selectFrom('supervisor_assignments').selectAll().where('district_code', '=', actor.districtCode);
  if (scope.kind === 'own') q = q.where('supervisor_id', '=', actor.accountId);
  if (scope.kind === 'units') q = q.where(startsWith('unit_path', actor.scopePath));
  const d = today(deps);
  if (query.active) q = q.where('term_start', '<=', d).where('term_end', '>=', d);
  const rows = await q.orderBy('term_start', 'desc').orderBy('unit_name').execute();
  const ids = rows.map((r) => r.id);
  const visits = ids.length
    ? await db
        .selectFrom('supervisor_visits')
        .selectAll()
        .where('assignment_id', 'in', ids)
        .orderBy('visited_on', 'desc')
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      supervisor: { accountId: r.supervisor_id, name: r.supervisor_name },
      unit: { unitId: r.unit_id, name: r.unit_name },
      termStart: r.term_start,
      termEnd: r.term_end,
      active: r.term_start <= d && d <= r.term_end,
      mine: r.supervisor_id === actor.accountId,
      visits: visits
        .filter((v) => v.assignment_id === r.id)
        .map((v) => ({ id: v.id, visitedOn: v.visited_on, notes: v.notes })),
    })),
  };
}

export async function recordVisit(
  deps: ProposalsDeps,
  actor: Actor,
  assignmentId: string,
  input: { visitedOn: string; notes: string },
  requestId?: string,
): Promise<string> {
  const now = deps.clock.now();
  const id = newId(now.getTime());
  await deps.database.db.transaction().execute(async (trx) => {
    const a = await loadAssignment(deps, trx, actor, assignmentId);
    ownAssignment(actor, a);
    checkVisitDate(input.visitedOn, { termStart: a.term_start, termEnd: a.term_end }, today(deps));
    await trx
      .insertInto('supervisor_visits')
      .values({
        id,
        district_code: a.district_code,
        assignment_id: a.id,
        supervisor_id: actor.accountId,
        unit_id: a.unit_id,
        visited_on: input.visitedOn,
        notes: input.notes,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'supervisor.visit',
      entityType: 'supervisor_assignment',
      entityId: a.id,
      at: now,
      requestId,
      summary: `${input.visitedOn} 走访「${a.unit_name}」`,
    });
  });
  return id;
}

type OpinionRow = SupervisorOpinionTable & { unit_name: string; supervisor_name: string };
type HistoryEntry = { at: string; by: string; type: OpinionActionType | 'record'; text: string | null };

const stateOf = (o: SupervisorOpinionTable): OpinionState => ({
  status: o.status as OpinionStatus,
  recordedOn: o.recorded_on,
  responsibleUnitId: o.responsible_unit_id,
  deadline: o.deadline,
  reply: o.reply,
  closedOn: o.closed_on,
});

/** Who may take which opinion action: the author supervisor or the office track, close and reopen; the responsible unit answers. */
function mayAct(actor: Actor, o: SupervisorOpinionTable, type: OpinionActionType): boolean {
  if (type === 'answer')
    return (
      o.responsible_unit_path !== null &&
      handlesFor(actor, { handlers: [{ unitPath: o.responsible_unit_path, role: 'main' }] })
    );
  return o.supervisor_id === actor.accountId || actor.permissions.has('proposal.manage');
}

function presentOpinion(actor: Actor, o: OpinionRow, d: string) {
  const s = stateOf(o);
  const row = opinionTransitions[s.status] as Partial<Record<OpinionActionType, OpinionStatus>>;
  const allowed = (['track', 'answer', 'close', 'reopen'] as const).filter(
    (t) => row[t] !== undefined && mayAct(actor, o, t),
  );
  return {
    id: o.id,
    assignmentId: o.assignment_id,
    visitId: o.visit_id,
    unitName: o.unit_name,
    supervisorName: o.supervisor_name,
    text: o.text,
    recordedOn: o.recorded_on,
    status: s.status,
    statusName: OPINION_STATUS_NAMES[s.status],
    tracked: s.status !== 'recorded',
    responsibleUnit: o.responsible_unit_id ? { unitId: o.responsible_unit_id, name: o.responsible_unit_name } : null,
    deadline: o.deadline,
    overdue: isOpinionOverdue(s, d),
    reply: o.reply,
    repliedAt: o.replied_at,
    repliedBy: o.replied_by,
    closedOn: o.closed_on,
    history: JSON.parse(o.history) as HistoryEntry[],
    version: o.version,
    allowedActions: allowed,
  };
}

function opinionQuery(ex: Executor) {
  return ex
    .selectFrom('supervisor_opinions as o')
    .innerJoin('supervisor_assignments as a', 'a.id', 'o.assignment_id')
    .selectAll('o')
    .select(['a.unit_name', 'a.supervisor_name']);
}

export async function listOpinions(
  deps: ProposalsDeps,
  actor: Actor,
  query: { status?: OpinionStatus; overdue?: boolean; assignmentId?: string },
) {
  const db = deps.database.db;
  const d = today(deps);
  const scope = await assignmentScope(deps, db, actor);
  let q = opinionQuery(db).where('o.district_code', '=', actor.districtCode);
  if (scope.kind === 'own') q = q.where('o.supervisor_id', '=', actor.accountId);
  if (scope.kind === 'units') q = q.where(startsWith('o.responsible_unit_path', actor.scopePath));
  if (query.status) q = q.where('o.status', '=', query.status);
  if (query.assignmentId) q = q.where('o.assignment_id', '=', query.assignmentId);
  if (query.overdue) q = q.where('o.status', '=', 'open').where('o.deadline', '<', d);
  const rows = await q.orderBy('o.id', 'desc').limit(500).execute();
  return { items: rows.map((o) => presentOpinion(actor, o, d)) };
}

export async function recordOpinion(
  deps: ProposalsDeps,
  actor: Actor,
  assignmentId: string,
  input: { text: string; visitId?: string; responsibleUnitId?: string; deadline?: string },
  requestId?: string,
) {
  const now = deps.clock.now();
  const id = newId(now.getTime());
  const d = today(deps);
  if ((input.responsibleUnitId === undefined) !== (input.deadline === undefined)) {
    const field = input.responsibleUnitId === undefined ? 'responsibleUnitId' : 'deadline';
    throw new Invalid('opinion.track_incomplete', '转为跟踪事项须同时指定责任单位和办理期限', [
      { field, message: '必填' },
    ]);
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const a = await loadAssignment(deps, trx, actor, assignmentId);
    ownAssignment(actor, a);
    if (input.visitId) {
      const v = await trx
        .selectFrom('supervisor_visits')
        .select('id')
        .where('id', '=', input.visitId)
        .where('assignment_id', '=', a.id)
        .executeTakeFirst();
      if (!v)
        throw new Invalid('opinion.unknown_visit', '没有这次走访', [
          { field: 'visitId', message: '不是本次选派的走访' },
        ]);
    }
    let s: OpinionState = {
      status: 'recorded',
      recordedOn: d,
      responsibleUnitId: null,
      deadline: null,
      reply: null,
      closedOn: null,
    };
    const history: HistoryEntry[] = [{ at: now.toISOString(), by: actor.displayName, type: 'record', text: null }];
    let unit = null;
    if (input.responsibleUnitId !== undefined && input.deadline !== undefined) {
      unit = await activeUnit(deps, trx, actor, input.responsibleUnitId, 'responsibleUnitId');
      s = applyOpinionAction(s, { type: 'track', responsibleUnitId: unit.id, deadline: input.deadline }, d);
      history.push({
        at: now.toISOString(),
        by: actor.displayName,
        type: 'track',
        text: `${unit.name}，${input.deadline} 前答复`,
      });
    }
    await trx
      .insertInto('supervisor_opinions')
      .values({
        id,
        district_code: a.district_code,
        assignment_id: a.id,
        visit_id: input.visitId ?? null,
        supervisor_id: actor.accountId,
        unit_id: a.unit_id,
        text: input.text,
        recorded_on: d,
        status: s.status,
        responsible_unit_id: unit?.id ?? null,
        responsible_unit_path: unit?.path ?? null,
        responsible_unit_name: unit?.name ?? null,
        deadline: s.deadline,
        reply: null,
        replied_at: null,
        replied_by: null,
        closed_on: null,
        history: JSON.stringify(history),
        version: 1,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'supervisor.opinion',
      entityType: 'supervisor_opinion',
      entityId: id,
      at: now,
      requestId,
      summary: `对「${a.unit_name}」提出意见${unit ? `，转${unit.name}跟踪办理` : ''}`,
    });
  });
  return id;
}

export async function takeOpinionAction(
  deps: ProposalsDeps,
  actor: Actor,
  id: string,
  action: OpinionAction & { expectedVersion?: number },
  requestId?: string,
) {
  const now = deps.clock.now();
  const d = today(deps);
  return deps.database.db.transaction().execute(async (trx) => {
    const o = await opinionQuery(trx).where('o.id', '=', id).executeTakeFirst();
    if (!o || o.district_code !== actor.districtCode) throw new NotFound('supervisor_opinion', id);
    const scope = await assignmentScope(deps, trx, actor);
    const visible =
      scope.kind === 'all' ||
      (scope.kind === 'own'
        ? o.supervisor_id === actor.accountId
        : (o.responsible_unit_path ?? '').startsWith(actor.scopePath));
    if (!visible) throw new NotFound('supervisor_opinion', id);
    if (action.expectedVersion !== undefined && action.expectedVersion !== o.version)
      throw new Conflict('opinion.version_conflict', '该意见刚刚被其他人处理过，请刷新后再操作');
    if (!mayAct(actor, o, action.type)) {
      throw new Forbidden(
        action.type === 'answer' ? 'opinion.not_responsible_unit' : 'opinion.not_supervisor',
        action.type === 'answer' ? '只有责任单位可以答复' : '只有提出意见的民主监督员或督查室可以操作',
      );
    }
    let unit = null;
    if (action.type === 'track')
      unit = await activeUnit(deps, trx, actor, action.responsibleUnitId, 'responsibleUnitId');
    const next = applyOpinionAction(stateOf(o), action, d);
    const text =
      action.type === 'track'
        ? `${unit!.name}，${action.deadline} 前答复`
        : action.type === 'answer'
          ? action.reply
          : (action.comment ?? null);
    const history = [
      ...(JSON.parse(o.history) as HistoryEntry[]),
      { at: now.toISOString(), by: actor.displayName, type: action.type, text },
    ];
    const r = await trx
      .updateTable('supervisor_opinions')
      .set({
        status: next.status,
        deadline: next.deadline,
        reply: next.reply,
        closed_on: next.closedOn,
        history: JSON.stringify(history),
        version: o.version + 1,
        ...(unit
          ? { responsible_unit_id: unit.id, responsible_unit_path: unit.path, responsible_unit_name: unit.name }
          : {}),
        ...(action.type === 'answer' ? { replied_at: now.toISOString(), replied_by: actor.displayName } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', o.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new Conflict('opinion.version_conflict', '该意见刚刚被其他人处理过，请刷新后再操作');
    await recordAudit(trx, {
      actor,
      action: `supervisor_opinion.${action.type}`,
      entityType: 'supervisor_opinion',
      entityId: id,
      at: now,
      requestId,
      summary: `${OPINION_ACTION_NAMES[action.type]}：${o.text.slice(0, 40)}`,
      before: { status: o.status },
      after: { status: next.status, text },
    });
    const updated = (await opinionQuery(trx).where('o.id', '=', id).executeTakeFirst())!;
    return presentOpinion(actor, updated, d);
  });
}
