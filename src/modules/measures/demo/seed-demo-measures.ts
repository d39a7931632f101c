import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';
import { searchMeasureSubjects } from '../../population/index.js';
import { closeFollowUpDays } from '../commands/day-end.js';
import { recordFollowUp } from '../commands/record-follow-up.js';
import { startMeasure } from '../commands/start-measure.js';
import type { MeasuresDeps } from '../deps.js';

const DAY_MS = 86_400_000;

/** Noon of a day in Shanghai, as an instant: when the demo's visits are made. */
const noonOf = (day: string) => new Date(Date.parse(`${day}T04:00:00Z`));

/**
 * The demo's home measures in 德化社区 and 朱庄社区, owned by 陈州街道 (chenzhou), the community
 * (dehua / zhuzhuang), the demo police officer (minjing) and doctor (yisheng): two started three days
 * ago with their visits made (one of them with a day nobody visited, marked missed by the day's end
 * job), and one starting today with nothing recorded yet.
 */
export async function seedDemoMeasures(deps: MeasuresDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const today = localDateOf(now);
  const started = addDays(today, -3);
  const at = (day: string): MeasuresDeps => ({ ...deps, clock: { now: () => (day === today ? now : noonOf(day)) } });
  const ids = Object.fromEntries(
    await Promise.all(
      ['chenzhou', 'dehua', 'zhuzhuang', 'minjing', 'yisheng'].map(
        async (u) => [u, await deps.org.actorFor(db, u)] as const,
      ),
    ),
  );
  const counts = { measures: 0, followUps: 0, missed: 0 };
  const plans = [
    { community: 'dehua', type: 'home_isolation' as const, start: started, length: 7, skip: [] as number[], pick: 0 },
    {
      community: 'zhuzhuang',
      type: 'home_isolation' as const,
      start: started,
      length: 7,
      skip: [1] as number[],
      pick: 0,
    },
    { community: 'dehua', type: 'home_monitoring' as const, start: today, length: 14, skip: [] as number[], pick: 1 },
  ];
  for (const p of plans) {
    const cadre = ids[p.community]!;
    const subjects = await searchMeasureSubjects(db, deps.database.dialect, deps.org, {
      districtCode: cadre.districtCode,
      path: cadre.scopePath,
      limit: 5,
    });
    const subject = subjects[p.pick * 2];
    if (!subject) continue;
    const m = await startMeasure(at(p.start), cadre, {
      residentId: subject.id,
      type: p.type,
      startDay: p.start,
      lengthDays: p.length,
      testDays: [p.start, addDays(p.start, 2)],
      owners: {
        subdistrict: ids.chenzhou!.accountId,
        community: cadre.accountId,
        police: ids.minjing!.accountId,
        doctor: ids.yisheng!.accountId,
      },
    });
    counts.measures++;
    // The days before today: the doctor visits, the police officer phones; a skipped day is missed.
    for (let i = 0; addDays(p.start, i) < today; i++) {
      if (p.skip.includes(i)) continue;
      const day = addDays(p.start, i);
      await recordFollowUp(at(day), i % 2 ? ids.minjing! : ids.yisheng!, {
        measureId: m.id,
        day,
        status: i === 2 && p.community === 'zhuzhuang' ? 'seen_not_ok' : 'seen_ok',
        method: i % 2 ? 'phone' : 'visit',
        temperature: i === 2 && p.community === 'zhuzhuang' ? 37.6 : 36.5,
        note: i === 2 && p.community === 'zhuzhuang' ? '自述咽痛，已告知医生复诊' : null,
      });
      counts.followUps++;
    }
  }
  counts.missed = (await closeFollowUpDays(deps, new Date(now.getTime() - (now.getTime() % DAY_MS) + 1))).missed;
  return counts;
}
