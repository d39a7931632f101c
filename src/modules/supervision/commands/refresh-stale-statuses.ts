import type { Job } from '../../../kernel/jobs/scheduler.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';
import { escalateOverdueNotices } from './escalate-overdue-notices.js';
import { calendarFor, lockTree, refreshTree } from './refresh.js';

/**
 * Refreshes the cached status of every task not yet refreshed today (statuses move with the date:
 * a milestone passes, a report period ends), tree by tree, escalating what newly went wrong.
 */
export async function refreshStaleStatuses(deps: SupervisionDeps, now: Date, batch = 200): Promise<number> {
  const db = deps.database.db;
  let refreshed = 0;
  for (const district_code of await taskStore.districts(db)) {
    const cal = await calendarFor(deps, db, district_code);
    const today = cal.localDate(now);
    for (;;) {
      const stale = await taskStore.staleTreePaths(db, district_code, today, batch);
      if (stale.length === 0) break;
      const roots = [...new Set(stale.map((p) => `/${p.split('/')[1]}/`))];
      for (const root of roots) {
        await db.transaction().execute(async (trx) => {
          await lockTree(trx, root);
          const loaded = await taskStore.loadTree(trx, root);
          refreshed += (await refreshTree(deps, trx, loaded, today, cal, now)).length;
        });
      }
      // Done tasks stay done; mark their date so they are not picked up again.
      await taskStore.dateDoneStatuses(db, district_code, today);
    }
  }
  return refreshed;
}

/** Every 15 minutes: refresh the statuses that moved with the date, then escalate overdue notices. */
export function supervisionJob(deps: SupervisionDeps): Job {
  return {
    name: 'supervision.statuses',
    everyMs: 15 * 60_000,
    run: async (now) => ({
      refreshed: await refreshStaleStatuses(deps, now),
      escalatedNotices: await escalateOverdueNotices(deps, now),
    }),
  };
}
