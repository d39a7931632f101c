import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { applyOpinionAction, type OpinionState } from '../domain/opinion-state.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore } from '../store/supervisor.store.js';
import { activeUnit, loadAssignment, ownAssignment, today, type HistoryEntry } from './supervisor-context.js';

/** The assigned supervisor records an opinion, optionally tracked at once by a responsible unit and deadline. */
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
    throw new Invalid('opinion.track_incomplete', 'tracking needs both a responsible unit and a deadline', [
      { field, code: 'field.required', message: 'required' },
    ]);
  }
  await deps.database.db.transaction().execute(async (trx) => {
    const a = await loadAssignment(deps, trx, actor, assignmentId);
    ownAssignment(actor, a);
    if (input.visitId && !(await supervisorStore.visitOfAssignment(trx, a.id, input.visitId)))
      throw new Invalid('opinion.unknown_visit', `no visit ${input.visitId} of the assignment`, [
        { field: 'visitId', code: 'opinion.visit_not_of_assignment', message: 'not a visit of this assignment' },
      ]);
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
    await supervisorStore.insertOpinion(trx, {
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
    });
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
