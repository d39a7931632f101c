import type { Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { defaultReplyDeadline } from '../domain/proposal-state.js';
import { allowedCommands } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { calendarFor, loadVisibleProposal } from './proposal-context.js';

/** One visible proposal with what the caller may do on it, as of today. */
export async function getProposal(deps: ProposalsDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const p = await loadVisibleProposal(deps, db, actor, id);
  const calendar = await calendarFor(deps, db, actor.districtCode);
  const today = localDateOf(deps.clock.now(), calendar);
  return {
    row: p.row,
    state: p.state,
    handlers: p.handlers,
    actions: p.actions,
    allowed: allowedCommands(actor, p.facts),
    today,
    /** What an assignment today would default to, for the office's form. */
    defaultReplyDeadline: defaultReplyDeadline(today, calendar),
  };
}
