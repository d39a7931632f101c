import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { newId } from '../../../kernel/ids.js';
import { checkVisitDate } from '../domain/opinion-state.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore } from '../store/supervisor.store.js';
import { loadAssignment, ownAssignment, today } from './supervisor-context.js';

/** The assigned supervisor records a visit (走访) to the unit within the term. */
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
    await supervisorStore.insertVisit(trx, {
      id,
      district_code: a.district_code,
      assignment_id: a.id,
      supervisor_id: actor.accountId,
      unit_id: a.unit_id,
      visited_on: input.visitedOn,
      notes: input.notes,
      created_at: now.toISOString(),
    });
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
