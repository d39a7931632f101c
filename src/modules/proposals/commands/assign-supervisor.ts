import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { newId } from '../../../kernel/ids.js';
import { checkTerm } from '../domain/opinion-state.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore } from '../store/supervisor.store.js';
import { accountByUsername } from './proposal-context.js';
import { activeUnit } from './supervisor-context.js';

/** 选派: a democratic supervisor watches a unit for a term. */
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
    await supervisorStore.insertAssignment(trx, {
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
    });
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
