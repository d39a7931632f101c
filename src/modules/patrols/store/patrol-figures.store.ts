import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';

interface FigureFilter {
  districtCode: string;
  path: string;
  kind: string;
  first: string;
  last: string;
}

/** Patrols counted by area and local days, for the figures report forms take. */
export const patrolFigureStore = {
  /** Ended patrols started on a day of [first, last] with one of their units under `path`. */
  async patrols(ex: Executor, q: FigureFilter): Promise<number> {
    const r = await ex
      .selectFrom('patrols')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('district_code', '=', q.districtCode)
      .where('kind', '=', q.kind)
      .where('status', '=', 'ended')
      .where('start_day', '>=', q.first)
      .where('start_day', '<=', q.last)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('patrol_units as u')
            .select('u.unit_id')
            .whereRef('u.patrol_id', '=', 'patrols.id')
            .where(startsWith('u.unit_path', q.path)),
        ),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** (unit, day) pairs with an ended patrol under `path` in [first, last]. */
  async unitDays(ex: Executor, q: FigureFilter): Promise<number> {
    const r = await ex
      .selectFrom('patrol_unit_days')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('district_code', '=', q.districtCode)
      .where('kind', '=', q.kind)
      .where('day', '>=', q.first)
      .where('day', '<=', q.last)
      .where(startsWith('unit_path', q.path))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
