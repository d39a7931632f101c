import type { Task } from './task-types.js';

/** A task from 2026-03-02 (Monday) to 2026-03-31 with no milestones, cadence or reports. */
export function task(over: Partial<Task> = {}): Task {
  return { id: 't', start: '2026-03-02', deadline: '2026-03-31', milestones: [], cadence: null, reports: [], ...over };
}

/** Noon in Asia/Shanghai on a local date. */
export function cstNoon(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`);
}
