import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import type { CycleDeps } from '../cycle-deps.js';
import { dueDayOf, weeksToRemind } from '../domain/weeks.js';
import { weeklyStore } from '../store/weekly.store.js';
import { branchesUnder, calendarFor } from './cycle-access.js';

/** From this local hour on (the start of the working morning) the day's reminders go out. */
export const REMIND_FROM_HOUR = 8;

/**
 * The working day after a week's due day, each branch that has not reported it is reminded once: its
 * community workers (the accounts whose scope covers the branch, role 社区工作者) get an inbox notice.
 * The claim (branch, week) is written in the notice's transaction, so no later run or other process
 * sends it again. A week without a working day asks for nothing and reminds nobody.
 */
export async function remindSilentBranches(
  deps: CycleDeps,
  now: Date,
): Promise<{ weeks: string[]; branches: number; reminded: number }> {
  const db = deps.database.db;
  const districtCode = deps.config.districtCode;
  const calendar = await calendarFor(deps, db, districtCode);
  const today = calendar.localDate(now);
  if (now.getTime() - calendar.startOfDay(today).getTime() < REMIND_FROM_HOUR * 3_600_000)
    return { weeks: [], branches: 0, reminded: 0 };
  const weeks = weeksToRemind(
    today,
    (d) => calendar.isWorkday(d),
    (d) => calendar.nextWorkday(d),
  );
  const district = await deps.org.unitByCode(db, districtCode);
  if (!weeks.length || !district) return { weeks, branches: 0, reminded: 0 };
  const branches = (await branchesUnder(deps, db, district)).filter((b) => !b.retiredAt);
  const reported = new Set(
    (
      await weeklyStore.ofBranches(
        db,
        branches.map((b) => b.id),
        weeks,
      )
    ).map((r) => `${r.branch_id}|${r.week}`),
  );
  let reminded = 0;
  for (const week of weeks) {
    const due = dueDayOf(week, (d) => calendar.isWorkday(d))!;
    for (const b of branches) {
      if (reported.has(`${b.id}|${week}`)) continue;
      // A branch founded after the due day owed nothing that week.
      if (calendar.localDate(new Date(b.createdAt)) > due) continue;
      await db.transaction().execute(async (trx) => {
        // Reported since the list was read: nothing to remind.
        if (await weeklyStore.byBranchWeek(trx, b.id, week)) return;
        const staff = await deps.org.accountsCovering(trx, b.path, ['community_worker']);
        // Nobody to tell: no claim, so an account added later that day still gets it.
        if (!staff.length) return;
        const claimed = await weeklyStore.claimReminder(trx, {
          branch_id: b.id,
          week,
          district_code: districtCode,
          reminded_at: now.toISOString(),
          recipients: staff.length,
        });
        if (!claimed) return;
        await notify(trx, {
          accountIds: staff.map((s) => s.id),
          districtCode,
          kind: 'star.weekly_missing',
          title: `【每周推进】${b.name} ${week} 这周的推进情况还没有报送`,
          body: `${b.parentName}${b.name}：${week} 这一周的推进情况应在 ${due} 前报送，请尽快在手机端“支部周报”或电脑端补报。`,
          entityType: 'party_branch',
          entityId: b.id,
          at: now,
        });
        reminded++;
      });
    }
  }
  return { weeks, branches: branches.length, reminded };
}

export function weeklyReminderJob(deps: CycleDeps): Job {
  return { name: 'stars.weekly_reminders', everyMs: 15 * 60_000, run: (now) => remindSilentBranches(deps, now) };
}
