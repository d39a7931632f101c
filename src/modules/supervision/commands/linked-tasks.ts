import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { MilestoneInput, ProgressReportBody, TaskStatus } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';
import { addProgressReport } from './add-progress-report.js';
import { createTask } from './create-task.js';

// The door other modules use to keep their own work as supervision tasks (a branch's battle-map
// measures): the task keeps its status rules, milestones, progress reports with evidence, notices and
// assessment; the other module keeps only the task's id and reads these summaries.

export interface LinkedTaskInput {
  title: string;
  description?: string | null;
  /** 牵头单位: e.g. the party branch itself, or a 包联 unit. */
  leadUnitId: string;
  cooperatingUnitIds?: string[];
  start: string;
  deadline: string;
  milestones?: z.input<typeof MilestoneInput>[];
}

/**
 * Creates a task in the caller's transaction, for a record the caller has already authorised the actor
 * on (it stands in for task.manage). Bad dates, units or milestones are refused as for any task, with
 * the task's field names (title, leadUnitId, start, deadline, milestones[i].due …).
 */
export async function createLinkedTask(
  deps: SupervisionDeps,
  ex: Executor,
  actor: Actor,
  input: LinkedTaskInput,
  requestId?: string,
): Promise<string> {
  return createTask(
    deps,
    actor,
    {
      kind: 'task',
      title: input.title,
      description: input.description ?? null,
      leadUnitId: input.leadUnitId,
      cooperatingUnitIds: input.cooperatingUnitIds ?? [],
      start: input.start,
      deadline: input.deadline,
      milestones: (input.milestones ?? []).map((m) => ({ title: m.title, due: m.due, weight: m.weight })),
    },
    requestId,
    ex,
    { source: 'battle_map' },
  );
}

/** What another module shows of a task it links to. */
export interface LinkedTaskSummary {
  id: string;
  title: string;
  status: TaskStatus;
  statusReasons: string[];
  /** Rolled-up progress 0..100 as last computed. */
  progress: number;
  start: string;
  deadline: string;
  completedOn: string | null;
  leadUnitId: string;
  leadUnitPath: string;
  /** Progress reports and the evidence files attached to them. */
  reportCount: number;
  evidenceCount: number;
  lastReportedOn: string | null;
  milestoneCount: number;
  milestonesDone: number;
}

/** The summaries of tasks by id (ids that are no task are left out), in a fixed number of queries. */
export async function taskSummaries(ex: Executor, ids: readonly string[]): Promise<Map<string, LinkedTaskSummary>> {
  const uniq = [...new Set(ids)];
  const out = new Map<string, LinkedTaskSummary>();
  if (uniq.length === 0) return out;
  const facts = await taskStore.linkedFacts(ex, uniq);
  const reportsBy = new Map(facts.reports.map((r) => [r.task_id, r]));
  const filesBy = new Map(facts.files.map((r) => [r.task_id, Number(r.n)]));
  const msBy = new Map(facts.milestones.map((r) => [r.task_id, r]));
  for (const r of facts.rows) {
    const rep = reportsBy.get(r.id);
    const ms = msBy.get(r.id);
    out.set(r.id, {
      id: r.id,
      title: r.title,
      status: r.status as TaskStatus,
      statusReasons: JSON.parse(r.status_reasons) as string[],
      progress: r.progress,
      start: r.start_on,
      deadline: r.deadline_on,
      completedOn: r.completed_on,
      leadUnitId: r.lead_unit_id,
      leadUnitPath: r.lead_unit_path,
      reportCount: Number(rep?.n ?? 0),
      evidenceCount: filesBy.get(r.id) ?? 0,
      lastReportedOn: rep?.last ?? null,
      milestoneCount: Number(ms?.n ?? 0),
      milestonesDone: Number(ms?.done ?? 0),
    });
  }
  return out;
}

/**
 * A progress report on a linked task, through the task's own rules (only the lead unit's side reports;
 * milestones and files checked there); the caller adds its own conditions before.
 */
export async function reportLinkedTask(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  body: z.output<typeof ProgressReportBody>,
  requestId?: string,
): Promise<void> {
  await addProgressReport(deps, actor, taskId, body, requestId);
}
