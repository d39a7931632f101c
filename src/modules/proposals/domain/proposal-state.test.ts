import { describe, it, expect } from 'vitest';
import { DomainError } from '../../../kernel/errors.js';
import {
  applyProposalAction,
  newProposal,
  proposalKind,
  proposalTransitions,
  proposalYearStats,
  type ProposalAction,
  type ProposalContext,
  type ProposalState,
  type ProposalStatus,
} from './proposal-state.js';

/** Noon in Asia/Shanghai on a local date. */
const cstNoon = (date: string): Date => new Date(`${date}T12:00:00+08:00`);

const ctx = (date: string, accountId = 'office', over: Partial<ProposalContext> = {}): ProposalContext => ({
  actor: { accountId },
  now: cstNoon(date),
  ...over,
});
const assign: ProposalAction = {
  type: 'assign',
  mainHandlerIds: ['u1'],
  assistingHandlerIds: ['u2'],
  replyDeadline: '2026-06-01',
};

function run(steps: [ProposalAction, string, string?][], start = newProposal('p1', 2026, ['m1', 'm2'])): ProposalState {
  return steps.reduce((s, [a, date, who]) => applyProposalAction(s, a, ctx(date, who)), start);
}
function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const replied = () =>
  run([
    [assign, '2026-03-01'],
    [{ type: 'reply', summary: '已研究' }, '2026-05-20'],
  ]);

const SAMPLE: Record<ProposalStatus, () => ProposalState> = {
  registered: () => newProposal('p1', 2026, ['m1']),
  assigned: () => run([[assign, '2026-03-01']]),
  replied,
  implementing: () =>
    run([[{ type: 'add_commitment', title: '建设停车场', deadline: '2026-09-30' }, '2026-05-21']], replied()),
  completed: () => run([[{ type: 'complete' }, '2026-05-21']], replied()),
};
const ACTIONS: Record<string, ProposalAction> = {
  assign,
  reply: { type: 'reply', summary: '答复' },
  add_commitment: { type: 'add_commitment', title: 'x', deadline: '2026-12-31' },
  complete_commitment: { type: 'complete_commitment', index: 0, evidenceCount: 1 },
  complete: { type: 'complete' },
  rate: { type: 'rate', satisfaction: 'satisfied' },
};

describe('the proposal table', () => {
  const cases = (Object.keys(SAMPLE) as ProposalStatus[]).flatMap((from) =>
    Object.keys(ACTIONS).map((a) => [from, a] as const),
  );
  it.each(cases)('from %s, %s follows the table', (from, a) => {
    const row = proposalTransitions[from] as Record<string, unknown>;
    const s =
      from === 'implementing' && a === 'complete'
        ? run([[ACTIONS.complete_commitment, '2026-05-22']], SAMPLE[from]())
        : SAMPLE[from]();
    const apply = () => applyProposalAction(s, ACTIONS[a], ctx('2026-05-22', a === 'rate' ? 'm1' : 'office'));
    if (row[a] === undefined) {
      expect(caught(apply)).toMatchObject({ kind: 'conflict', code: 'proposal.invalid_transition' });
    } else {
      const target = row[a];
      expect(apply().status).toBe(typeof target === 'string' ? target : (target as { kept: string }).kept);
    }
  });
});

