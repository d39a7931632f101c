import type { Executor } from '../../../kernel/db/db.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';

/**
 * Claims on scheduled 催报 in job_runs, keyed (job, slot) like the scheduler's own runs: job ≤ 50 and
 * slot ≤ 30 characters.
 */
export const reminderClaimStore = {
  /** True when this process now holds the claim; false when another already did. */
  async claim(ex: Executor, job: string, slot: string, at: string): Promise<boolean> {
    try {
      await ex.insertInto('job_runs').values({ job, slot, started_at: at, finished_at: null, result: null }).execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  },
  async finish(ex: Executor, job: string, slot: string, at: string, result: unknown): Promise<void> {
    await ex
      .updateTable('job_runs')
      .set({ finished_at: at, result: JSON.stringify(result) })
      .where('job', '=', job)
      .where('slot', '=', slot)
      .execute();
  },
  /** Gives a claim back, for the next tick to try again. */
  async release(ex: Executor, job: string, slot: string): Promise<void> {
    await ex.deleteFrom('job_runs').where('job', '=', job).where('slot', '=', slot).execute();
  },
};
