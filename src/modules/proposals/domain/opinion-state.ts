import { Conflict, Invalid } from '../../../kernel/errors.js';
import type { OpinionStatus } from '../../../contracts/proposals.js';
import { isDate } from '../../../kernel/calendar/index.js';
import { OPINION_STATUS_NAMES, OPINION_ACTION_NAMES } from '../../../contracts/proposals.js';

// The Chinese names are contract data, shared with the console.
export { OPINION_STATUS_NAMES, OPINION_ACTION_NAMES };

/** 已记录 → 跟踪办理 → 已答复 → 已办结; an unconvincing answer goes back to 跟踪办理. */
export type { OpinionStatus };

export type OpinionAction =
  | { type: 'track'; responsibleUnitId: string; /** Local date the unit must answer by. */ deadline: string }
  | { type: 'answer'; reply: string }
  | { type: 'close'; comment?: string }
  | { type: 'reopen'; comment: string };
export type OpinionActionType = OpinionAction['type'];

export const opinionTransitions = {
  recorded: { track: 'open' },
  open: { answer: 'answered', close: 'done' },
  answered: { close: 'done', reopen: 'open' },
  done: {},
} as const satisfies Record<OpinionStatus, Partial<Record<OpinionActionType, OpinionStatus>>>;

export interface OpinionState {
  status: OpinionStatus;
  recordedOn: string;
  responsibleUnitId: string | null;
  deadline: string | null;
  reply: string | null;
  closedOn: string | null;
}

/** Applies one action on the local date `today`; the caller has checked who acts. */
export function applyOpinionAction(s: OpinionState, a: OpinionAction, today: string): OpinionState {
  const target = (opinionTransitions[s.status] as Partial<Record<OpinionActionType, OpinionStatus>>)[a.type];
  if (!target)
    throw new Conflict('opinion.invalid_transition', `a ${s.status} opinion cannot take ${a.type}`, [], {
      status: OPINION_STATUS_NAMES[s.status],
      action: OPINION_ACTION_NAMES[a.type],
    });
  switch (a.type) {
    case 'track':
      if (!isDate(a.deadline))
        throw new Invalid(
          'opinion.invalid_deadline',
          `deadline ${a.deadline} is not a date`,
          [{ field: 'deadline', message: 'not a date in YYYY-MM-DD form' }],
          { reason: 'format' },
        );
      if (a.deadline < today)
        throw new Invalid(
          'opinion.invalid_deadline',
          `deadline ${a.deadline} is before today`,
          [{ field: 'deadline', code: 'opinion.deadline_past', message: 'before today' }],
          { reason: 'past' },
        );
      return { ...s, status: target, responsibleUnitId: a.responsibleUnitId, deadline: a.deadline };
    case 'answer':
      if (a.reply.trim() === '')
        throw new Invalid('opinion.invalid_reply', 'empty reply', [
          { field: 'reply', code: 'opinion.reply_empty', message: 'empty reply' },
        ]);
      return { ...s, status: target, reply: a.reply };
    case 'close':
      return { ...s, status: target, closedOn: today };
    case 'reopen':
      if (a.comment.trim() === '')
        throw new Invalid('opinion.reopen_reason', 'reopening needs a reason', [
          { field: 'comment', code: 'field.required', message: 'required' },
        ]);
      return { ...s, status: target };
  }
}

/** A tracked item not answered by its deadline. */
export function isOpinionOverdue(s: Pick<OpinionState, 'status' | 'deadline'>, today: string): boolean {
  return s.status === 'open' && s.deadline !== null && s.deadline < today;
}

/** A supervisor's term (任期) must be a real span. */
export function checkTerm(termStart: string, termEnd: string): void {
  const problems = [];
  if (!isDate(termStart)) problems.push({ field: 'termStart', message: 'not a date in YYYY-MM-DD form' });
  if (!isDate(termEnd)) problems.push({ field: 'termEnd', message: 'not a date in YYYY-MM-DD form' });
  else if (isDate(termStart) && termEnd < termStart)
    problems.push({
      field: 'termEnd',
      code: 'supervisor.term_end_before_start',
      message: `term ends ${termEnd} before it starts ${termStart}`,
    });
  if (problems.length) throw new Invalid('supervisor.invalid_term', problems[0].message, problems);
}

/** A visit lies within the term and not in the future. */
export function checkVisitDate(visitedOn: string, term: { termStart: string; termEnd: string }, today: string): void {
  const bad = (message: string, code?: string) =>
    new Invalid('supervisor.invalid_visit_date', message, [
      { field: 'visitedOn', message, ...(code ? { code, params: term } : {}) },
    ]);
  if (!isDate(visitedOn)) throw bad('not a date in YYYY-MM-DD form');
  if (visitedOn > today) throw bad(`visit ${visitedOn} is after today`, 'supervisor.visit_in_future');
  if (visitedOn < term.termStart || visitedOn > term.termEnd)
    throw bad(`visit ${visitedOn} is outside the term`, 'supervisor.visit_outside_term');
}
