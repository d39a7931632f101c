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
  /** The entries `peopleListed` counts, newest first (at most `limit`), and how many there are. */
  async entriesListed(ex: Executor, q: { districtCode: string; path: string; from: Date; to: Date; limit: number }) {
    const base = ex
      .selectFrom('scr_entries')
      .where('district_code', '=', q.districtCode)
      .where('created_at', '>=', q.from.toISOString())
      .where('created_at', '<', q.to.toISOString())
      .where(startsWith('grid_path', q.path));
    const total = Number(
      (await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).execute();
    return { rows, total };
  },
};
