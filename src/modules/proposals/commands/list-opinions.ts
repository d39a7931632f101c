import type { Actor } from '../../../kernel/auth/actor.js';
import type { OpinionStatus } from '../domain/opinion-state.js';
import type { ProposalsDeps } from '../deps.js';
import { supervisorStore } from '../store/supervisor.store.js';
import { assignmentScope, opinionView, today } from './supervisor-context.js';

/** The opinions the caller sees, newest first; `overdue` keeps open ones past their deadline. */
export async function listOpinions(
  deps: ProposalsDeps,
  actor: Actor,
  query: { status?: OpinionStatus; overdue?: boolean; assignmentId?: string },
) {
  const db = deps.database.db;
  const d = today(deps);
  const scope = await assignmentScope(deps, db, actor);
  const rows = await supervisorStore.opinions(db, actor.districtCode, scope, {
    status: query.status,
    assignmentId: query.assignmentId,
    overdueOn: query.overdue ? d : undefined,
  });
  return { items: rows.map((o) => opinionView(actor, o, d)) };
}
