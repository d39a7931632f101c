import type { AreaFigures } from '../../../contracts/insights.js';
import type { RankingQuery, RankingTable } from '../../../contracts/insights-rankings.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { movementOf } from '../domain/movement.js';
import type { InsightsDeps } from '../deps.js';
import { measureFor } from './access.js';
import { getAreaFigures } from './get-area-figures.js';

const NO_COMPARISON = { kind: 'none', by: 0, label: '—' } as const;

/**
 * 排名通报: the areas under a unit in scope ranked by the first measure asked for a period, each with
 * its movement since the period before (名次变化), and the other measures' values and ranks beside it.
 * Each measure is the areas endpoint's answer (getAreaFigures, with 较上期), so the two never differ.
 */
export async function getRanking(deps: InsightsDeps, actor: Actor, q: RankingQuery): Promise<RankingTable> {
  // Refuse an unknown or unreadable measure before any query runs.
  for (const code of q.measures) measureFor(deps, actor, code);
  const figures: AreaFigures[] = [];
  for (const measure of q.measures)
    figures.push(
      await getAreaFigures(deps, actor, {
        measure,
        unitId: q.unitId,
        level: q.level,
        from: q.from,
        to: q.to,
        compare: 'true',
      }),
    );
  const first = figures[0]!;
  const byUnit = figures.map((f) => new Map(f.areas.map((a) => [a.unit.id, a])));
  const order = first.areas.map((a, i) => ({ a, i }));
  order.sort((x, y) => (x.a.rank ?? Infinity) - (y.a.rank ?? Infinity) || x.i - y.i);
  return {
    measures: figures.map((f) => f.measure),
    unit: first.unit,
    level: first.level,
    from: first.from,
    to: first.to,
    asOf: first.asOf,
    previousPeriod: first.previousPeriod,
    rows: order.map(({ a }) => ({
      unit: a.unit,
      cells: byUnit.map((m) => {
        const { unit: _unit, ...cell } = m.get(a.unit.id)!;
        // A snapshot (在办问题数) has no period before: no movement, rather than 新上榜 everywhere.
        const movement = cell.previous ? movementOf(cell.rank, cell.previous.rank) : NO_COMPARISON;
        return { ...cell, movement };
      }),
    })),
  };
}
