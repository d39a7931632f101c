import type { Executor } from '../../../kernel/db/db.js';
import type { TaskMilestoneTable, TaskReportTable, TaskTable } from '../../../kernel/db/schema.js';
import type { Cadence, Task } from '../domain/index.js';

/** A stored task with its milestones and reports: what the pure rules need, plus the row. */
export interface LoadedTask {
  row: TaskTable;
  milestones: TaskMilestoneTable[];
  reports: TaskReportTable[];
}

export function toDomainTask(t: LoadedTask, children: Task[] = []): Task {
  return {
    id: t.row.id,
    title: t.row.title,
    start: t.row.start_on,
    deadline: t.row.deadline_on,
    milestones: t.milestones.map((m) => ({
      title: m.title,
      due: m.due_on,
      doneOn: m.done_on,
      weight: m.weight ?? undefined,
    })),
    cadence: t.row.cadence ? (JSON.parse(t.row.cadence) as Cadence) : null,
    reports: t.reports.map((r) => ({
      date: r.reported_on,
      percent: r.percent,
      evidenceCount: (JSON.parse(r.file_ids) as string[]).length,
    })),
    weight: t.row.weight ?? undefined,
    subTasks: children,
  };
}

async function attach(ex: Executor, rows: TaskTable[]): Promise<LoadedTask[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const milestones: TaskMilestoneTable[] = [];
  const reports: TaskReportTable[] = [];
  // Chunked so a large tree stays under the parameter limits of both databases.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    milestones.push(
      ...(await ex
        .selectFrom('task_milestones')
        .selectAll()
        .where('task_id', 'in', chunk)
        .orderBy('task_id')
        .orderBy('seq')
        .execute()),
    );
    reports.push(
      ...(await ex
        .selectFrom('task_reports')
        .selectAll()
        .where('task_id', 'in', chunk)
        .orderBy('task_id')
        .orderBy('reported_on')
        .orderBy('id')
        .execute()),
    );
  }
  const ms = groupBy(milestones, (m) => m.task_id);
  const rs = groupBy(reports, (r) => r.task_id);
  return rows.map((row) => ({ row, milestones: ms.get(row.id) ?? [], reports: rs.get(row.id) ?? [] }));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Builds domain trees from loaded tasks; returns the domain task of every id. */
export function buildTrees(loaded: LoadedTask[]): Map<string, Task> {
  const byParent = groupBy(
    loaded.filter((t) => t.row.parent_id !== null),
    (t) => t.row.parent_id as string,
  );
  const out = new Map<string, Task>();
  // Deepest first, so children are built before their parent.
  const sorted = [...loaded].sort((a, b) => b.row.depth - a.row.depth);
  for (const t of sorted) {
    const kids = (byParent.get(t.row.id) ?? []).map((c) => out.get(c.row.id)!).filter(Boolean);
    out.set(t.row.id, toDomainTask(t, kids));
  }
  return out;
}

export const taskStore = {
  async findById(ex: Executor, id: string): Promise<TaskTable | undefined> {
    return ex.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async load(ex: Executor, rows: TaskTable[]): Promise<LoadedTask[]> {
    return attach(ex, rows);
  },
  /** Every task of the tree rooted at the root of `treePath`. */
  async loadTree(ex: Executor, treePath: string): Promise<LoadedTask[]> {
    const rootId = treePath.split('/').filter(Boolean)[0];
    const rows = await ex.selectFrom('tasks').selectAll().where('root_id', '=', rootId).execute();
    return attach(ex, rows);
  },
  async children(ex: Executor, parentIds: string[]): Promise<TaskTable[]> {
    if (parentIds.length === 0) return [];
    return ex
      .selectFrom('tasks')
      .selectAll()
      .where('parent_id', 'in', parentIds)
      .orderBy('deadline_on')
      .orderBy('id')
      .execute();
  },
};
