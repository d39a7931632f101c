import type { Actor } from '../../../kernel/auth/actor.js';
import type { WorkItemCount, WorkItemSource } from '../../insights/index.js';
import type { CycleDeps } from '../cycle-deps.js';
import type { StarsDeps } from '../deps.js';
import { previousQuarter, quarterOf } from '../domain/quarters.js';
import { step, type RatingAction, type RatingState } from '../domain/rating-transitions.js';
import { mondayOf } from '../domain/weeks.js';
import { addDays } from '../../../kernel/calendar/dates.js';
import { calendarFor } from './rating-access.js';
import { listRatings } from './rating-views.js';
import { weeklyGrid } from './weekly-views.js';

const GROUP = '五星支部';

/**
 * 每周推进未报: the cells of last week and this week on the caller's weekly grid (GET /stars/weekly, the
 * page's own rule `weekStatus`) that still wait for a report — pending (due on the week's last working
 * day; due soon when that is today or the next working day) or missing (the due day passed: overdue).
 */
async function weeklyOwed(deps: CycleDeps, actor: Actor, now: Date): Promise<WorkItemCount> {
  const cal = await calendarFor(deps, deps.database.db, actor.districtCode);
  const today = cal.localDate(now);
  const soon = cal.nextWorkday(today);
  const grid = await weeklyGrid(deps, actor, { from: addDays(mondayOf(today), -7), to: today });
  let total = 0;
  let overdue = 0;
  let dueSoon = 0;
  for (const row of grid.rows)
    row.cells.forEach((cell, i) => {
      if (cell.status !== 'missing' && cell.status !== 'pending') return;
      total++;
      const due = grid.weeks[i]!.dueDay;
      if (cell.status === 'missing') overdue++;
      else if (due !== null && due <= soon) dueSoon++;
    });
  return { total, overdue, dueSoon };
}

/**
 * The ratings of the quarter just ended (the one its reminders watch) waiting for `action`, by the
 * rating's own table (`step`): the branch's 自评 while open; the 街道's 提名 once self-assessed, or once
 * a silent branch's self-assessment deadline has passed; the district's 确认 once proposed. A branch
 * that has self-assessed may still revise, but owes nothing. Overdue past the stage's deadline, due
 * soon when the deadline (the last day allowed) is today or the next working day.
 */
async function ratingsOwed(deps: StarsDeps, actor: Actor, now: Date, action: RatingAction): Promise<WorkItemCount> {
  const cal = await calendarFor(deps, deps.database.db, actor.districtCode);
  const today = cal.localDate(now);
  const soon = cal.nextWorkday(today);
  const list = await listRatings(deps, actor, { quarter: previousQuarter(quarterOf(today)) });
  const ctx = { selfDeadlinePassed: today > list.deadlines.self };
  let total = 0;
  let overdue = 0;
  let dueSoon = 0;
  for (const r of list.items) {
    const state = r.state as RatingState;
    if (action === 'self_assess' ? state !== 'open' : !step(state, action, ctx).ok) continue;
    // The deadline of the stage owed: an open rating waiting for the 街道 is due by the 提名 deadline.
    const deadline = state === 'open' && action === 'propose' ? list.deadlines.propose : r.deadline;
    total++;
    if (deadline === null) continue;
    if (today > deadline) overdue++;
    else if (deadline <= soon) dueSoon++;
  }
  return { total, overdue, dueSoon };
}

/** The "五星"支部 lines on the 工作台: weekly progress not sent, and each stage of the quarterly rating. */
export function starWorkItems(deps: StarsDeps, cycle: CycleDeps): WorkItemSource[] {
  const rating = (
    code: string,
    label: string,
    action: RatingAction,
    permission: 'star.report' | 'star.review' | 'star.rate',
    waiting: string,
  ): WorkItemSource => ({
    code,
    label,
    group: GROUP,
    permission,
    count: (_ex, actor, now) => ratingsOwed(deps, actor, now, action),
    link: `/stars/rating?waiting=${waiting}`,
    overdueLink: `/stars/rating?waiting=${waiting}&overdue=true`,
  });
  return [
    {
      code: 'stars.weeklyDue',
      label: '每周推进待报',
      group: GROUP,
      permission: 'star.report',
      count: (_ex, actor, now) => weeklyOwed(cycle, actor, now),
      link: '/stars/weekly',
    },
    rating('stars.selfAssess', '季度评比待自评', 'self_assess', 'star.report', 'self'),
    rating('stars.propose', '季度评比待提名', 'propose', 'star.review', 'propose'),
    rating('stars.confirm', '季度评比待确认', 'confirm', 'star.rate', 'confirm'),
  ];
}
