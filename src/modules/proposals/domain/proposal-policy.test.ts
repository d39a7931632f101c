import { describe, expect, it } from 'vitest';
import { permissionsOf, type RoleCode } from '../../../kernel/auth/roles.js';
import { allowedCommands, canSeeProposal, type PolicyActor, type ProposalFacts } from './proposal-policy.js';

const ROOT = '/d/';
const actor = (roles: RoleCode[], scopePath: string, accountId = 'me'): PolicyActor => ({
  accountId,
  roles,
  permissions: new Set(permissionsOf(roles)),
  scopePath,
});
const facts = (over: Partial<ProposalFacts> = {}): ProposalFacts => ({
  status: 'assigned',
  isKey: false,
  leaderId: null,
  proposerIds: ['member'],
  unheardReports: 0,
  openCommitments: 0,
  consulted: false,
  handlers: [
    { unitPath: '/d/cg/', role: 'main' },
    { unitPath: '/d/zj/', role: 'assisting' },
  ],
  ...over,
});

describe('who sees a proposal', () => {
  it('lets the district-wide, the handler units, the leader and the proposers see it, and no one else', () => {
    expect(canSeeProposal(actor(['supervision_office'], ROOT), facts(), ROOT)).toBe(true);
    expect(canSeeProposal(actor(['unit_handler'], '/d/cg/'), facts(), ROOT)).toBe(true);
    expect(
      canSeeProposal(
        actor(['subdistrict_staff'], '/d/cg/'),
        facts({ handlers: [{ unitPath: '/d/cg/team/', role: 'main' }] }),
        ROOT,
      ),
    ).toBe(true);
    expect(canSeeProposal(actor(['unit_handler'], '/d/jt/'), facts(), ROOT)).toBe(false);
    expect(canSeeProposal(actor(['democratic_supervisor'], '/d/zx/', 'member'), facts(), ROOT)).toBe(true);
    expect(canSeeProposal(actor(['democratic_supervisor'], '/d/zx/', 'other'), facts(), ROOT)).toBe(false);
    expect(canSeeProposal(actor(['grid_worker'], ROOT), facts(), ROOT)).toBe(false);
  });
});

describe('what each may do', () => {
  it('gives the 督查室 assignment and key marking, the main handler the consultation, the assisting handler nothing yet', () => {
    expect(allowedCommands(actor(['supervision_office'], ROOT), facts())).toEqual(['assign', 'mark_key']);
    expect(allowedCommands(actor(['unit_handler'], '/d/cg/'), facts())).toEqual(['consult', 'waive_consultation']);
    expect(allowedCommands(actor(['unit_handler'], '/d/zj/'), facts())).toEqual([]);
  });
  it('offers the reply only once the proposer was met (or the meeting waived)', () => {
    expect(allowedCommands(actor(['unit_handler'], '/d/cg/'), facts({ consulted: true }))).toEqual([
      'consult',
      'reply',
    ]);
  });
  it('gives the 提案委 no command on a proposal: it registers them and keeps the list, 督查室 supervises', () => {
    expect(allowedCommands(actor(['proposal_office'], ROOT), facts({ status: 'registered' }))).toEqual([]);
    expect(canSeeProposal(actor(['proposal_office'], ROOT), facts(), ROOT)).toBe(true);
  });
  it('does not make a district leader a handler of everything', () => {
    expect(allowedCommands(actor(['district_leader'], ROOT, 'lead'), facts({ status: 'replied' }))).toEqual([]);
  });
  it('lets handlers report progress on a key proposal and only its leader hear it', () => {
    const key = facts({ isKey: true, leaderId: 'lead', unheardReports: 1 });
    expect(allowedCommands(actor(['unit_handler'], '/d/zj/'), key)).toEqual(['report_progress']);
    expect(allowedCommands(actor(['district_leader'], ROOT, 'lead'), key)).toEqual(['hear_progress']);
    expect(allowedCommands(actor(['district_leader'], ROOT, 'other'), key)).toEqual([]);
  });
  it('offers completion only when every commitment is done, and commitment completion only while one is open', () => {
    const handler = actor(['unit_handler'], '/d/cg/');
    expect(allowedCommands(handler, facts({ status: 'implementing', openCommitments: 1 }))).toEqual([
      'add_commitment',
      'complete_commitment',
    ]);
    expect(allowedCommands(handler, facts({ status: 'implementing', openCommitments: 0 }))).toEqual([
      'add_commitment',
      'complete',
    ]);
    expect(allowedCommands(handler, facts({ status: 'replied' }))).toEqual(['add_commitment', 'complete']);
  });
  it('lets only a proposer rate, once replied', () => {
    expect(allowedCommands(actor(['democratic_supervisor'], '/d/zx/', 'member'), facts({ status: 'replied' }))).toEqual(
      ['rate'],
    );
    expect(allowedCommands(actor(['democratic_supervisor'], '/d/zx/', 'member'), facts())).toEqual([]);
  });
});

/** Who holds which proposal permission, written out by hand: the role table must match it. */
describe('the proposal permissions of each role', () => {
  const EXPECTED: Record<RoleCode, string[]> = {
    admin: ['proposal.read', 'proposal.register', 'proposal.manage', 'proposal.handle'],
    district_leader: ['proposal.read', 'proposal.handle'],
    supervision_office: ['proposal.read', 'proposal.manage'],
    proposal_office: ['proposal.read', 'proposal.register'],
    subdistrict_staff: ['proposal.read', 'proposal.handle'],
    community_worker: [],
    grid_worker: [],
    unit_handler: ['proposal.read', 'proposal.handle'],
    democratic_supervisor: ['proposal.read'],
    volunteer: [],
    police_officer: [],
    doctor: [],
  };
  it.each(Object.entries(EXPECTED))('%s', (role, perms) => {
    expect(permissionsOf([role as RoleCode]).filter((p) => p.startsWith('proposal.'))).toEqual(perms);
  });
});
