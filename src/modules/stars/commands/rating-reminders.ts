import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import { previousQuarter, quarterOf } from '../domain/quarters.js';
import {
  RATING_DEADLINE_WORKDAYS,
  RATING_STAGE_LABELS,
  reminderKind,
  stageOf,
  type RatingStage,
} from '../domain/rating-deadlines.js';
import type { StarsDeps } from '../deps.js';
import { ratingStore } from '../store/rating.store.js';
import { branchesUnder, calendarFor } from './rating-access.js';
import { deadlinesOf } from './rating-context.js';

/**
 * Who is told of each stage: the branch's community (自评) and its 街道, which proposes next and chases a
 * silent branch; the 街道 (提名); the district's raters (确认, the 督查室).
 */
const OWERS: Record<RatingStage, string[]> = {
  self: ['community_worker', 'subdistrict_staff'],
  propose: ['subdistrict_staff'],
  confirm: ['supervision_office'],
};

/**
 * Reminds whoever owes the next step of last quarter's rating, once when its deadline is two working
 * days away (due_soon) and once when it has passed (overdue): each (branch, quarter, stage, kind) is
 * claimed in the transaction that sends the notice, so later runs or another process send nothing more.
 * Only the quarter just ended is watched (its deadlines fall within the first weeks of the next one).
 */
export async function remindRatings(
  deps: StarsDeps,
  now: Date,
  districtCode = deps.config.districtCode,
): Promise<{ checked: number; reminded: number }> {
  const db = deps.database.db;
  const cal = await calendarFor(deps, db, districtCode);
  const isWorkday = (d: string) => cal.isWorkday(d);
  const today = localDateOf(now);
  const quarter = previousQuarter(quarterOf(today));
  const root = await deps.org.unitByCode(db, districtCode);
  if (!root) return { checked: 0, reminded: 0 };
  const [branches, rows, fresh] = await Promise.all([
    branchesUnder(deps, db, districtCode, root.path),
    ratingStore.ofQuarter(db, districtCode, quarter, root.path),
    deadlinesOf(deps, db, districtCode, quarter),
  ]);
  const byBranch = new Map(rows.map((r) => [r.branch_id, r]));
  let reminded = 0;
  for (const b of branches) {
    const r = byBranch.get(b.id);
    const stage = stageOf(r?.state ?? 'open');
    if (!stage) continue;
    const deadline = r ? { self: r.self_due, propose: r.propose_due, confirm: r.confirm_due }[stage] : fresh[stage];
    const kind = reminderKind(today, deadline, isWorkday);
    if (!kind) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await ratingStore.claimReminder(trx, { branchId: b.id, quarter, stage, kind }, now.toISOString()))) return;
      const owers =
        stage === 'confirm'
          ? (await deps.org.accountsWithRole(trx, districtCode, 'supervision_office')).map((a) => a.id)
          : (await deps.org.accountsCovering(trx, b.path, OWERS[stage])).map((a) => a.id);
      await notify(trx, {
        accountIds: owers,
        districtCode,
        kind: 'stars.rating_deadline',
        title: `【五星支部评比】${b.name} ${quarter} ${RATING_STAGE_LABELS[stage]}${kind === 'overdue' ? '已逾期' : '即将到期'}`,
        body: `${RATING_STAGE_LABELS[stage]}期限 ${deadline}（季度结束后第 ${RATING_DEADLINE_WORKDAYS[stage]} 个工作日）。`,
        entityType: r ? 'star_rating' : 'unit',
        entityId: r ? r.id : b.id,
        at: now,
      });
      reminded++;
    });
  }
  return { checked: branches.length, reminded };
}

export function ratingReminderJob(deps: StarsDeps): Job {
  return { name: 'stars.rating_reminders', everyMs: 60 * 60_000, run: (now) => remindRatings(deps, now) };
}
