import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import type { DutyDeps } from '../deps.js';
import { hasGap } from '../domain/roster-gaps.js';
import { rosterStore } from '../store/duty.store.js';
import { rosterOf } from './roster.js';

/** From this local hour on, tomorrow's gaps are told (the afternoon before, while there is time to fill them). */
export const REMIND_FROM_HOUR = 16;
/** A community keeping a roster within this many days is watched. */
const WATCH_DAYS = 28;

/**
 * Tells each community's cadres about tomorrow's 缺岗 (no duty cadre, grids nobody covers) once: the
 * claim of (community, day) is written in the transaction that sends the notice, so later runs — or
 * another process — send nothing more. A day without gaps is not claimed: a gap appearing later that
 * evening is still told. Only communities that kept a roster in the last four weeks are watched.
 */
export async function remindRosterGaps(deps: DutyDeps, now: Date): Promise<{ checked: number; reminded: number }> {
  const hour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  if (hour < REMIND_FROM_HOUR) return { checked: 0, reminded: 0 };
  const today = localDateOf(now);
  const tomorrow = addDays(today, 1);
  const db = deps.database.db;
  const units = await rosterStore.activeUnits(db, addDays(today, -WATCH_DAYS));
  let reminded = 0;
  for (const u of units) {
    const unit = await deps.org.unit(db, u.unit_id);
    if (!unit || unit.status !== 'active') continue;
    const roster = await rosterOf(deps, db, unit, tomorrow, 1);
    const day = roster.days[0];
    if (!hasGap({ day: day.day, ...day.gaps })) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await rosterStore.claimReminder(trx, unit.id, tomorrow, now.toISOString()))) return;
      const staff = await deps.org.accountsCovering(trx, unit.path, ['community_worker']);
      const names = new Map(roster.grids.map((g) => [g.id, g.name]));
      const lines = [
        ...(day.gaps.noCadre ? ['没有安排带班干部'] : []),
        ...(day.gaps.uncoveredGridIds.length
          ? [`无人负责的网格：${day.gaps.uncoveredGridIds.map((g) => names.get(g) ?? '').join('、')}`]
          : []),
      ];
      await notify(trx, {
        accountIds: staff.map((s) => s.id),
        districtCode: unit.districtCode,
        kind: 'duty.roster_gap',
        title: `【缺岗提醒】${unit.name} ${tomorrow} 值班有缺岗`,
        body: lines.join('；'),
        entityType: 'duty_roster',
        entityId: unit.id,
        at: now,
      });
      reminded++;
    });
  }
  return { checked: units.length, reminded };
}

export function rosterGapJob(deps: DutyDeps): Job {
  return { name: 'duty.roster_gaps', everyMs: 15 * 60_000, run: (now) => remindRosterGaps(deps, now) };
}
