import type { Executor } from '../../../kernel/db/db.js';
import { sumUnderAreas, type MeasureQuery, type MeasureSource } from '../../insights/index.js';
import type { SupervisionDeps } from '../deps.js';
import { taskFigureStore } from '../store/task-figures.store.js';
import { assessmentStore } from '../store/assessment.store.js';
import { milestoneDaysOf } from './rate-figures.js';

const GROUP = '督查督办';

/**
 * Open tasks led in each area, all and overdue: counted per lead unit path and status in the database
 * (a task has one lead unit) and summed per area by path; read once per query object (在办 and 逾期
 * share it).
 */
function openTasksPerArea() {
  const memo = new WeakMap<MeasureQuery, Promise<{ path: string; status: string; n: number }[]>>();
  return async (ex: Executor, q: MeasureQuery, which: 'open' | 'overdue') => {
    let p = memo.get(q);
    if (!p) memo.set(q, (p = taskFigureStore.openLedCounts(ex, q.districtCode)));
    const rows = (await p).filter((r) => which === 'open' || r.status === 'overdue');
    return sumUnderAreas(
      'count',
      q.areas,
      rows.map((r) => ({ path: r.path, numerator: r.n })),
    );
  };
}

/**
 * 节点按期完成率 of every area at once: the unit × day sums of the days summed per lead unit in one
 * query and shared out by the lead unit's path — the same sums as the rate figure (rate-figures.ts)
 * asks per unit subtree, without reading every unit under the area.
 */
async function milestonesOnTime(deps: SupervisionDeps, ex: Executor, q: MeasureQuery) {
  const { from, end } = await milestoneDaysOf(deps, ex, q);
  if (end < from) return sumUnderAreas('rate', q.areas, []);
  const sums = await assessmentStore.milestoneSumsByUnit(ex, q.districtCode, from, end);
  const units = new Map<string, { path: string }>();
  for (let i = 0; i < sums.length; i += 1000)
    for (const [id, u] of await deps.org.unitsByIds(
      ex,
      sums.slice(i, i + 1000).map((s) => s.unitId),
    ))
      units.set(id, u);
  const rows = [];
  for (const s of sums) {
    const u = units.get(s.unitId);
    if (u) rows.push({ path: u.path, numerator: s.onTime, denominator: s.due });
  }
  return sumUnderAreas('rate', q.areas, rows);
}

/** 节点按期完成率 (the assessment's rate figure), 在办任务数 and 逾期任务数, for leaders (docs/insights-measures.md). */
export function supervisionInsightMeasures(deps: SupervisionDeps): MeasureSource[] {
  const openTasks = openTasksPerArea();
  const base = {
    group: GROUP,
    permission: 'task.read' as const,
    levels: ['district', 'subdistrict', 'township', 'community', 'village'] as const,
  };
  return [
    {
      ...base,
      code: 'supervision.taskOnTime',
      label: '节点按期完成率',
      kind: 'rate',
      definition:
        '期间内到期（截至今日）的任务时间节点中，在到期日当天或之前完成的比例：按期完成节点数 ÷ 到期节点数；按牵头单位计入辖区（督查考核口径）',
      better: 'higher',
      timing: 'period',
      headline: 6,
      measure: (ex, q) => milestonesOnTime(deps, ex, q),
      // The milestones due in the days, counted as the unit × day sums count them.
      link: (a, days) => `/supervision/milestones?unitId=${a.unitId}&from=${days.from}&to=${days.to}`,
    },
    {
      ...base,
      code: 'supervision.openTasks',
      label: '在办任务数',
      kind: 'count',
      unit: '项',
      definition: '此刻未完成的督办任务数（正常推进、滞后、逾期），按牵头单位计入辖区',
      better: 'lower',
      timing: 'now',
      measure: (ex, q) => openTasks(ex, q, 'open'),
      link: (a) => `/supervision/tasks?unitId=${a.unitId}&open=true`,
    },
    {
      ...base,
      code: 'supervision.overdueTasks',
      label: '逾期任务数',
      kind: 'count',
      unit: '项',
      definition: '此刻已过完成时限仍未完成的督办任务数（任务状态为逾期），按牵头单位计入辖区',
      better: 'lower',
      timing: 'now',
      measure: (ex, q) => openTasks(ex, q, 'overdue'),
      link: (a) => `/supervision/tasks?unitId=${a.unitId}&status=overdue`,
    },
  ];
}
