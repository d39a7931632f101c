import { describe, it, expect } from 'vitest';
import { DomainError } from '../../../kernel/errors.js';
import { createCalendar } from '../../../kernel/calendar/index.js';
import {
  applyProposalAction,
  defaultReplyDeadline,
  latestReplyDeadline,
  newProposal,
  parseProposalState,
  periodEnd,
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

const consult: ProposalAction = {
  type: 'consult',
  on: '2026-05-10',
  participants: '委员甲；城管局副局长',
  outcome: '提案人同意分步实施',
};
const reply = (summary = '已研究', replyClass: 'A' | 'B' | 'C' = 'B'): ProposalAction => ({
  type: 'reply',
  summary,
  replyClass,
});

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
    [consult, '2026-05-10'],
    [reply(), '2026-05-20'],
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
  consult: { ...consult, on: '2026-05-22' } as ProposalAction,
  waive_consultation: { type: 'waive_consultation', reason: '提案人书面表示无需见面' },
  reply: reply('答复'),
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
        : from === 'assigned' && a === 'reply'
          ? run([[consult, '2026-05-22']], SAMPLE[from]())
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
      [consult, '2026-05-10'],
      [reply('拟于年内落实'), '2026-05-20'],
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
        [{ ...consult, on: '2026-06-20' } as ProposalAction, '2026-06-20'],
        [reply('再次答复', 'A'), '2026-07-01'],
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
      [consult, '2026-05-10'],
      [reply('x', 'C'), '2026-06-05'],
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
    const notYetDue = run([[{ ...assign, replyDeadline: '2026-08-31' } as ProposalAction, '2026-03-01']]);
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
      // onTime and done replied B, late replied C; silent and notYetDue have no reply.
      byReplyClass: { A: 0, B: 2, C: 1 },
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

describe('见面协商 before the reply', () => {
  const assigned = () => run([[assign, '2026-03-01']]);
  it('refuses the reply until the proposer was met, or the meeting marked as not needed with a reason', () => {
    expect(caught(() => run([[reply(), '2026-05-20']], assigned()))).toMatchObject({
      kind: 'conflict',
      code: 'proposal.consultation_required',
    });
    const met = run([[consult, '2026-05-12']], assigned());
    expect(met.consultations).toEqual([
      {
        round: 0,
        on: '2026-05-10',
        participants: '委员甲；城管局副局长',
        outcome: '提案人同意分步实施',
        waivedReason: null,
        by: 'office',
      },
    ]);
    expect(run([[reply('x', 'A'), '2026-05-20']], met).replies).toEqual([
      { on: '2026-05-20', summary: 'x', replyClass: 'A' },
    ]);
    const waived = run([[{ type: 'waive_consultation', reason: '提案人书面表示无需见面' }, '2026-05-12']], assigned());
    expect(waived.consultations[0]).toMatchObject({
      round: 0,
      on: '2026-05-12',
      waivedReason: '提案人书面表示无需见面',
    });
    expect(run([[reply(), '2026-05-20']], waived).status).toBe('replied');
  });
  it('asks for a date between the assignment and today, the participants and the outcome', () => {
    const e = caught(() =>
      run([[{ type: 'consult', on: '2026-02-27', participants: ' ', outcome: '' }, '2026-05-12']], assigned()),
    );
    expect(e).toMatchObject({ kind: 'invalid', code: 'proposal.invalid_consultation' });
    expect(e.errors.map((p) => [p.field, p.code])).toEqual([
      ['on', 'proposal.consultation_before_assignment'],
      ['participants', 'proposal.participants_required'],
      ['outcome', 'proposal.outcome_required'],
    ]);
    expect(
      caught(() => run([[{ ...consult, on: '2026-05-13' } as ProposalAction, '2026-05-12']], assigned())).errors[0],
    ).toMatchObject({ field: 'on', code: 'proposal.consultation_in_future' });
    expect(
      caught(() => run([[{ type: 'waive_consultation', reason: '  ' }, '2026-05-12']], assigned())).errors[0],
    ).toMatchObject({ field: 'reason', code: 'proposal.waiver_reason_required' });
  });
  it('refuses a waiver once a consultation is on record for the round', () => {
    expect(
      caught(() =>
        run(
          [
            [consult, '2026-05-12'],
            [{ type: 'waive_consultation', reason: 'r' }, '2026-05-13'],
          ],
          assigned(),
        ),
      ),
    ).toMatchObject({ kind: 'conflict', code: 'proposal.already_consulted' });
  });
  it('asks for a new consultation after 不满意 re-opens handling', () => {
    const reopened = run([[{ type: 'rate', satisfaction: 'unsatisfied' }, '2026-06-10', 'm1']], replied());
    expect(caught(() => run([[reply(), '2026-06-20']], reopened)).code).toBe('proposal.consultation_required');
    const again = run(
      [
        [{ ...consult, on: '2026-06-15' } as ProposalAction, '2026-06-15'],
        [reply(), '2026-06-20'],
      ],
      reopened,
    );
    expect(again.consultations.map((c) => c.round)).toEqual([0, 1]);
  });
  it('refuses a reply without a class A, B or C', () => {
    const met = run([[consult, '2026-05-12']], assigned());
    expect(
      caught(() =>
        run([[{ type: 'reply', summary: 'x', replyClass: 'D' } as unknown as ProposalAction, '2026-05-20']], met),
      ).errors[0],
    ).toMatchObject({ field: 'replyClass', code: 'proposal.reply_class_invalid' });
  });
  it('reads states stored before consultations were kept', () => {
    const old = { ...newProposal('p', 2026, []) } as Partial<ProposalState>;
    delete old.consultations;
    delete old.assignedOn;
    expect(parseProposalState(JSON.stringify(old))).toMatchObject({ consultations: [], assignedOn: null });
  });
});

describe('the reply deadline the rules give (three months, 民法典 第二百零一至二百零三条)', () => {
  const cal = createCalendar();
  // Hand-computed from the articles and the 2026 holiday notice, not from the code.
  it.each([
    ['2026-03-10', '2026-06-10', 'the corresponding day, a Wednesday'],
    ['2026-03-14', '2026-06-15', 'Sunday 06-14 moves to Monday'],
    ['2026-03-19', '2026-06-22', '端午 06-19..21 off: the next day after the holiday'],
    ['2026-07-01', '2026-10-08', '国庆 10-01..07 off'],
    ['2026-06-20', '2026-09-20', 'Sunday 09-20 is a 调休 working day: it stays'],
    ['2025-11-30', '2026-02-28', 'no 02-30: the month end, a 调休 working Saturday'],
    ['2026-05-31', '2026-08-31', 'no 08-31 problem: the corresponding day exists'],
  ])('received %s → replies by %s (%s)', (received, due) => {
    expect(defaultReplyDeadline(received, cal)).toBe(due);
  });
  it('without a calendar applies the month rule only', () => {
    expect(periodEnd('2026-11-30', 3)).toBe('2027-02-28');
    expect(periodEnd('2026-03-14', 3)).toBe('2026-06-14');
  });
  it('defaults an assignment to it, and refuses a deadline past six months', () => {
    const s = applyProposalAction(
      newProposal('p', 2026, []),
      { type: 'assign', mainHandlerIds: ['u1'], assistingHandlerIds: [] },
      ctx('2026-07-01', 'office', { calendar: cal }),
    );
    expect(s).toMatchObject({
      replyDeadline: '2026-10-08',
      firstReplyDeadline: '2026-10-08',
      assignedOn: '2026-07-01',
    });
    expect(latestReplyDeadline('2026-03-01', cal)).toBe('2026-09-01');
    const late = caught(() =>
      applyProposalAction(
        newProposal('p', 2026, []),
        { ...assign, replyDeadline: '2026-09-02' } as ProposalAction,
        ctx('2026-03-01', 'office', { calendar: cal }),
      ),
    );
    expect(late.errors[0]).toMatchObject({
      field: 'replyDeadline',
      code: 'proposal.reply_deadline_too_late',
      params: { latest: '2026-09-01' },
    });
    expect(
      applyProposalAction(
        newProposal('p', 2026, []),
        { ...assign, replyDeadline: '2026-09-01' } as ProposalAction,
        ctx('2026-03-01', 'office', { calendar: cal }),
      ).replyDeadline,
    ).toBe('2026-09-01');
  });
});
