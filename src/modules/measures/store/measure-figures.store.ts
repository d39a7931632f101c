import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';

/** Measures counted by area and local days, for the figures report forms take. */
export const measureFigureStore = {
  /**
   * Distinct people under a measure on some day of [firstDay, lastDay] on grids under `path`: the
   * window overlaps those days and the measure had not ended before the first of them.
   */
  async peopleUnderMeasure(
    ex: Executor,
    q: { districtCode: string; path: string; firstDay: string; lastDay: string; type?: string },
  ): Promise<number> {
    let query = ex
      .selectFrom('measures')
      .select((eb) => eb.fn.count<string | number>('resident_id').distinct().as('n'))
      .where('district_code', '=', q.districtCode)
      .where('start_day', '<=', q.lastDay)
      .where('end_day', '>=', q.firstDay)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', q.firstDay)]))
      .where(startsWith('grid_path', q.path));
    if (q.type) query = query.where('type', '=', q.type);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
  /**
   * The follow-ups of the days under a path counted per grid, day and status: one grouped read for
   * every area of a dashboard query (completenessOf weighs each row by its count).
   */
  async followUpCountsByGrid(ex: Executor, f: { districtCode: string; path: string; from: string; to: string }) {
    const rows = await ex
      .selectFrom('measures as m')
      .innerJoin('measure_follow_ups as f', 'f.measure_id', 'm.id')
      .select(['m.grid_path', 'f.day', 'f.status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('m.district_code', '=', f.districtCode)
      .where(startsWith('m.grid_path', f.path))
      .where('f.day', '>=', f.from)
      .where('f.day', '<=', f.to)
      .groupBy(['m.grid_path', 'f.day', 'f.status'])
      .execute();
    return rows.map((r) => ({ path: r.grid_path, day: r.day, status: r.status, n: Number(r.n) }));
  },
};
