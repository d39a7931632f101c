import type { Executor } from '../../../kernel/db/db.js';
import type { FigureQuery, RateFigureSource } from '../../reporting/index.js';
import type { SupervisionDeps } from '../deps.js';
import { assessmentStore } from '../store/assessment.store.js';
import { calendarFor } from './refresh.js';

/** The rate's code, as star indicators name it. */
export const SUPERVISION_TASK_ON_TIME = 'supervision.taskOnTime';

/** The days a milestone rate counts: from the query's first day to its last, but not after today. */
export async function milestoneDaysOf(
  deps: SupervisionDeps,
  ex: Executor,
  q: { districtCode: string; from: Date; to: Date },
) {
  const cal = await calendarFor(deps, ex, q.districtCode);
  const today = cal.localDate(deps.clock.now());
  const from = cal.localDate(q.from);
  const to = cal.localDate(new Date(q.to.getTime() - 1));
  return { from, today, end: to < today ? to : today };
}

/**
 * 时间节点按期完成率 as the assessment (考核) defines it (docs/supervision.md): of the milestones of the
 * tasks led by units in the subtree that fell due in the query's days up to today, those done on or
 * before their due date. Read from the same unit × day sums as GET /assessment. Nothing due:
 * denominator 0.
 */
export function supervisionRateFigures(deps: SupervisionDeps): RateFigureSource[] {
  const daysOf = (ex: Executor, q: FigureQuery) => milestoneDaysOf(deps, ex, q);
  return [
    {
      code: SUPERVISION_TASK_ON_TIME,
      label: '任务节点按期完成率（按期完成的时间节点 ÷ 到期的时间节点）',
      async rate(ex, q) {
        const { from, end } = await daysOf(ex, q);
        if (end < from) return { numerator: 0, denominator: 0 };
        const units = await deps.org.unitsUnder(ex, q.districtCode, q.unitPath, {});
        const s = await assessmentStore.milestoneSums(
          ex,
          q.districtCode,
          units.map((u) => u.id),
          from,
          end,
        );
        return { numerator: s.onTime, denominator: s.due };
      },
      async records(ex, q, limit) {
        const { from, end, today } = await daysOf(ex, q);
        if (end < from) return [];
        const rows = await assessmentStore.milestonesDue(ex, q.districtCode, q.unitPath, from, end, limit);
        return rows.map((m) => ({
          kind: 'milestone',
          id: m.id,
          label: `${m.task_title}：${m.title}`,
          day: m.due_on,
          // As taskDayFacts counts it: done on or before its due date, by today.
          numerator: m.done_on !== null && m.done_on <= m.due_on && m.done_on <= today ? 1 : 0,
          denominator: 1,
        }));
      },
    },
  ];
}
