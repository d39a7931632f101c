import type { Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { allowedCommands } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { loadVisibleProposal } from './proposal-context.js';

/** One visible proposal with what the caller may do on it, as of today. */
export async function getProposal(deps: ProposalsDeps, actor: Actor, id: string) {
  const p = await loadVisibleProposal(deps, deps.database.db, actor, id);
  return {
    row: p.row,
    state: p.state,
    handlers: p.handlers,
    actions: p.actions,
    allowed: allowedCommands(actor, p.facts),
    today: localDateOf(deps.clock.now()),
  };
}
