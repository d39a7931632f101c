import type { Permission, RoleCode } from '../../../kernel/auth/roles.js';
import { ROLES } from '../../../kernel/auth/roles.js';
import { PROPOSAL_COMMANDS, type ProposalCommand } from '../../../contracts/proposals.js';
import { proposalTransitions, type ProposalStatus } from './proposal-state.js';
import { PROPOSAL_COMMAND_NAMES } from '../../../contracts/proposals.js';

// The Chinese names are contract data, shared with the console.
export { PROPOSAL_COMMAND_NAMES };

// The command list is contract data (the API's enum); who may run each is the policy below.
export { PROPOSAL_COMMANDS, type ProposalCommand };

export interface PolicyActor {
  accountId: string;
  roles: readonly RoleCode[];
  permissions: ReadonlySet<Permission>;
  /** Materialized path of the actor's scope unit. */
  scopePath: string;
}

/** The facts about a proposal that decide who may see and do what. */
export interface ProposalFacts {
  status: ProposalStatus;
  isKey: boolean;
  leaderId: string | null;
  proposerIds: readonly string[];
  handlers: readonly { unitPath: string; role: 'main' | 'assisting' }[];
  /** Progress reports the supervising leader has not yet heard. */
  unheardReports: number;
  /** Commitments (落实事项) not yet done: completing the proposal waits for them. */
  openCommitments: number;
  /** A 见面协商 (or its waiver) is on record for the current handling round: the reply waits for it. */
  consulted: boolean;
}

/** A scope at the district root sees the whole district (office, leaders, admin). */
export const isDistrictWide = (actor: Pick<PolicyActor, 'scopePath'>, rootPath: string) => actor.scopePath === rootPath;

/**
 * A handler is someone whose role grants proposal.handle as a unit's worker: district leaders hold the
 * permission only to hear progress, so their district-wide scope does not make them a handler of everything.
 */
/** Whether the actor handles proposals for its unit at all (a role granting proposal.handle other than 区领导's). */
export function isHandler(actor: Pick<PolicyActor, 'roles' | 'permissions'>): boolean {
  const handlerRole = actor.roles.some(
    (r) => r !== 'district_leader' && ROLES[r]?.permissions.includes('proposal.handle'),
  );
  return handlerRole && actor.permissions.has('proposal.handle');
}

export function handlesFor(
  actor: PolicyActor,
  facts: Pick<ProposalFacts, 'handlers'>,
  role?: 'main' | 'assisting',
): boolean {
  if (!isHandler(actor)) return false;
  return facts.handlers.some((h) => (role === undefined || h.role === role) && h.unitPath.startsWith(actor.scopePath));
}

export function canSeeProposal(actor: PolicyActor, facts: ProposalFacts, rootPath: string): boolean {
  if (!actor.permissions.has('proposal.read')) return false;
  return (
    isDistrictWide(actor, rootPath) ||
    facts.handlers.some((h) => h.unitPath.startsWith(actor.scopePath)) ||
    facts.leaderId === actor.accountId ||
    facts.proposerIds.includes(actor.accountId)
  );
}

const OPEN_FOR_PROGRESS: readonly ProposalStatus[] = ['assigned', 'replied', 'implementing'];

/** Whether the proposal's state admits the command at all, whoever asks. */
export function stateAllows(facts: ProposalFacts, command: ProposalCommand): boolean {
  switch (command) {
    case 'mark_key':
      return facts.status !== 'completed';
    case 'report_progress':
      return facts.isKey && OPEN_FOR_PROGRESS.includes(facts.status);
    case 'hear_progress':
      return facts.isKey && facts.unheardReports > 0;
    case 'complete_commitment':
      return facts.status === 'implementing' && facts.openCommitments > 0;
    case 'waive_consultation':
      return facts.status === 'assigned' && !facts.consulted;
    case 'reply':
      return facts.status === 'assigned' && facts.consulted;
    case 'complete':
      return (
        (proposalTransitions[facts.status] as Record<string, unknown>).complete !== undefined &&
        facts.openCommitments === 0
      );
    default:
      return (proposalTransitions[facts.status] as Record<string, unknown>)[command] !== undefined;
  }
}

/** Whether the actor's roles and data scope let them take the command (state aside). */
export function mayTake(actor: PolicyActor, facts: ProposalFacts, command: ProposalCommand): boolean {
  switch (command) {
    case 'assign':
    case 'mark_key':
      return actor.permissions.has('proposal.manage');
    case 'consult':
    case 'waive_consultation':
    case 'reply':
    case 'add_commitment':
    case 'complete_commitment':
    case 'complete':
      return handlesFor(actor, facts, 'main');
    case 'report_progress':
      return handlesFor(actor, facts);
    case 'hear_progress':
      return facts.leaderId === actor.accountId && actor.permissions.has('proposal.handle');
    case 'rate':
      return facts.proposerIds.includes(actor.accountId);
  }
}

/** The commands the console should offer this actor now. */
export function allowedCommands(actor: PolicyActor, facts: ProposalFacts): ProposalCommand[] {
  return PROPOSAL_COMMANDS.filter((c) => stateAllows(facts, c) && mayTake(actor, facts, c));
}