describe('proposal handling', () => {
  it('runs from registration through reply and implementation to completion', () => {
    const s = run([
      [assign, '2026-03-01'],
      [{ type: 'reply', summary: '拟于年内落实' }, '2026-05-20'],
      [{ type: 'add_commitment', title: '增设公交站点', deadline: '2026-08-31' }, '2026-05-21'],
      [{ type: 'complete_commitment', index: 0, evidenceCount: 3 }, '2026-08-15'],
      [{ type: 'complete' }, '2026-08-16'],
      [{ type: 'rate', satisfaction: 'satisfied' }, '2026-08-20', 'm2'],
    ]);
    expect(s).toMatchObject({ status: 'completed', firstReplyDeadline: '2026-06-01', rehandleCount: 0 });
    expect(s.commitments[0]).toEqual({
      title: '增设公交站点',
      deadline: '2026-08-31',
      doneOn: '2026-08-15',
      evidenceCount: 3,
    });
  });
  it('is 答复型 until a commitment makes it 落实型', () => {
    expect(proposalKind(replied())).toBe('reply');
    expect(proposalKind(SAMPLE.implementing())).toBe('implementation');
  });
  it('re-opens handling on an unsatisfied rating', () => {
    const s = run([[{ type: 'rate', satisfaction: 'unsatisfied' }, '2026-06-10', 'm1']], SAMPLE.completed());
    expect(s).toMatchObject({ status: 'assigned', rehandleCount: 1 });
    const again = run(
      [
        [{ ...assign, replyDeadline: '2026-07-10' } as ProposalAction, '2026-06-11'],
        [{ type: 'reply', summary: '再次答复' }, '2026-07-01'],
      ],
      s,
    );
    expect(again).toMatchObject({ status: 'replied', firstReplyDeadline: '2026-06-01', replyDeadline: '2026-07-10' });
    expect(again.replies).toHaveLength(2);
  });
  it('keeps the state on 满意 and 基本满意', () => {
    expect(run([[{ type: 'rate', satisfaction: 'basically_satisfied' }, '2026-06-10', 'm1']], replied()).status).toBe(
      'replied',
    );
  });
  it('refuses a rating by someone who is not a proposer', () => {
    expect(
      caught(() => run([[{ type: 'rate', satisfaction: 'satisfied' }, '2026-06-10', 'u1-handler']], replied())),
    ).toMatchObject({ kind: 'forbidden', code: 'proposal.not_proposer' });
  });
  it('refuses assignment to a retired unit, naming the field', () => {
    const e = caught(() =>
      applyProposalAction(
        newProposal('p', 2026, ['m1']),
        { ...assign, assistingHandlerIds: ['u2', 'old'] } as ProposalAction,
        ctx('2026-03-01', 'office', { retiredUnitIds: new Set(['old']) }),
      ),
    );
    expect(e).toMatchObject({
      kind: 'invalid',
      code: 'proposal.invalid_assignment',
      errors: [{ field: 'assistingHandlerIds[1]' }],
    });
  });
  it('refuses an assignment without a main handler or with a past reply deadline', () => {
    const e = caught(() =>
      applyProposalAction(
        newProposal('p', 2026, ['m1']),
        { type: 'assign', mainHandlerIds: [], assistingHandlerIds: [], replyDeadline: '2026-02-01' },
        ctx('2026-03-01'),
      ),
    );
    expect(e.errors.map((p) => p.field)).toEqual(['mainHandlerIds', 'replyDeadline']);
  });
  it('needs evidence to complete a commitment and every commitment done to complete', () => {
    const s = SAMPLE.implementing();
    expect(
      caught(() => run([[{ type: 'complete_commitment', index: 0, evidenceCount: 0 }, '2026-06-01']], s)),
    ).toMatchObject({ code: 'proposal.evidence_required', errors: [{ field: 'evidenceCount' }] });
    expect(
      caught(() => run([[{ type: 'complete_commitment', index: 5, evidenceCount: 1 }, '2026-06-01']], s)),
    ).toMatchObject({ errors: [{ field: 'index' }] });
    expect(caught(() => run([[{ type: 'complete' }, '2026-06-01']], s))).toMatchObject({
      kind: 'conflict',
      code: 'proposal.commitments_open',
    });
  });
});

describe('yearly statistics', () => {
  it('computes on-time reply, implementation and satisfaction rates', () => {
    const onTime = SAMPLE.implementing(); // replied 05-20 ≤ 06-01, 1 commitment open
    const late = run([
      [assign, '2026-03-01'],
      [{ type: 'reply', summary: 'x' }, '2026-06-05'],
      [{ type: 'rate', satisfaction: 'unsatisfied' }, '2026-06-06', 'm1'],
    ]);
    const silent = run([[assign, '2026-03-01']]); // deadline passed, no reply
    const done = run(
      [
        [ACTIONS.complete_commitment, '2026-07-01'],
        [{ type: 'rate', satisfaction: 'basically_satisfied' }, '2026-07-02', 'm1'],
      ],
      SAMPLE.implementing(),
    );
    const otherYear = { ...replied(), year: 2025 };
    const notYetDue = run([[{ ...assign, replyDeadline: '2026-12-31' } as ProposalAction, '2026-03-01']]);
    expect(proposalYearStats([onTime, late, silent, done, otherYear, notYetDue], 2026, '2026-07-31')).toEqual({
      year: 2026,
      proposals: 5,
      repliesDue: 4,
      repliedOnTime: 2,
      onTimeReplyRate: 0.5,
      implementationProposals: 2,
      commitments: 2,
      commitmentsDone: 1,
      implementationRate: 0.5,
      rated: 2,
      satisfiedOrBasically: 1,
      satisfactionRate: 0.5,
    });
  });
  it('gives null rates when nothing is due', () => {
    expect(proposalYearStats([], 2026, '2026-07-31')).toMatchObject({
      onTimeReplyRate: null,
      implementationRate: null,
      satisfactionRate: null,
    });
  });
});
