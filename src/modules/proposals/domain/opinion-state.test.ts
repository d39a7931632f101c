import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../kernel/errors.js';
import {
  applyOpinionAction,
  checkTerm,
  checkVisitDate,
  isOpinionOverdue,
  opinionTransitions,
  type OpinionAction,
  type OpinionState,
  type OpinionStatus,
} from './opinion-state.js';

const base: OpinionState = {
  status: 'recorded',
  recordedOn: '2026-11-01',
  responsibleUnitId: null,
  deadline: null,
  reply: null,
  closedOn: null,
};
const ACTIONS: Record<OpinionAction['type'], OpinionAction> = {
  track: { type: 'track', responsibleUnitId: 'u1', deadline: '2026-12-01' },
  answer: { type: 'answer', reply: '已整改' },
  close: { type: 'close' },
  reopen: { type: 'reopen', comment: '仍未解决' },
};
const caught = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('the opinion table', () => {
  const cases = (Object.keys(opinionTransitions) as OpinionStatus[]).flatMap((s) =>
    (Object.keys(ACTIONS) as OpinionAction['type'][]).map((a) => [s, a] as const),
  );
  it.each(cases)('from %s, %s follows the table', (from, a) => {
    const target = (opinionTransitions[from] as Record<string, OpinionStatus | undefined>)[a];
    const apply = () => applyOpinionAction({ ...base, status: from }, ACTIONS[a], '2026-11-10');
    if (target === undefined)
      expect(caught(apply)).toMatchObject({ kind: 'conflict', code: 'opinion.invalid_transition' });
    else expect(apply().status).toBe(target);
  });
});

describe('opinion rules', () => {
  it('refuses a past deadline and an empty answer, naming the field', () => {
    expect(
      caught(() =>
        applyOpinionAction(base, { ...ACTIONS.track, deadline: '2026-11-09' } as OpinionAction, '2026-11-10'),
      ).errors[0].field,
    ).toBe('deadline');
    expect(
      caught(() => applyOpinionAction({ ...base, status: 'open' }, { type: 'answer', reply: '  ' }, '2026-11-10'))
        .errors[0].field,
    ).toBe('reply');
  });
  it('is overdue only while open past its deadline', () => {
    expect(isOpinionOverdue({ status: 'open', deadline: '2026-11-09' }, '2026-11-10')).toBe(true);
    expect(isOpinionOverdue({ status: 'open', deadline: '2026-11-10' }, '2026-11-10')).toBe(false);
    expect(isOpinionOverdue({ status: 'answered', deadline: '2026-11-09' }, '2026-11-10')).toBe(false);
  });
  it('checks terms and visit dates', () => {
    expect(caught(() => checkTerm('2026-02-01', '2026-01-31')).errors[0].field).toBe('termEnd');
    expect(() => checkTerm('2026-02-01', '2026-02-01')).not.toThrow();
    const term = { termStart: '2026-01-01', termEnd: '2026-06-30' };
    expect(caught(() => checkVisitDate('2026-07-01', term, '2026-11-10')).errors[0].field).toBe('visitedOn');
    expect(caught(() => checkVisitDate('2026-11-11', { ...term, termEnd: '2026-12-31' }, '2026-11-10')).code).toBe(
      'supervisor.invalid_visit_date',
    );
    expect(() => checkVisitDate('2026-06-30', term, '2026-11-10')).not.toThrow();
  });
});
