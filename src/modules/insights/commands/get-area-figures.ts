import type { AreaFigures, AreasQuery } from '../../../contracts/insights.js';
import type { UnitKind } from '../../../contracts/org.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import { previousPeriod } from '../domain/periods.js';
import { rankAreas } from '../domain/ranking.js';
import type { InsightsDeps } from '../deps.js';
import type { MeasureArea } from '../sources.js';
import { AREA_KINDS, areaInScope, measureFor, presentMeasure } from './access.js';
import { figuresOf, measureQuery } from './measure-values.js';

/** The areas under a unit: its active territorial children, or every active small grid under it. */
export async function areasUnder(
  deps: Pick<InsightsDeps, 'org'>,
  ex: Executor,
  unit: UnitRef,
  level: 'children' | 'grids',
): Promise<(MeasureArea & { name: string })[]> {
  if (level === 'grids') {
    const grids = await deps.org.unitsUnder(ex, unit.districtCode, unit.path, { kind: 'grid_small' });
    return grids
      .filter((g) => !g.retiredAt)
      .map((g) => ({ unitId: g.id, unitPath: g.path, kind: 'grid_small' as const, name: g.name }));
  }
  const children = await deps.org.children(ex, unit.id);
  return children
    .filter((c) => AREA_KINDS.includes(c.kind as UnitKind))
    .map((c) => ({ unitId: c.id, unitPath: c.path, kind: c.kind as UnitKind, name: c.name }));
}

/**
 * One measure over the areas under a unit in scope (its children, or its small grids) for a period:
 * values, ranks (1, 1, 3; best first by the measure's direction) and, when asked, the previous
 * period's values and ranks — the map's colours, the ranking's rows and the dashboard's breakdown.
 */
export async function getAreaFigures(deps: InsightsDeps, actor: Actor, q: AreasQuery): Promise<AreaFigures> {
  const db = deps.database.db;
  const source = measureFor(deps, actor, q.measure);
  const unit = await areaInScope(deps, db, actor, q.unitId);
  const areas = (await areasUnder(deps, db, unit, q.level)).filter((a) =>
    (source.levels ?? AREA_KINDS).includes(a.kind),
  );
  if (areas.length === 0 && (source.levels ?? AREA_KINDS).length < AREA_KINDS.length)
    throw new Invalid('insight.level_not_measured', 'level: the measure is not taken at this level', [
      { field: 'level', code: 'insight.level_not_measured', message: 'the measure is not taken at this level' },
    ]);
  const asOf = deps.clock.now();
  const days = { from: q.from, to: q.to };
  const now = await figuresOf(db, source, await measureQuery(deps, db, actor.districtCode, areas, days, asOf));
  const ranks = rankAreas(
    now.map((f) => ({ key: f.unitId, value: f.value })),
    source.better,
  );
  const compare = q.compare === 'true' && source.timing === 'period';
  const prevDays = compare ? previousPeriod(days) : null;
  const before = prevDays
    ? await figuresOf(db, source, await measureQuery(deps, db, actor.districtCode, areas, prevDays, asOf))
    : null;
  const prevRanks = before
    ? rankAreas(
        before.map((f) => ({ key: f.unitId, value: f.value })),
        source.better,
      )
    : null;
  return {
    measure: presentMeasure(source),
    unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitKind },
    level: q.level,
    from: q.from,
    to: q.to,
    asOf: asOf.toISOString(),
    previousPeriod: prevDays,
    areas: now.map((f, i) => ({
      unit: { id: f.unitId, name: areas[i]!.name, kind: areas[i]!.kind },
      numerator: f.numerator,
      denominator: f.denominator,
      value: f.value,
      link: f.link,
      rank: ranks.get(f.unitId) ?? null,
      previous: before ? { value: before[i]!.value, rank: prevRanks!.get(f.unitId) ?? null } : null,
    })),
  };
}
