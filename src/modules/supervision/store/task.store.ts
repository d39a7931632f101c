import { sql, type ExpressionBuilder, type Insertable, type SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type {
  DB,
  TaskMilestoneTable,
  TaskReportFileTable,
  TaskReportTable,
  TaskTable,
  TaskUnitTable,
} from '../../../kernel/db/schema.js';
import type { Cadence, Task } from '../domain/index.js';

/**
 * Who sees a task: its lead leader, and anyone whose data scope covers a unit the task is owed by
 * (lead, cooperating) or the lead unit of a task it was decomposed from ('up' rows). A district-level
 * account covers every unit, so the supervision office and leaders see the whole district.
 */
export function visibleTasks(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'tasks'>) =>
    eb.and([
      eb('tasks.district_code', '=', actor.districtCode),
      eb.or([
        eb('tasks.lead_leader_id', '=', actor.accountId),
        eb.exists(
          eb
            .selectFrom('task_units as tu')
            .select(sql`1`.as('one'))
            .whereRef('tu.task_id', '=', 'tasks.id')
            .where(startsWith('tu.unit_path', actor.scopePath)),
        ),
      ]),
    ]);
}

/** Tasks owed by a unit of the subtree at `scopePath` in one of `roles`. */
function owedBy(scopePath: string, roles: string[]) {
  return (eb: ExpressionBuilder<DB, 'tasks'>) =>
    eb.exists(
      eb
        .selectFrom('task_units as tu')
        .select(sql`1`.as('one'))
        .whereRef('tu.task_id', '=', 'tasks.id')
        .where('tu.role', 'in', roles)
        .where(startsWith('tu.unit_path', scopePath)),
    );
}

