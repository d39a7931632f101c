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
export async function runSlot(
  db: Kysely<DB>,
  job: Job,
  now: Date,
): Promise<{ ran: boolean; result?: Record<string, unknown> }> {
  const slot = slotOf(now, job.everyMs);
  try {
    await db
      .insertInto('job_runs')
      .values({ job: job.name, slot, started_at: now.toISOString(), finished_at: null, result: null })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) return { ran: false };
    throw err;
  }
  const result = await job.run(now);
  await db
    .updateTable('job_runs')
    .set({ finished_at: new Date().toISOString(), result: JSON.stringify(result) })
    .where('job', '=', job.name)
    .where('slot', '=', slot)
    .execute();
  return { ran: true, result };
}

const DAY_MS = 86_400_000;

/**
 * Forgets the slot claims made more than `keepDays` ago. A claim only guards its own slot while that
 * slot can still come round (a tick period; the hour before a report deadline for 催报), and the
 * app's jobs make ~3,000 a day. Judged by when a claim was made, not by its slot, since slots are
 * not all instants (催报 claims are named by the report period).
 */
export function pruneJobRunsJob(db: Kysely<DB>, keepDays = 30): Job {
  return {
    name: 'jobs.prune',
    everyMs: DAY_MS,
    async run(now) {
      const before = new Date(now.getTime() - keepDays * DAY_MS).toISOString();
      const r = await db.deleteFrom('job_runs').where('started_at', '<', before).executeTakeFirst();
      return { deleted: Number(r.numDeletedRows), before };
    },
  };
}

export interface Scheduler {
  stop(): void;
  /** Runs every due job now (tests, and the first tick after start). */
  tick(): Promise<void>;
}

/** Runs `jobs` (and the pruning of old slot claims) every `tickMs`, each once per slot across processes. */
export function startScheduler(
  db: Kysely<DB>,
  clock: Clock,
  appJobs: Job[],
  onError: (job: string, err: unknown) => void,
  tickMs = 15_000,
): Scheduler {
  const jobs = [...appJobs, pruneJobRunsJob(db)];
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
