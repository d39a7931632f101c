import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { notify } from '../../inbox/index.js';
import { loadWorkCalendar } from '../../platform/index.js';
import {
  completedOn,
  dayFactsFromJson,
  dayFactsToJson,
  diffDayFacts,
  statusFacts,
  statusFromFacts,
  taskDayFacts,
  TASK_STATUS_NAMES,
  type DayFacts,
  type Task,
} from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { buildTrees, taskStore, toDomainTask, type LoadedTask } from '../store/task.store.js';
import { assessmentStore } from '../store/assessment.store.js';

export function calendarFor(
  deps: Pick<SupervisionDeps, 'config'>,
  ex: Executor,
  districtCode: string,
): Promise<WorkCalendar> {
  return loadWorkCalendar(ex, districtCode, deps.config.timeZone);
}

export interface Refreshed {
  id: string;
  status: string;
  progress: number;
  reasons: string[];
  changed: boolean;
}

/**
 * Recomputes the cached status, progress and completion date of every task of a tree from the pure
 * rules as of `today`, writing only rows that changed; tells the lead leader and the lead unit of
 * milestones newly missed and report periods newly missing (督办 escalation), once each.
 */
export async function refreshTree(
  deps: SupervisionDeps,
  ex: Executor,
  loaded: LoadedTask[],
  today: string,
  calendar: WorkCalendar,
  now: Date,
): Promise<Refreshed[]> {
  const trees = buildTrees(loaded);
  const out: Refreshed[] = [];
  for (const t of loaded) {
    const task = trees.get(t.row.id) as Task;
    const facts = statusFacts(task, today, calendar);
    const { status, reasons } = statusFromFacts(facts);
    const progress = Math.round(facts.progress * 10) / 10;
    const done = completedOn(task, today);
    const changed =
      status !== t.row.status ||
      progress !== t.row.progress ||
      JSON.stringify(reasons) !== t.row.status_reasons ||
      done !== t.row.completed_on;
    if (changed || t.row.status_on !== today) {
      await taskStore.setComputedStatus(ex, t.row.id, {
        status,
        status_reasons: JSON.stringify(reasons),
        progress,
        status_on: today,
        completed_on: done,
      });
    }
    await keepAssessmentDays(ex, t, today);
    if (status !== 'done') await escalate(deps, ex, t, facts.missingPeriods.at(-1)?.due ?? null, today, now);
    out.push({ id: t.row.id, status, progress, reasons, changed });
  }
  return out;
}

async function escalate(
  deps: SupervisionDeps,
  ex: Executor,
  t: LoadedTask,
  lastMissingDue: string | null,
  today: string,
  now: Date,
) {
  const missed = t.milestones.filter((m) => m.due_on < today && m.done_on === null && m.missed_notified_at === null);
  const newMissing =
    lastMissingDue !== null && (t.row.missing_notified_due === null || t.row.missing_notified_due < lastMissingDue);
  if (missed.length === 0 && !newMissing) return;
  const lines: string[] = [];
  for (const m of missed) lines.push(`时间节点「${m.title}」应于 ${m.due_on} 完成，至今未完成。`);
  if (newMissing) lines.push(`截至 ${lastMissingDue} 的进度报告未按期报送。`);
  const unitAccounts = (
    await deps.org.accountsCovering(ex, t.row.lead_unit_path, ['subdistrict_staff', 'community_worker', 'unit_handler'])
  )
    .filter((a) => a.unitId === t.row.lead_unit_id)
    .map((a) => a.id);
  await notify(ex, {
    accountIds: [...(t.row.lead_leader_id ? [t.row.lead_leader_id] : []), ...unitAccounts],
    districtCode: t.row.district_code,
    kind: 'task.lagging',
    title: `【${TASK_STATUS_NAMES.lagging}】${t.row.title}`,
    body: lines.join('\n'),
    entityType: 'task',
    entityId: t.row.id,
    at: now,
  });
  await taskStore.markMilestonesMissedNotified(
    ex,
    missed.map((m) => m.id),
    now.toISOString(),
  );
  if (newMissing) await taskStore.setMissingNotifiedDue(ex, t.row.id, lastMissingDue);
  if (deps.enqueueEvent) {
    await deps.enqueueEvent(ex, {
      districtCode: t.row.district_code,
      type: 'task.lagging',
      at: now,
      payload: {
        taskId: t.row.id,
        title: t.row.title,
        missedMilestones: missed.map((m) => m.title),
        missingReportDue: newMissing ? lastMissingDue : null,
      },
      text: `【任务滞后】${t.row.title}：${lines.join('')}`,
    });
  }
}

/** Refreshes the tree a task belongs to (after any change to it). */
export async function refreshTreeOf(
  deps: SupervisionDeps,
  ex: Executor,
  treePath: string,
  now: Date,
  calendar?: WorkCalendar,
): Promise<Refreshed[]> {
  await lockTree(ex, treePath);
  const loaded = await taskStore.loadTree(ex, treePath);
  if (loaded.length === 0) return [];
  const cal = calendar ?? (await calendarFor(deps, ex, loaded[0].row.district_code));
  return refreshTree(deps, ex, loaded, cal.localDate(now), cal, now);
}

/**
 * Keeps the unit × day sums of assessment facts equal to the sum of every task's own contribution:
 * the task's contribution now is compared with the one stored on it, and only the difference is added.
 */
export async function keepAssessmentDays(ex: Executor, t: LoadedTask, today: string): Promise<void> {
  const now = taskDayFacts(toDomainTask(t), today);
  const json = dayFactsToJson(now);
  if (json === t.row.assessment_days) return;
  const diff = diffDayFacts(dayFactsFromJson(t.row.assessment_days), now);
  const rows = [...diff].map(([day, d]: [string, DayFacts]) => ({
    district_code: t.row.district_code,
    day,
    unit_id: t.row.lead_unit_id,
    milestones_due: d.milestonesDue,
    milestones_on_time: d.milestonesOnTime,
    report_periods_due: d.reportPeriodsDue,
    report_periods_reported: d.reportPeriodsReported,
    tasks_due: d.tasksDue,
    tasks_late: d.tasksLate,
  }));
  await assessmentStore.addDaySums(ex, rows);
  await taskStore.setAssessmentDays(ex, t.row.id, json);
  t.row.assessment_days = json;
}

/**
 * Serialises writers of one tree: an UPDATE of the root row holds its row lock on PostgreSQL until
 * the transaction ends (SQLite runs one writer at a time anyway), so two reports at once cannot both
 * add their difference to the assessment sums from the same stored contribution.
 */
export async function lockTree(ex: Executor, treePath: string): Promise<void> {
  await taskStore.lockRoot(ex, treePath.split('/').filter(Boolean)[0]);
}
