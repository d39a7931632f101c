import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { DueFollowUp } from '../../../contracts/measures.js';
import type { MeasuresDeps } from '../deps.js';
import { presentDue } from '../http/measure.presenter.js';
import { measureStore } from '../store/measure.store.js';
import { unitNames } from './list-measures.js';

/**
 * The caller's follow-up list of today (今日随访): one line per open measure it owns, whatever its
 * role in it, with today's status (待随访 until one of the four owners records it).
 */
export async function dueFollowUps(deps: MeasuresDeps, actor: Actor): Promise<{ day: string; items: DueFollowUp[] }> {
  authorize(actor, 'measure.read');
  const ex = deps.database.db;
  const day = localDateOf(deps.clock.now());
  const rows = await measureStore.dueFor(ex, actor.accountId, day);
  const measures = new Map(
    (await measureStore.measuresByIds(ex, [...new Set(rows.map((r) => r.measure_id))])).map((m) => [m.id, m]),
  );
  const units = await unitNames(deps, ex, [...measures.values()]);
  return {
    day,
    items: rows
      .filter((r) => measures.get(r.measure_id)?.district_code === actor.districtCode)
      .map((r) => presentDue(r, measures.get(r.measure_id)!, units)),
  };
}
