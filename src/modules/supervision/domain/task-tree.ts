import { Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { MAX_PERIODS, nthDue } from './cadence.js';
import { daysBetween, isDate } from '../../../kernel/calendar/index.js';
import { allMilestonesDone, latestPercent, type Task } from './task-types.js';

/**
 * Progress of a task as of `today`, 0..100.
 *
 * - A leaf: 100 when it has milestones and all are done, else its latest report's percent (0 when
 *   it has none).
 * - A task with sub-tasks: the roll-up of its sub-tasks' progress; its own reports are ignored, as
 *   in Decidim's accountability module where a parent result's progress is computed from its children.
 *
 * Weights (Decidim uses each child's weight when weights are set, else the plain average):
 * - no sub-task has a weight → the plain average;
 * - some have weights → each sub-task without one counts with the mean of the given weights, so
 *   adding one unweighted sibling never swamps nor vanishes beside weighted ones;
 * - the result is Σ wᵢ·pᵢ / Σ wᵢ: weights are relative and need not add up to 1 (Decidim expects
 *   them to; normalising keeps the result within 0..100 when they don't);
 * - every weight 0 → the plain average (a 0/0 would say nothing).
 */
export function rollUpProgress(task: Task, today: string): number {
  const subTasks = task.subTasks ?? [];
  if (subTasks.length === 0) return allMilestonesDone(task, today) ? 100 : latestPercent(task, today);
  return weightedMean(subTasks.map((t) => ({ value: rollUpProgress(t, today), weight: t.weight })));
}

export function effectiveWeights(weights: readonly (number | undefined)[]): number[] {
  const given = weights.filter((w): w is number => w !== undefined && Number.isFinite(w) && w >= 0);
  if (given.length === 0) return weights.map(() => 1);
  const mean = given.reduce((a, b) => a + b, 0) / given.length;
  const filled = weights.map((w) => (w !== undefined && Number.isFinite(w) && w >= 0 ? w : mean));
  return filled.every((w) => w === 0) ? weights.map(() => 1) : filled;
}

function weightedMean(items: readonly { value: number; weight?: number }[]): number {
  if (items.length === 1) return items[0].value;
  const raw = effectiveWeights(items.map((i) => i.weight));
  // Scaling by the largest weight keeps tiny (subnormal) weights from underflowing to 0.
  const max = Math.max(...raw);
  const ws = raw.map((w) => w / max);
  const total = ws.reduce((a, b) => a + b, 0);
  const sum = items.reduce((acc, item, i) => acc + item.value * ws[i], 0);
  // Floating point may drift a hair outside the range; the contract is 0..100.
  return Math.min(100, Math.max(0, sum / total));
}

const notADate = (field: string): FieldProblem => ({
  field,
  code: 'date.invalid',
  message: 'not a date in YYYY-MM-DD form',
});

/** Field problems of a task and its sub-tasks; empty when valid. Paths are like 'subTasks[0].milestones[1].due'. */
export function taskProblems(task: Task, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (f: string) => `${prefix}${f}`;
  const startOk = isDate(task.start);
  const deadlineOk = isDate(task.deadline);
  if (!startOk) problems.push(notADate(at('start')));
  if (!deadlineOk) problems.push(notADate(at('deadline')));
  const spanOk = startOk && deadlineOk && task.deadline >= task.start;
  if (startOk && deadlineOk && !spanOk)
    problems.push({
      field: at('deadline'),
      code: 'task.deadline_before_start',
      params: { start: task.start, deadline: task.deadline },
      message: `deadline ${task.deadline} is before start ${task.start}`,
    });
  if (task.weight !== undefined && !(Number.isFinite(task.weight) && task.weight >= 0)) {
    problems.push({ field: at('weight'), code: 'weight.invalid', message: 'weight must be a number ≥ 0' });
  }
  task.milestones.forEach((m, i) => {
    const f = at(`milestones[${i}]`);
    if (!m.title || m.title.trim() === '')
      problems.push({ field: `${f}.title`, code: 'milestone.title_required', message: 'title is required' });
    if (!isDate(m.due)) problems.push(notADate(`${f}.due`));
    else if (spanOk && (m.due < task.start || m.due > task.deadline)) {
      problems.push({
        field: `${f}.due`,
        code: 'milestone.due_outside_span',
        params: { due: m.due, start: task.start, deadline: task.deadline },
        message: `due ${m.due} is outside the task's span ${task.start}..${task.deadline}`,
      });
    }
    if (m.doneOn !== null && !isDate(m.doneOn)) problems.push(notADate(`${f}.doneOn`));
    if (m.weight !== undefined && !(Number.isFinite(m.weight) && m.weight >= 0))
      problems.push({ field: `${f}.weight`, code: 'weight.invalid', message: 'weight must be a number ≥ 0' });
  });
  task.reports.forEach((r, i) => {
    const f = at(`reports[${i}]`);
    if (!isDate(r.date)) problems.push(notADate(`${f}.date`));
    if (!(Number.isFinite(r.percent) && r.percent >= 0 && r.percent <= 100))
      problems.push({
        field: `${f}.percent`,
        code: 'progress.percent_range',
        message: 'percent must be within 0..100',
      });
    if (!(Number.isInteger(r.evidenceCount) && r.evidenceCount >= 0))
      problems.push({
        field: `${f}.evidenceCount`,
        code: 'progress.evidence_count',
        message: 'evidence count must be a whole number ≥ 0',
      });
  });
  if (task.cadence) {
    const c = task.cadence;
    if (!isDate(c.firstDue)) problems.push(notADate(at('cadence.firstDue')));
    else if (spanOk && (c.firstDue < task.start || c.firstDue > task.deadline)) {
      problems.push({
        field: at('cadence.firstDue'),
        code: 'cadence.first_due_outside_span',
        params: { firstDue: c.firstDue, start: task.start, deadline: task.deadline },
        message: `first due date ${c.firstDue} is outside the task's span`,
      });
    }
    if (c.kind === 'every_n_days' && !(Number.isInteger(c.days) && c.days >= 1)) {
      problems.push({
        field: at('cadence.days'),
        code: 'cadence.days_invalid',
        message: 'days must be a whole number ≥ 1',
      });
    } else if (
      spanOk &&
      isDate(c.firstDue) &&
      c.firstDue <= task.deadline &&
      nthDue(c, MAX_PERIODS - 1) <= task.deadline
    ) {
      problems.push({
        field: at('cadence'),
        code: 'cadence.too_many_periods',
        message: 'too many reporting periods for the task span',
      });
    }
  }
  (task.subTasks ?? []).forEach((t, i) => problems.push(...taskProblems(t, at(`subTasks[${i}].`))));
  return problems;
}

/** Throws Invalid('supervision.invalid_task') listing every problem; nothing is saved by the caller. */
export function assertValidTask(task: Task): void {
  const problems = taskProblems(task);
  if (problems.length > 0) throw new Invalid('supervision.invalid_task', problems[0].message, problems);
}

/** Whole span in days, for the linear plan; 0 for a one-day task. */
export function spanDays(task: Pick<Task, 'start' | 'deadline'>): number {
  return daysBetween(task.start, task.deadline);
}

/** A task as stored: flat, with its parent. */
export interface TaskNode {
  id: string;
  parentId: string | null;
}

/** True when `ancestorId` is `id` itself or lies on the parent chain of `id`. Stops on a loop. */
export function isSelfOrAncestor(parents: ReadonlyMap<string, string | null>, ancestorId: string, id: string): boolean {
  const seen = new Set<string>();
  let cur: string | null = id;
  while (cur !== null && !seen.has(cur)) {
    if (cur === ancestorId) return true;
    seen.add(cur);
    cur = parents.get(cur) ?? null;
  }
  return false;
}

/**
 * Moves a task under a new parent (null: to the top). Refused with Invalid (field 'parentId') when
 * the new parent is the task itself or one of its descendants, which would make a cycle.
 * Returns a new list; the input is not changed.
 */
export function reparent(nodes: readonly TaskNode[], id: string, parentId: string | null): TaskNode[] {
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  if (!parents.has(id)) throw new NotFound('task', id);
  if (parentId !== null) {
    if (!parents.has(parentId)) {
      throw new Invalid('supervision.parent_not_found', `parent task ${parentId} does not exist`, [
        { field: 'parentId', code: 'task.parent_missing', message: 'no such task' },
      ]);
    }
    if (isSelfOrAncestor(parents, id, parentId)) {
      throw new Invalid(
        'supervision.task_cycle',
        `task ${parentId} is ${parentId === id ? 'the task itself' : `a sub-task of ${id}`}; moving would make a cycle`,
        [
          {
            field: 'parentId',
            code: 'task.cycle',
            message: 'a task cannot be placed under itself or its own sub-task',
          },
        ],
      );
    }
  }
  return nodes.map((n) => (n.id === id ? { ...n, parentId } : n));
}

/** The ids on a cycle, or null when the parent links form a forest. */
export function findCycle(nodes: readonly TaskNode[]): string[] | null {
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  const done = new Set<string>();
  for (const n of nodes) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: string | null = n.id;
    while (cur !== null && !done.has(cur)) {
      if (onPath.has(cur)) return path.slice(path.indexOf(cur));
      onPath.add(cur);
      path.push(cur);
      cur = parents.get(cur) ?? null;
    }
    path.forEach((p) => done.add(p));
  }
  return null;
}
