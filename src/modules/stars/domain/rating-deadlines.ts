import { addDays } from '../../../kernel/calendar/dates.js';
import { quarterDays } from './quarters.js';

/**
 * The rating's deadlines counted in working days after its last day (the district calendar with
 * 调休 decides what a working day is; it comes in as a predicate so the rule stays pure).
 */
export const RATING_DEADLINE_WORKDAYS = { self: 5, propose: 10, confirm: 15 } as const;
export type RatingStage = keyof typeof RATING_DEADLINE_WORKDAYS;
export const RATING_STAGE_LABELS: Record<RatingStage, string> = {
  self: '支部自评',
  propose: '街道提名',
  confirm: '区级确认',
};

/** The n-th working day strictly after `day` (n ≥ 1). */
export function nthWorkdayAfter(day: string, n: number, isWorkday: (d: string) => boolean): string {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkday(d)) left--;
  }
  return d;
}

export type RatingDeadlines = Record<RatingStage, string>;

/** The last day (inclusive) of each stage of a quarter's rating. */
export function ratingDeadlines(q: string, isWorkday: (d: string) => boolean): RatingDeadlines {
  const end = quarterDays(q).lastDay;
  return {
    self: nthWorkdayAfter(end, RATING_DEADLINE_WORKDAYS.self, isWorkday),
    propose: nthWorkdayAfter(end, RATING_DEADLINE_WORKDAYS.propose, isWorkday),
    confirm: nthWorkdayAfter(end, RATING_DEADLINE_WORKDAYS.confirm, isWorkday),
  };
}

/** Whose turn a rating in `state` is, and that stage's deadline: null when nobody owes a step. */
export function stageOf(state: string): RatingStage | null {
  if (state === 'open') return 'self';
  if (state === 'self_assessed') return 'propose';
  if (state === 'proposed') return 'confirm';
  return null;
}

/**
 * A reminder is due for a stage from two working days before its deadline on (and every working day
 * while overdue is not repeated: the caller claims one reminder per rating, stage and day kind).
 * Answers 'due_soon' on the two working days up to and including the deadline, 'overdue' after it.
 */
export function reminderKind(
  today: string,
  deadline: string,
  isWorkday: (d: string) => boolean,
): 'due_soon' | 'overdue' | null {
  if (today > deadline) return 'overdue';
  if (!isWorkday(today)) return null;
  // Working days from today up to the deadline, today counted.
  let n = 0;
  for (let d = today; d <= deadline; d = addDays(d, 1)) if (isWorkday(d)) n++;
  return n <= 2 ? 'due_soon' : null;
}
