import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';

/** Screening entries counted by area and time, for the figures report forms take. */
export const screeningFigureStore = {
  /** Distinct people put on a list in [from, to) on grids under `path` (a person on two lists is one). */
  async peopleListed(ex: Executor, q: { districtCode: string; path: string; from: Date; to: Date }): Promise<number> {
    const row = await ex
      .selectFrom('scr_entries')
      .select((eb) => eb.fn.count<string | number>('id_number').distinct().as('n'))
      .where('district_code', '=', q.districtCode)
      .where('created_at', '>=', q.from.toISOString())
      .where('created_at', '<', q.to.toISOString())
      .where(startsWith('grid_path', q.path))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
