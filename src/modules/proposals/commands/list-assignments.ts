import type { Actor } from '../../../kernel/auth/actor.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore } from '../store/supervisor.store.js';
import { assignmentScope, today } from './supervisor-context.js';

/** The assignments the caller sees, with their visits; `active` keeps those whose term covers today. */
export async function listAssignments(deps: ProposalsDeps, actor: Actor, query: { active?: boolean }) {
  const db = deps.database.db;
  const scope = await assignmentScope(deps, db, actor);
  const d = today(deps);
  const rows = await supervisorStore.assignments(db, actor.districtCode, scope, query.active ? d : undefined);
  const visits = await supervisorStore.visits(
    db,
    rows.map((r) => r.id),
  );
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
