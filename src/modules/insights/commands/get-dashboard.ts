import type { Dashboard, DashboardQuery } from '../../../contracts/insights.js';
import type { UnitKind } from '../../../contracts/org.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { InsightsDeps } from '../deps.js';
import { AREA_KINDS, areaInScope, presentMeasure, readableMeasures } from './access.js';
import { figuresOf, measureQuery } from './measure-values.js';

/**
 * Every measure the caller may read, for one unit in scope and a period, at this instant: the
 * dashboard's tiles. A measure that cannot be taken at the unit's level is left out.
 */
export async function getDashboard(deps: InsightsDeps, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  const db = deps.database.db;
  const unit = await areaInScope(deps, db, actor, q.unitId);
  const asOf = deps.clock.now();
  const measures = readableMeasures(deps, actor).filter((m) =>
    (m.levels ?? AREA_KINDS).includes(unit.kind as UnitKind),
  );
  const query = await measureQuery(
    deps,
    db,
    actor.districtCode,
    [{ unitId: unit.id, unitPath: unit.path, kind: unit.kind as UnitKind }],
    { from: q.from, to: q.to },
    asOf,
  );
  const figures = await Promise.all(
    measures.map(async (m) => {
      const [f] = await figuresOf(db, m, query);
      return { code: m.code, numerator: f!.numerator, denominator: f!.denominator, value: f!.value, link: f!.link };
    }),
  );
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitKind },
    from: q.from,
    to: q.to,
    asOf: asOf.toISOString(),
    measures: measures.map(presentMeasure),
    figures,
  };
}
