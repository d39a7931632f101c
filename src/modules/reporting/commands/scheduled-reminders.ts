import type { Actor } from '../../../kernel/auth/actor.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { deadlineOf, periodOf, previousPeriod } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { remindMissing } from './remind-missing.js';
import { reminderClaimStore } from '../store/reminder-claim.store.js';

/** 催报 goes out this long before a period's deadline. */
export const REMIND_BEFORE_MS = 60 * 60_000;

/**
 * The scheduled 催报: within the hour before a form's deadline, every unit still missing that
 * period's report is reminded, once. "Once" is a claim on (form, period) in job_runs — the same
 * primary key that makes runSlot exactly-once — so several processes, or a tick every few minutes
 * through the hour, send it a single time; a failed send gives the claim back for the next tick.
 */
export async function sendScheduledReminders(
  deps: ReportingDeps,
  now: Date,
): Promise<{ reminded: { formId: string; period: string; missingUnits: number }[] }> {
  const db = deps.database.db;
  const tz = deps.config.timeZone;
  const root = await deps.org.unitByCode(db, deps.config.districtCode);
  if (!root) return { reminded: [] };
  // The district's view, acting as the system: every unit of the district is in scope.
  const system: Actor = {
    accountId: 'system',
    username: 'system',
    displayName: '系统',
    districtCode: root.districtCode,
    unitId: root.id,
    scopePath: root.path,
    roles: [],
    permissions: new Set(),
  };
  const reminded: { formId: string; period: string; missingUnits: number }[] = [];
  for (const form of await reportStore.forms(db, root.districtCode)) {
    const def = form.definition;
    // With a deadline on a later day (dayOffset), the deadline coming up may be the previous period's.
    const current = periodOf(now, def.periodType, tz);
    for (const period of [current, previousPeriod(current, def.periodType)]) {
      const deadline = deadlineOf(period, def.deadline, tz).getTime();
      if (now.getTime() < deadline - REMIND_BEFORE_MS || now.getTime() >= deadline) continue;
      // job_runs holds job ≤ 50 and slot ≤ 30 characters: the form in the job, the period as the slot.
      const job = `remind:${form.row.id}`;
      const slot = period;
      if (!(await reminderClaimStore.claim(db, job, slot, now.toISOString()))) continue;
      try {
        const r = await remindMissing(deps, system, form.row.id, { period }, undefined, { scheduled: true });
        await reminderClaimStore.finish(db, job, slot, deps.clock.now().toISOString(), r);
        reminded.push({ formId: form.row.id, period, missingUnits: r.missingUnits });
      } catch (err) {
        await reminderClaimStore.release(db, job, slot);
        throw err;
      }
    }
  }
  return { reminded };
}

export function reportReminderJob(deps: ReportingDeps): Job {
  return { name: 'reporting.reminder_tick', everyMs: 5 * 60_000, run: (now) => sendScheduledReminders(deps, now) };
}
