import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import type { ScreeningDeps } from '../deps.js';
import { escalationLevelAt, levelsToTell, type EscalationLevel } from '../domain/check-rules.js';
import { screeningStore } from '../store/screening.store.js';

/** Who is told at each level: the sub-district's staff, then the district's 督查室. */
const ROLES_AT: Record<1 | 2, string[]> = { 1: ['subdistrict_staff'], 2: ['supervision_office'] };
const TITLE_AT: Record<1 | 2, string> = {
  1: '【协查超时】24 小时内未答复',
  2: '【协查超时】超过 48 小时仍未答复',
};

/**
 * Escalates 协查 items unanswered past due: each level (sub-district when due, district 24 hours
 * later) told once, the item's level raised in the same transaction with a compare-and-set, so a second
 * run or a second process tells nobody twice.
 */
export async function escalateChecks(deps: ScreeningDeps, now: Date): Promise<{ escalated: number }> {
  const db = deps.database.db;
  const at = now.toISOString();
  let escalated = 0;
  for (const item of await screeningStore.pendingPastDue(db, at)) {
    const reached = item.escalation as EscalationLevel;
    const target = escalationLevelAt({ dueAt: item.due_at, answeredAt: item.answered_at }, at);
    const levels = levelsToTell(reached, target) as (1 | 2)[];
    if (!levels.length) continue;
    const addressees = new Map<number, string[]>();
    for (const l of levels)
      addressees.set(
        l,
        (await deps.org.accountsCovering(db, item.owner_path, ROLES_AT[l])).map((a) => a.id),
      );
    const owner = (await deps.org.unit(db, item.owner_unit_id))?.name ?? '';
    const campaign = await screeningStore.campaign(db, item.campaign_id);
    await db.transaction().execute(async (trx) => {
      if (!(await screeningStore.raiseEscalation(trx, item.id, reached, levels[levels.length - 1]!, at))) return;
      for (const l of levels)
        await notify(trx, {
          accountIds: addressees.get(l) ?? [],
          districtCode: item.district_code,
          kind: 'screening.check_overdue',
          title: TITLE_AT[l],
          body: `「${campaign?.name ?? ''}」协查 ${item.name}（${owner}）于 ${formatLocalDateTime(new Date(item.pushed_at), deps.timeZone)} 下发，应于 ${formatLocalDateTime(new Date(item.due_at), deps.timeZone)} 前答复，至今未答复。`,
          entityType: 'screening_campaign',
          entityId: item.campaign_id,
          at: now,
        });
      escalated++;
    });
  }
  return { escalated };
}

export function screeningCheckJob(deps: ScreeningDeps): Job {
  return { name: 'screening.checks', everyMs: 5 * 60_000, run: (now) => escalateChecks(deps, now) };
}
