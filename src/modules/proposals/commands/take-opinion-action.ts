import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import { applyOpinionAction, OPINION_ACTION_NAMES, type OpinionAction } from '../domain/opinion-state.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore } from '../store/supervisor.store.js';
import {
  activeUnit,
  assignmentScope,
  mayAct,
  opinionView,
  stateOf,
  today,
  type HistoryEntry,
} from './supervisor-context.js';

/** Track, answer, close or reopen an opinion; refused when someone changed it since `expectedVersion`. */
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
    const o = await supervisorStore.findOpinion(trx, id);
    if (!o || o.district_code !== actor.districtCode) throw new NotFound('supervisor_opinion', id);
    const scope = await assignmentScope(deps, trx, actor);
    const visible =
      scope.kind === 'all' ||
      (scope.kind === 'own'
        ? o.supervisor_id === actor.accountId
        : (o.responsible_unit_path ?? '').startsWith(actor.scopePath));
    if (!visible) throw new NotFound('supervisor_opinion', id);
    if (action.expectedVersion !== undefined && action.expectedVersion !== o.version)
      throw new Conflict('opinion.version_conflict', 'the opinion changed meanwhile');
    if (!mayAct(actor, o, action.type)) {
      throw new Forbidden(
        action.type === 'answer' ? 'opinion.not_responsible_unit' : 'opinion.not_supervisor',
        action.type === 'answer' ? 'only the responsible unit answers' : 'only its supervisor or the office acts',
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
    const updated = await supervisorStore.updateOpinionIfVersion(trx, id, o.version, {
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
    });
    if (!updated) throw new Conflict('opinion.version_conflict', 'the opinion changed meanwhile');
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
    return opinionView(actor, (await supervisorStore.findOpinion(trx, id))!, d);
  });
}
