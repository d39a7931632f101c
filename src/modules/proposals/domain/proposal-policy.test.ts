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
  it('gives the office assignment and key marking, the main handler the reply, the assisting handler nothing yet', () => {
    expect(allowedCommands(actor(['supervision_office'], ROOT), facts())).toEqual(['assign', 'mark_key']);
    expect(allowedCommands(actor(['unit_handler'], '/d/cg/'), facts())).toEqual(['reply']);
    expect(allowedCommands(actor(['unit_handler'], '/d/zj/'), facts())).toEqual([]);
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
