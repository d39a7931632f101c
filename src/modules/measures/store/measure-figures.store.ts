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
};
