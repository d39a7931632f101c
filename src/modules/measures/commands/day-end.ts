import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import type { MeasuresDeps } from '../deps.js';
import { measureStore } from '../store/measure.store.js';

const BATCH = 500;

/**
 * After each day's end (Asia/Shanghai): the follow-ups of past days nobody recorded become missed (the
 * four owners and the community's cadres are told, one notice per measure), then the open measures whose
 * window is over end as completed. Each row changes only from its pending state, in the transaction
 * that tells people, so a second run — or a second process — changes and tells nothing.
 */
export async function closeFollowUpDays(
  deps: MeasuresDeps,
  now: Date,
): Promise<{ missed: number; completed: number; today: string }> {
  const today = localDateOf(now);
  const at = now.toISOString();
  let missed = 0;
  let completed = 0;
  for (;;) {
    const pending = await measureStore.pendingBefore(deps.database.db, today, BATCH);
    if (!pending.length) break;
    const byMeasure = new Map<string, typeof pending>();
    for (const p of pending) byMeasure.set(p.measure_id, [...(byMeasure.get(p.measure_id) ?? []), p]);
    for (const [measureId, rows] of byMeasure) {
      await deps.database.db.transaction().execute(async (trx) => {
        const days: string[] = [];
        for (const r of rows) if (await measureStore.markMissed(trx, measureId, r.day)) days.push(r.day);
        if (!days.length) return;
        missed += days.length;
        const first = rows[0]!;
        await measureStore.addEvent(trx, {
          id: newId(now.getTime()),
          measure_id: measureId,
          at,
          kind: 'missed',
          detail: `${days.join('、')} 未随访，记为未见到`,
          by_id: null,
          by_name: '系统',
        });
        const owners = await measureStore.owners(trx, [measureId]);
        const cadres = (await deps.org.accountsWithRole(trx, first.district_code, 'community_worker')).filter(
          (a) => a.unitId === first.community_id,
        );
        await notify(trx, {
          accountIds: [...owners.map((o) => o.account_id), ...cadres.map((a) => a.id)],
          districtCode: first.district_code,
          kind: 'measure.follow_up_missed',
          title: `漏随访：${first.subject_name}`,
          body: `${first.subject_name} ${days.join('、')} 的随访没有记录，已记为未见到，请包保人员核实情况`,
          entityType: 'measure',
          entityId: measureId,
          at: now,
        });
      });
    }
    if (pending.length < BATCH) break;
  }
  for (;;) {
    const over = await measureStore.openEndedBefore(deps.database.db, today, BATCH);
    if (!over.length) break;
    for (const m of over)
      await deps.database.db.transaction().execute(async (trx) => {
        await measureStore.end(trx, m.id, 'completed', m.end_day, at);
        await measureStore.addEvent(trx, {
          id: newId(now.getTime()),
          measure_id: m.id,
          at,
          kind: 'end',
          detail: `期满解除（${m.end_day}）`,
          by_id: null,
          by_name: '系统',
        });
        completed++;
      });
    if (over.length < BATCH) break;
  }
  return { missed, completed, today };
}

/** Every 15 minutes: the first run after midnight closes the day before; later runs find nothing. */
export function followUpDayEndJob(deps: MeasuresDeps): Job {
  return { name: 'measures.day_end', everyMs: 15 * 60_000, run: (now) => closeFollowUpDays(deps, now) };
}
