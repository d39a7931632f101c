import { markUploadsAttached } from '../../files/index.js';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { ProposalActionTable, ProposalHandlerTable, ProposalTable } from '../../../kernel/db/schema.js';
import { DomainError, Invalid, NotFound } from '../../../kernel/errors.js';
import { consultedThisRound, parseProposalState, type ProposalState } from '../domain/proposal-state.js';
import { canSeeProposal, isDistrictWide, type ProposalFacts } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import { loadWorkCalendar } from '../../platform/index.js';

export interface Proposer {
  name: string;
  accountId: string | null;
}

export interface LoadedProposal {
  row: ProposalTable;
  state: ProposalState;
  handlers: ProposalHandlerTable[];
  actions: ProposalActionTable[];
  facts: ProposalFacts;
}

/** The district's work calendar (days off and 调休), for periods that end on a working day. */
export function calendarFor(deps: Pick<ProposalsDeps, 'config'>, ex: Executor, districtCode: string) {
  return loadWorkCalendar(ex, districtCode, deps.config.timeZone);
}

/** The district root's path: a scope equal to it sees the whole district. */
export async function districtRootPath(deps: ProposalsDeps, ex: Executor, districtCode: string): Promise<string> {
  const root = await deps.org.unitByCode(ex, districtCode);
  if (!root) throw new NotFound('unit', districtCode);
  return root.path;
}

/**
 * The area a list or the statistics are narrowed to (`unitId`, by handling unit): its path, or
 * undefined for none or the whole district (which counts every proposal, handled or not yet).
 */
export async function areaPathOf(
  deps: ProposalsDeps,
  ex: Executor,
  actor: Actor,
  unitId: string | undefined,
): Promise<string | undefined> {
  if (!unitId) return undefined;
  const unit = await deps.org.unit(ex, unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw new DomainError('forbidden', 'proposal.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
      { field: 'unitId', code: 'proposal.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  return unit.path === (await districtRootPath(deps, ex, actor.districtCode)) ? undefined : unit.path;
}

/** The data-scope part of a list filter: null for district-wide accounts. */
export async function scopeOf(
  deps: ProposalsDeps,
  ex: Executor,
  actor: Actor,
): Promise<{ path: string; accountId: string } | null> {
  return isDistrictWide(actor, await districtRootPath(deps, ex, actor.districtCode))
    ? null
    : { path: actor.scopePath, accountId: actor.accountId };
}

export const recordOf = (a: Pick<ProposalActionTable, 'record'>) => JSON.parse(a.record) as Record<string, unknown>;

export function factsOf(
  row: ProposalTable,
  state: ProposalState,
  handlers: ProposalHandlerTable[],
  actions: ProposalActionTable[],
): ProposalFacts {
  const heard = new Set(actions.filter((a) => a.type === 'hear_progress').map((a) => Number(recordOf(a).reportSeq)));
  return {
    status: state.status,
    isKey: row.is_key === 1,
    leaderId: row.leader_id,
    proposerIds: state.proposerIds,
    handlers: handlers.map((h) => ({ unitPath: h.unit_path, role: h.role === 'main' ? 'main' : 'assisting' })),
    unheardReports: actions.filter((a) => a.type === 'report_progress' && !heard.has(a.seq)).length,
    openCommitments: state.commitments.filter((c) => c.doneOn === null).length,
    consulted: consultedThisRound(state),
  };
}

/** Loads a proposal the actor may see; one outside their scope answers as not found, so it does not leak. */
export async function loadVisibleProposal(
  deps: ProposalsDeps,
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<LoadedProposal> {
  const row = await proposalStore.findById(ex, id);
  if (!row || row.district_code !== actor.districtCode) throw new NotFound('proposal', id);
  const state = parseProposalState(row.state);
  const [handlers, actions] = [await proposalStore.handlers(ex, [id]), await proposalStore.actions(ex, id)];
  const facts = factsOf(row, state, handlers, actions);
  if (!canSeeProposal(actor, facts, await districtRootPath(deps, ex, actor.districtCode)))
    throw new NotFound('proposal', id);
  return { row, state, handlers, actions, facts };
}

/** An account named by username, in the actor's district and holding `role` when given; else a problem naming `field`. */
export async function accountByUsername(
  deps: ProposalsDeps,
  ex: Executor,
  districtCode: string,
  username: string,
  field: string,
  role?: string,
): Promise<Actor> {
  const found = await deps.org.actorFor(ex, username).catch(() => null);
  if (!found || found.districtCode !== districtCode)
    throw new Invalid(
      'proposal.unknown_account',
      `no account ${username}`,
      [{ field, code: 'account.missing', message: 'no such account' }],
      { username },
    );
  if (role && !found.roles.includes(role as Actor['roles'][number])) {
    throw new Invalid(
      'proposal.account_role',
      `account ${username} lacks role ${role}`,
      [{ field, code: 'account.role_required', params: { role }, message: `needs role ${role}` }],
      { username },
    );
  }
  return found;
}

/**
 * Evidence must be files the actor uploaded in this district. The files table belongs to the kernel's
 * file store; only its ownership columns are read here.
 */
export async function checkOwnFiles(
  ex: Executor,
  actor: Actor,
  fileIds: readonly string[],
  field = 'fileIds',
): Promise<void> {
  if (!fileIds.length) return;
  const rows = await proposalStore.fileOwners(ex, [...new Set(fileIds)]);
  const ok = new Set(
    rows.filter((r) => r.district_code === actor.districtCode && r.uploaded_by === actor.accountId).map((r) => r.id),
  );
  const problems = fileIds.flatMap((id, i) =>
    ok.has(id) ? [] : [{ field: `${field}[${i}]`, code: 'file.not_own', message: `file ${id} is not yours` }],
  );
  if (problems.length) throw new Invalid('proposal.bad_file', 'evidence must be your own uploads', problems);
  await markUploadsAttached(ex, fileIds, new Date());
}
