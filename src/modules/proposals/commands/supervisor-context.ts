import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { SupervisorAssignmentTable, SupervisorOpinionTable } from '../../../kernel/db/schema.js';
import { Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import {
  isOpinionOverdue,
  OPINION_STATUS_NAMES,
  opinionTransitions,
  type OpinionActionType,
  type OpinionState,
  type OpinionStatus,
} from '../domain/opinion-state.js';
import { handlesFor, isDistrictWide } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore, type OpinionRow, type SupervisorScope } from '../store/supervisor.store.js';
import { districtRootPath } from './proposal-context.js';

export const today = (deps: ProposalsDeps) => localDateOf(deps.clock.now());

/** Active unit of the actor's district, else a problem naming `field` (a retired unit is refused). */
export async function activeUnit(deps: ProposalsDeps, ex: Executor, actor: Actor, unitId: string, field: string) {
  const unit = await deps.org.unit(ex, unitId);
  if (!unit || unit.districtCode !== actor.districtCode)
    throw new Invalid(
      'supervisor.unknown_unit',
      `no unit ${unitId}`,
      [{ field, code: 'unit.missing', message: 'no such unit' }],
      { unit: unitId },
    );
  if (unit.status !== 'active')
    throw new Invalid('supervisor.retired_unit', `unit ${unit.name} is retired`, [
      { field, code: 'supervisor.unit_retired', params: { unit: unit.name }, message: `unit ${unit.name} is retired` },
    ]);
  return unit;
}

/** Who sees which assignments: the district-wide see all, a supervisor their own, a unit those sent to its subtree. */
export async function assignmentScope(deps: ProposalsDeps, ex: Executor, actor: Actor): Promise<SupervisorScope> {
  if (isDistrictWide(actor, await districtRootPath(deps, ex, actor.districtCode))) return { kind: 'all' };
  if (actor.permissions.has('supervisor.visit')) return { kind: 'own', accountId: actor.accountId };
  return { kind: 'units', scopePath: actor.scopePath };
}

export async function loadAssignment(
  deps: ProposalsDeps,
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<SupervisorAssignmentTable> {
  const a = await supervisorStore.findAssignment(ex, id);
  if (!a || a.district_code !== actor.districtCode) throw new NotFound('supervisor_assignment', id);
  const scope = await assignmentScope(deps, ex, actor);
  if (scope.kind === 'own' && a.supervisor_id !== actor.accountId) throw new NotFound('supervisor_assignment', id);
  if (scope.kind === 'units' && !a.unit_path.startsWith(actor.scopePath))
    throw new NotFound('supervisor_assignment', id);
  return a;
}

export function ownAssignment(actor: Actor, a: SupervisorAssignmentTable): void {
  if (a.supervisor_id !== actor.accountId)
    throw new Forbidden('supervisor.not_assigned', 'only the assigned supervisor records visits and opinions');
}

export type HistoryEntry = { at: string; by: string; type: OpinionActionType | 'record'; text: string | null };

export const stateOf = (o: SupervisorOpinionTable): OpinionState => ({
  status: o.status as OpinionStatus,
  recordedOn: o.recorded_on,
  responsibleUnitId: o.responsible_unit_id,
  deadline: o.deadline,
  reply: o.reply,
  closedOn: o.closed_on,
});

/** Who may take which opinion action: the author supervisor or the office track, close and reopen; the responsible unit answers. */
export function mayAct(actor: Actor, o: SupervisorOpinionTable, type: OpinionActionType): boolean {
  if (type === 'answer')
    return (
      o.responsible_unit_path !== null &&
      handlesFor(actor, { handlers: [{ unitPath: o.responsible_unit_path, role: 'main' }] })
    );
  return o.supervisor_id === actor.accountId || actor.permissions.has('proposal.manage');
}

/** An opinion as the console shows it, with the actions the caller may take on `d`. */
export function opinionView(actor: Actor, o: OpinionRow, d: string) {
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