/** The filters of the task list (GET /api/v1/tasks). */
export interface TaskListFilter {
  view?: 'all' | 'led' | 'owed';
  kind?: string;
  roots?: boolean;
  q?: string;
  /** Only tasks led by a unit under this path. */
  ledUnder?: string;
  /** Only tasks not done. */
  open?: boolean;
  status: string[] | null;
  /** Keyset cursor: the deadline and id of the last row of the previous page. */
  after?: { deadline: string; id: string };
  limit: number;
}

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
  /** Stores the status the rules computed for a task as of `status_on`. */
  async setComputedStatus(
    ex: Executor,
    id: string,
    set: Pick<TaskTable, 'status' | 'status_reasons' | 'progress' | 'status_on' | 'completed_on'>,
  ): Promise<void> {
    await ex.updateTable('tasks').set(set).where('id', '=', id).execute();
  },
  /** Remembers that these missed milestones were escalated. */
  async markMilestonesMissedNotified(ex: Executor, ids: string[], at: string): Promise<void> {
    if (ids.length)
      await ex.updateTable('task_milestones').set({ missed_notified_at: at }).where('id', 'in', ids).execute();
  },
  /** Remembers up to which due date missing reports were escalated. */
  async setMissingNotifiedDue(ex: Executor, id: string, due: string | null): Promise<void> {
    await ex.updateTable('tasks').set({ missing_notified_due: due }).where('id', '=', id).execute();
  },
  /** The task's own contribution to the assessment sums, as last added. */
  async setAssessmentDays(ex: Executor, id: string, json: string): Promise<void> {
    await ex.updateTable('tasks').set({ assessment_days: json }).where('id', '=', id).execute();
  },
  /**
   * Takes the row lock of a tree's root: an UPDATE holds it on PostgreSQL until the transaction ends
   * (SQLite runs one writer at a time anyway).
   */
  async lockRoot(ex: Executor, rootId: string): Promise<void> {
    await ex
      .updateTable('tasks')
      .set({ version: sql`version` })
      .where('id', '=', rootId)
      .execute();
  },
  async findById(ex: Executor, id: string): Promise<TaskTable | undefined> {
    return ex.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async findVisible(ex: Executor, actor: Actor, id: string): Promise<TaskTable | undefined> {
    return ex.selectFrom('tasks').selectAll().where('id', '=', id).where(visibleTasks(actor)).executeTakeFirst();
  },
  async insert(ex: Executor, row: Insertable<TaskTable>): Promise<void> {
    await ex.insertInto('tasks').values(row).execute();
  },
  async insertUnits(ex: Executor, rows: TaskUnitTable[]): Promise<void> {
    await ex.insertInto('task_units').values(rows).execute();
  },
  /** The units owing a task (lead) or keeping sight of it from above ('up'). */
  async leadAndUpUnits(ex: Executor, taskId: string): Promise<TaskUnitTable[]> {
    return ex
      .selectFrom('task_units')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('role', 'in', ['lead', 'up'])
      .execute();
  },
  /** The lead and cooperating units owing a task. */
  async owingUnits(ex: Executor, taskId: string): Promise<TaskUnitTable[]> {
    return ex
      .selectFrom('task_units')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('role', 'in', ['lead', 'coop'])
      .execute();
  },
  /** The lead or cooperating unit `unitId` of a task, when the task is owed by it. */
  async owingUnit(ex: Executor, taskId: string, unitId: string): Promise<TaskUnitTable | undefined> {
    return ex
      .selectFrom('task_units')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('unit_id', '=', unitId)
      .where('role', 'in', ['lead', 'coop'])
      .executeTakeFirst();
  },
  async insertMilestones(ex: Executor, rows: TaskMilestoneTable[]): Promise<void> {
    if (rows.length) await ex.insertInto('task_milestones').values(rows).execute();
  },
  async milestones(ex: Executor, taskId: string): Promise<TaskMilestoneTable[]> {
    return ex.selectFrom('task_milestones').selectAll().where('task_id', '=', taskId).execute();
  },
  async milestone(ex: Executor, taskId: string, id: string): Promise<TaskMilestoneTable | undefined> {
    return ex
      .selectFrom('task_milestones')
      .selectAll()
      .where('id', '=', id)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
  },
  async markMilestonesDone(ex: Executor, ids: string[], on: string, by: string): Promise<void> {
    if (ids.length)
      await ex.updateTable('task_milestones').set({ done_on: on, done_by: by }).where('id', 'in', ids).execute();
  },
  async insertReport(ex: Executor, row: TaskReportTable, files: TaskReportFileTable[]): Promise<void> {
    await ex.insertInto('task_reports').values(row).execute();
    if (files.length) await ex.insertInto('task_report_files').values(files).execute();
  },
  /** The ids among `ids` of stored files. */
  async existingFileIds(ex: Executor, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await ex.selectFrom('files').select('id').where('id', 'in', ids).execute()).map((f) => f.id);
  },
  /** The tasks a file is evidence of. */
  async taskIdsOfFile(ex: Executor, fileId: string): Promise<string[]> {
    return (await ex.selectFrom('task_report_files').select('task_id').where('file_id', '=', fileId).execute()).map(
      (l) => l.task_id,
    );
  },
  async isVisible(ex: Executor, actor: Actor, id: string): Promise<boolean> {
    return !!(await ex
      .selectFrom('tasks')
      .select('id')
      .where('id', '=', id)
      .where(visibleTasks(actor))
      .executeTakeFirst());
  },
  /** Marks a change of a task's milestones or reports (the status refresh follows separately). */
  async bumpVersion(ex: Executor, row: Pick<TaskTable, 'id' | 'version'>, at: Date): Promise<void> {
    await ex
      .updateTable('tasks')
      .set({ version: row.version + 1, updated_at: at.toISOString() })
      .where('id', '=', row.id)
      .execute();
  },
  async visibleAncestors(ex: Executor, actor: Actor, ids: string[]) {
    if (ids.length === 0) return [];
    return ex
      .selectFrom('tasks')
      .select(['id', 'title', 'depth'])
      .where('id', 'in', ids)
      .where(visibleTasks(actor))
      .orderBy('depth')
      .execute();
  },
  async visibleChildren(ex: Executor, actor: Actor, parentId: string): Promise<TaskTable[]> {
    return ex
      .selectFrom('tasks')
      .selectAll()
      .where('parent_id', '=', parentId)
      .where(visibleTasks(actor))
      .orderBy('deadline_on')
      .orderBy('id')
      .execute();
  },
  /** A page of the visible tasks by deadline, and the count of every status under the same filters (status aside). */
  async list(ex: Executor, dialect: Dialect, actor: Actor, f: TaskListFilter) {
    let base = ex.selectFrom('tasks').where(visibleTasks(actor));
    if (f.view === 'led') base = base.where('tasks.lead_leader_id', '=', actor.accountId);
    if (f.view === 'owed') base = base.where(owedBy(actor.scopePath, ['lead', 'coop']));
    if (f.kind) base = base.where('tasks.kind', '=', f.kind);
    if (f.roots) base = base.where('tasks.parent_id', 'is', null);
    if (f.q) base = base.where(containsText(dialect, 'tasks.title', f.q));
    if (f.ledUnder) base = base.where(owedBy(f.ledUnder, ['lead']));
    const counts = await countByStatus(base);
    let q = base.selectAll('tasks');
    if (f.status) q = q.where('tasks.status', 'in', f.status);
    if (f.open) q = q.where('tasks.status', '!=', 'done');
    const after = f.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('tasks.deadline_on', '>', after.deadline),
          eb.and([eb('tasks.deadline_on', '=', after.deadline), eb('tasks.id', '>', after.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('tasks.deadline_on')
      .orderBy('tasks.id')
      .limit(f.limit + 1)
      .execute();
    return { rows, counts };
  },
  /** How many tasks a leader leads, by status. */
  async countLedByStatus(ex: Executor, districtCode: string, leaderId: string): Promise<Map<string, number>> {
    return countByStatus(
      ex
        .selectFrom('tasks')
        .where('tasks.district_code', '=', districtCode)
        .where('tasks.lead_leader_id', '=', leaderId),
    );
  },
  /** Up to `limit` tasks a leader leads with one status, by deadline. */
  async ledWithStatus(ex: Executor, districtCode: string, leaderId: string, status: string, limit: number) {
    return ex
      .selectFrom('tasks')
      .selectAll()
      .where('lead_leader_id', '=', leaderId)
      .where('status', '=', status)
      .where('district_code', '=', districtCode)
      .orderBy('deadline_on')
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  /** Open tasks led by a unit of the subtree at `scopePath`, by deadline. */
  async openLedInScope(ex: Executor, districtCode: string, scopePath: string, limit: number): Promise<TaskTable[]> {
    return ex
      .selectFrom('tasks')
      .selectAll('tasks')
      .where('tasks.district_code', '=', districtCode)
      .where('tasks.status', '!=', 'done')
      .where(owedBy(scopePath, ['lead']))
      .orderBy('tasks.deadline_on')
      .limit(limit)
      .execute();
  },
  /** The districts that have tasks. */
  async districts(ex: Executor): Promise<string[]> {
    return (await ex.selectFrom('tasks').select('district_code').distinct().execute()).map((d) => d.district_code);
  },
  /** Tree paths of open tasks whose cached status predates `today`. */
  async staleTreePaths(ex: Executor, districtCode: string, today: string, limit: number): Promise<string[]> {
    const rows = await ex
      .selectFrom('tasks')
      .select(['tree_path'])
      .where('district_code', '=', districtCode)
      .where('status_on', '<', today)
      .where('status', '!=', 'done')
      .limit(limit)
      .execute();
    return rows.map((r) => r.tree_path);
  },
  /** Done tasks keep their status; dating it today keeps them from being picked up as stale. */
  async dateDoneStatuses(ex: Executor, districtCode: string, today: string): Promise<void> {
    await ex
      .updateTable('tasks')
      .set({ status_on: today })
      .where('district_code', '=', districtCode)
      .where('status', '=', 'done')
      .where('status_on', '<', today)
      .execute();
  },
  /** What the list shape of tasks needs beyond the rows: next open milestone, sub-task and open notice counts. */
  async summaryFacts(ex: Executor, ids: string[]) {
    const [next, kids, notices] = await Promise.all([
      ex
        .selectFrom('task_milestones')
        .select(['id', 'task_id', 'title', 'due_on'])
        .where('task_id', 'in', ids)
        .where('done_on', 'is', null)
        .orderBy('task_id')
        .orderBy('due_on')
        .orderBy('seq')
        .execute(),
      ex
        .selectFrom('tasks')
        .select(['parent_id', sql<number>`count(*)`.as('n')])
        .where('parent_id', 'in', ids)
        .groupBy('parent_id')
        .execute(),
      ex
        .selectFrom('task_notices')
        .select(['task_id', sql<number>`count(*)`.as('n')])
        .where('task_id', 'in', ids)
        .where('replied_at', 'is', null)
        .groupBy('task_id')
        .execute(),
    ]);
    return { next, kids, notices };
  },
  /** Rows, report counts, evidence file counts and milestone counts of tasks (linked-task summaries). */
  async linkedFacts(ex: Executor, ids: string[]) {
    const rows: TaskTable[] = [];
    const reports: { task_id: string; n: number; last: string | null }[] = [];
    const files: { task_id: string; n: number }[] = [];
    const milestones: { task_id: string; n: number; done: number }[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const [r, rep, f, m] = await Promise.all([
        ex.selectFrom('tasks').selectAll().where('id', 'in', chunk).execute(),
        ex
          .selectFrom('task_reports')
          .select(['task_id', sql<number>`count(*)`.as('n'), sql<string | null>`max(reported_on)`.as('last')])
          .where('task_id', 'in', chunk)
          .groupBy('task_id')
          .execute(),
        ex
          .selectFrom('task_report_files')
          .select(['task_id', sql<number>`count(distinct file_id)`.as('n')])
          .where('task_id', 'in', chunk)
          .groupBy('task_id')
          .execute(),
        ex
          .selectFrom('task_milestones')
          .select([
            'task_id',
            sql<number>`count(*)`.as('n'),
            sql<number>`sum(case when done_on is null then 0 else 1 end)`.as('done'),
          ])
          .where('task_id', 'in', chunk)
          .groupBy('task_id')
          .execute(),
      ]);
      rows.push(...r);
      reports.push(...rep);
      files.push(...f);
      milestones.push(...m);
    }
    return { rows, reports, files, milestones };
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

async function countByStatus(q: SelectQueryBuilder<DB, 'tasks', object>): Promise<Map<string, number>> {
  const rows = await q
    .select(['tasks.status', sql<number>`count(*)`.as('n')])
    .groupBy('tasks.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
