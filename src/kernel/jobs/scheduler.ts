import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/dialect.js';

export interface Job {
  /** Stable name, e.g. 'cases.deadlines'. */
  name: string;
  everyMs: number;
  run(now: Date): Promise<Record<string, unknown>>;
}

/** The slot a moment falls in: every process computes the same slot for the same period. */
export function slotOf(now: Date, everyMs: number): string {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs).toISOString();
}

/**
 * Runs a job for the slot of `now` unless some process already claimed that slot. The claim is an
 * insert on the (job, slot) primary key, so with several processes on one PostgreSQL exactly one
 * runs it. Jobs are written to be idempotent, so a slot lost to a crash is made good by the next.
 */
export async function runSlot(db: Kysely<DB>, job: Job, now: Date): Promise<{ ran: boolean; result?: Record<string, unknown> }> {
  const slot = slotOf(now, job.everyMs);
  try {
    await db.insertInto('job_runs').values({ job: job.name, slot, started_at: now.toISOString(), finished_at: null, result: null }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) return { ran: false };
    throw err;
  }
  const result = await job.run(now);
  await db.updateTable('job_runs').set({ finished_at: new Date().toISOString(), result: JSON.stringify(result) })
    .where('job', '=', job.name).where('slot', '=', slot).execute();
  return { ran: true, result };
}

export interface Scheduler {
  stop(): void;
  /** Runs every due job now (tests, and the first tick after start). */
  tick(): Promise<void>;
}

export function startScheduler(db: Kysely<DB>, clock: Clock, jobs: Job[], onError: (job: string, err: unknown) => void, tickMs = 15_000): Scheduler {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        try {
          await runSlot(db, job, clock.now());
        } catch (err) {
          onError(job.name, err);
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}
