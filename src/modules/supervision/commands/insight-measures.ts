import type { Executor } from '../../../kernel/db/db.js';
import {
  areasByPath,
  commonPathOf,
  forAreasOf,
  sumUnderAreas,
  type MeasureQuery,
  type MeasureSource,
} from '../../insights/index.js';
import type { SupervisionDeps } from '../deps.js';
import { taskFigureStore } from '../store/task-figures.store.js';
import { assessmentStore } from '../store/assessment.store.js';
import { milestoneDaysOf } from './rate-figures.js';

const GROUP = '督查督办';

/**
 * Open tasks led in each area, all and overdue, by task (a task with two lead units in one area counts
 * once there): counted per lead unit path in the database, the few tasks with several lead units by
 * id; read once per query object (在办 and 逾期 share it).
 */
function openTasksPerArea() {
  const memo = new WeakMap<MeasureQuery, Promise<{ open: number[]; overdue: number[] }>>();
  const read = async (ex: Executor, q: MeasureQuery) => {
    const { counts, shared } = await taskFigureStore.openLedCounts(ex, q.districtCode, commonPathOf(q.areas));
    const open = q.areas.map(() => 0);
    const overdue = q.areas.map(() => 0);
    const index = areasByPath(q.areas.map((a) => a.unitPath));
    for (const r of counts)
      forAreasOf(r.path, index, (i) => {
        open[i] += r.n;
        if (r.status === 'overdue') overdue[i] += r.n;
      });
    const sets = q.areas.map(() => new Set<string>());
    for (const r of shared) forAreasOf(r.unit_path, index, (i) => sets[i]!.add(r.id));
    const status = new Map(shared.map((r) => [r.id, r.status]));
    sets.forEach((ids, i) => {
      for (const id of ids) {
        open[i]++;
        if (status.get(id) === 'overdue') overdue[i]++;
      }
    });
    return { open, overdue };
  };
  return (ex: Executor, q: MeasureQuery, which: 'open' | 'overdue') => {
    let p = memo.get(q);
    if (!p) memo.set(q, (p = read(ex, q)));
    return p.then((r) => new Map(q.areas.map((a, i) => [a.unitId, { numerator: r[which][i]! }])));
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
      link: () => '/supervision/assessment',
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
