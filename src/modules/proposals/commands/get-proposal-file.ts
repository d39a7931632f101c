import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import { loadVisibleProposal } from './proposal-context.js';

/** An evidence file of a visible proposal (a reply, a commitment or a progress report attached it). */
export async function proposalFile(deps: ProposalsDeps, actor: Actor, id: string, fileId: string) {
  const db = deps.database.db;
  const p = await loadVisibleProposal(deps, db, actor, id);
  const attached = p.actions.some((a) => (JSON.parse(a.record).fileIds as string[] | undefined)?.includes(fileId));
  const f = attached ? await proposalStore.file(db, fileId) : undefined;
  if (!f) throw new NotFound('file', fileId);
  return f;
}
