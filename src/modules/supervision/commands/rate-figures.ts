import type { RateFigureSource } from '../../reporting/index.js';
import type { SupervisionDeps } from '../deps.js';
import { assessmentStore } from '../store/assessment.store.js';
import { calendarFor } from './refresh.js';

/** The rate's code, as star indicators name it. */
export const SUPERVISION_TASK_ON_TIME = 'supervision.taskOnTime';

/**
 * 时间节点按期完成率 as the assessment (考核) defines it (docs/supervision.md): of the milestones of the
 * tasks led by units in the subtree that fell due in the query's days up to today, those done on or
 * before their due date. Read from the same unit × day sums as GET /assessment. Nothing due:
 * denominator 0.
 */
export function supervisionRateFigures(deps: SupervisionDeps): RateFigureSource[] {
  return [
    {
      code: SUPERVISION_TASK_ON_TIME,
      label: '任务节点按期完成率（按期完成的时间节点 ÷ 到期的时间节点）',
      async rate(ex, q) {
        const cal = await calendarFor(deps, ex, q.districtCode);
        const today = cal.localDate(deps.clock.now());
        const from = cal.localDate(q.from);
        const to = cal.localDate(new Date(q.to.getTime() - 1));
        const end = to < today ? to : today;
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
    },
  ];
}
