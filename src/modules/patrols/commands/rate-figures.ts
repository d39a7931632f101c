import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { FigureQuery, RateFigureSource } from '../../reporting/index.js';
import type { PatrolsDeps } from '../deps.js';
import { coverageOf, countedThrough, elapsedDays } from '../domain/coverage.js';
import { patrolStore } from '../store/patrol.store.js';

/** The rate's code, as star indicators name it. */
export const PATROLS_COVERAGE = 'patrols.coverage';

/**
 * 巡查覆盖率 as the coverage page computes it (docs/patrols.md): Σ over the active small grids under
 * the unit of the local days with an ended patrol ÷ (grids × days of the period up to today). No
 * grid, or no day of the period come yet: denominator 0.
 */
export function patrolRateFigures(deps: PatrolsDeps): RateFigureSource[] {
  /** Per active small grid under the unit: its patrolled days and the days counted. */
  const gridDays = async (ex: Executor, q: FigureQuery) => {
    const first = localDateOf(q.from);
    const last = localDateOf(new Date(q.to.getTime() - 1));
    const today = localDateOf(deps.clock.now());
    const days = last < first ? 0 : elapsedDays(first, last, today);
    const grids = (await deps.org.unitsUnder(ex, q.districtCode, q.unitPath, { kind: 'grid_small' })).filter(
      (g) => !g.retiredAt,
    );
    if (days === 0 || grids.length === 0) return { days, grids: [] };
    const counts = await patrolStore.dayCounts(ex, {
      districtCode: q.districtCode,
      kind: 'grid',
      path: q.unitPath,
      first,
      last: countedThrough(first, last, today),
    });
    const roll = coverageOf(
      grids.map((g) => g.id),
      counts,
      days,
    );
    return { days, grids: roll.grids.map((g, i) => ({ ...g, name: grids[i]!.name })) };
  };
  return [
    {
      code: PATROLS_COVERAGE,
      label: '网格巡查覆盖率（有巡查的网格天数 ÷ 网格天数）',
      async rate(ex, q) {
        const { days, grids } = await gridDays(ex, q);
        return { numerator: grids.reduce((s, g) => s + g.patrolledDays, 0), denominator: grids.length * days };
      },
      async records(ex, q, limit) {
        const { days, grids } = await gridDays(ex, q);
        return grids.slice(0, limit).map((g) => ({
          kind: 'grid',
          id: g.gridId,
          label: g.name,
          day: null,
          numerator: g.patrolledDays,
          denominator: days,
        }));
      },
    },
  ];
}
