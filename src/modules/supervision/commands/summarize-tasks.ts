import type { Executor } from '../../../kernel/db/db.js';
import type { TaskTable } from '../../../kernel/db/schema.js';
import type { TaskStatus, TaskSummary } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';

/** Task rows → the list shape, with names and the next milestone, in a fixed number of queries. */
export async function summarize(deps: SupervisionDeps, ex: Executor, rows: TaskTable[]): Promise<TaskSummary[]> {
  if (rows.length === 0) return [];
  const unitIds = rows.flatMap((r) => [r.lead_unit_id, ...(JSON.parse(r.cooperating_unit_ids) as string[])]);
  const [units, leaders, facts] = await Promise.all([
    deps.org.unitsByIds(ex, unitIds),
    deps.org.accountsByIds(
      ex,
      rows.map((r) => r.lead_leader_id).filter((x): x is string => x !== null),
    ),
    taskStore.summaryFacts(
      ex,
      rows.map((r) => r.id),
    ),
  ]);
  const nextBy = new Map<string, { id: string; title: string; due: string }>();
  for (const m of facts.next)
    if (!nextBy.has(m.task_id)) nextBy.set(m.task_id, { id: m.id, title: m.title, due: m.due_on });
  const kidsBy = new Map(facts.kids.map((k) => [k.parent_id as string, Number(k.n)]));
  const noticesBy = new Map(facts.notices.map((k) => [k.task_id, Number(k.n)]));
  const unit = (id: string) => ({ id, name: units.get(id)?.name ?? '（已删除单位）' });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TaskSummary['kind'],
    source: r.source as TaskSummary['source'],
    title: r.title,
    parentId: r.parent_id,
    depth: r.depth,
    leadLeader: r.lead_leader_id ? { id: r.lead_leader_id, name: leaders.get(r.lead_leader_id)?.name ?? '' } : null,
    leadUnit: unit(r.lead_unit_id),
    cooperatingUnits: (JSON.parse(r.cooperating_unit_ids) as string[]).map(unit),
    start: r.start_on,
    deadline: r.deadline_on,
    status: r.status as TaskStatus,
    statusReasons: JSON.parse(r.status_reasons) as string[],
    progress: r.progress,
    completedOn: r.completed_on,
    nextMilestone: nextBy.get(r.id) ?? null,
    subTaskCount: kidsBy.get(r.id) ?? 0,
    openNotices: noticesBy.get(r.id) ?? 0,
  }));
}
