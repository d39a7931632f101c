import { describe, expect, it } from 'vitest';
import { DomainError, Forbidden } from '../../../kernel/errors.js';
import { toProblem } from '../../../kernel/http/problem.js';
import { applyOpinionAction, checkTerm, checkVisitDate, type OpinionState } from '../domain/opinion-state.js';
import {
  applyProposalAction,
  InvalidProposalTransition,
  newProposal,
  type ProposalAction,
} from '../domain/proposal-state.js';

/** What clients read when the proposals domain refuses: the sentences the API has always given. */
function readable(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) {
      const p = toProblem(e);
      return { code: p.code, detail: p.detail, errors: p.errors ?? [] };
    }
    throw e;
  }
  throw new Error('expected a DomainError');
}

const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);
const ctx = (date: string, accountId = 'office', retired: string[] = []) => ({
  actor: { accountId },
  now: noon(date),
  retiredUnitIds: new Set(retired),
});
const assign = (over: Partial<Extract<ProposalAction, { type: 'assign' }>> = {}): ProposalAction => ({
  type: 'assign',
  mainHandlerIds: ['u1'],
  assistingHandlerIds: ['u2'],
  replyDeadline: '2026-06-01',
  ...over,
});
const opinion: OpinionState = {
  status: 'recorded',
  recordedOn: '2026-03-01',
  responsibleUnitId: null,
  deadline: null,
  reply: null,
  closedOn: null,
};

describe('proposal refusals as clients read them', () => {
  it('names each problem of an assignment', () => {
    const p = readable(() =>
      applyProposalAction(
        newProposal('p1', 2026, ['m1']),
        assign({ mainHandlerIds: ['u1'], assistingHandlerIds: ['u9', 'u1'], replyDeadline: '2026-03-01' }),
        ctx('2026-03-10', 'office', ['u9']),
      ),
    );
    expect(p).toEqual({
      code: 'proposal.invalid_assignment',
      detail: '单位 u9 已撤销',
      errors: [
        { field: 'assistingHandlerIds[0]', message: '单位 u9 已撤销' },
        { field: 'assistingHandlerIds[1]', message: '单位 u1 已是主办单位' },
        { field: 'replyDeadline', message: '答复期限不能早于今天' },
      ],
    });
    expect(
      readable(() =>
        applyProposalAction(newProposal('p1', 2026, ['m1']), assign({ mainHandlerIds: [] }), ctx('2026-03-10')),
      ).detail,
    ).toBe('至少指定一个主办单位');
  });

  it('says why a step is refused', () => {
    const assigned = applyProposalAction(newProposal('p1', 2026, ['m1']), assign(), ctx('2026-03-10'));
    expect(readable(() => applyProposalAction(assigned, { type: 'complete' }, ctx('2026-03-11')))).toMatchObject({
      code: 'proposal.invalid_transition',
      detail: '提案当前状态为「已交办」，不能执行该操作',
    });
    expect(
      readable(() => {
        throw new InvalidProposalTransition('registered', 'reply');
      }).detail,
    ).toBe('提案当前状态为「已登记」，不能执行该操作');
  });

  it('says what is wrong with an opinion step, a term and a visit', () => {
    expect(
      readable(() =>
        applyOpinionAction(opinion, { type: 'track', responsibleUnitId: 'u1', deadline: '2026-02-01' }, '2026-03-01'),
      ),
    ).toEqual({
      code: 'opinion.invalid_deadline',
      detail: '办理期限不能早于今天',
      errors: [{ field: 'deadline', message: '办理期限不能早于今天' }],
    });
    expect(
      readable(() =>
        applyOpinionAction(opinion, { type: 'track', responsibleUnitId: 'u1', deadline: 'soon' }, '2026-03-01'),
      ),
    ).toEqual({
      code: 'opinion.invalid_deadline',
      detail: '办理期限须为 YYYY-MM-DD 日期',
      errors: [{ field: 'deadline', message: 'not a date in YYYY-MM-DD form' }],
    });
    expect(readable(() => applyOpinionAction(opinion, { type: 'answer', reply: 'x' }, '2026-03-01'))).toMatchObject({
      code: 'opinion.invalid_transition',
      detail: '意见当前状态为「已记录」，不能单位答复',
    });
    expect(readable(() => checkTerm('2026-03-01', '2026-02-01'))).toEqual({
      code: 'supervisor.invalid_term',
      detail: '任期结束日期不能早于开始日期',
      errors: [{ field: 'termEnd', message: '任期结束日期不能早于开始日期' }],
    });
    const term = { termStart: '2026-01-01', termEnd: '2026-06-30' };
    expect(readable(() => checkVisitDate('2026-07-01', term, '2026-08-01'))).toEqual({
      code: 'supervisor.invalid_visit_date',
      detail: '走访日期须在任期内（2026-01-01 至 2026-06-30）',
      errors: [{ field: 'visitedOn', message: '走访日期须在任期内（2026-01-01 至 2026-06-30）' }],
    });
    expect(readable(() => checkVisitDate('2026-05-01', term, '2026-04-01')).detail).toBe('走访日期不能晚于今天');
  });

  it('names who may take each proposal command when refusing it', () => {
    // The sentences take-proposal-action.ts wrote itself before the table.
    const refusals: [string, string, string][] = [
      ['assign', 'proposal.not_office', '只有督查室（提案督办）可以交办提案'],
      ['mark_key', 'proposal.not_office', '只有督查室（提案督办）可以确定重点提案'],
      ['consult', 'proposal.not_main_handler', '只有主办单位可以记录见面协商'],
      ['waive_consultation', 'proposal.not_main_handler', '只有主办单位可以记录无需见面协商'],
      ['reply', 'proposal.not_main_handler', '只有主办单位可以答复提案'],
      ['add_commitment', 'proposal.not_main_handler', '只有主办单位可以增加落实事项'],
      ['complete_commitment', 'proposal.not_main_handler', '只有主办单位可以报送落实情况'],
      ['complete', 'proposal.not_main_handler', '只有主办单位可以办结提案'],
      ['rate', 'proposal.not_proposer', '只有提案人可以评价办理结果'],
      ['report_progress', 'proposal.not_handler', '只有承办单位可以汇报办理进展'],
      ['hear_progress', 'proposal.not_leader', '只有牵头督办领导可以听取汇报'],
    ];
    for (const [act, code, sentence] of refusals)
      expect(toProblem(new Forbidden(code, `may not ${act}`, { act })).detail).toBe(sentence);
  });
});
