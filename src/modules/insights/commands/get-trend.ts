import type { Trend, TrendQuery } from '../../../contracts/insights.js';
import type { UnitKind } from '../../../contracts/org.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import { MAX_TREND_POINTS, trendBuckets } from '../domain/periods.js';
import type { InsightsDeps } from '../deps.js';
import { areaInScope, measureFor, presentMeasure } from './access.js';
import { figuresOf, measureQuery } from './measure-values.js';

/** One measure of a unit by day, ISO week or month over a period (a snapshot measure has no trend). */
export async function getTrend(deps: InsightsDeps, actor: Actor, q: TrendQuery): Promise<Trend> {
  const db = deps.database.db;
  const source = measureFor(deps, actor, q.measure);
  if (source.timing !== 'period')
    throw new Invalid('insight.no_trend', 'measure: a snapshot has no trend', [
      { field: 'measure', code: 'insight.no_trend', message: 'a snapshot measure has no trend' },
    ]);
  const unit = await areaInScope(deps, db, actor, q.unitId);
  const buckets = trendBuckets({ from: q.from, to: q.to }, q.grain);
  if (buckets.length > MAX_TREND_POINTS)
    throw new Invalid('insight.trend_too_long', 'to: too many points', [
      {
        field: 'to',
        code: 'insight.trend_too_long',
        message: `at most ${MAX_TREND_POINTS} points`,
        params: { max: MAX_TREND_POINTS },
      },
    ]);
  const asOf = deps.clock.now();
  const area = [{ unitId: unit.id, unitPath: unit.path, kind: unit.kind as UnitKind }];
  const points = [];
  for (const b of buckets) {
    const [f] = await figuresOf(db, source, await measureQuery(deps, db, actor.districtCode, area, b, asOf));
    points.push({
      from: b.from,
      to: b.to,
      numerator: f!.numerator,
      denominator: f!.denominator,
      value: f!.value,
      link: f!.link,
    });
  }
  return {
    measure: presentMeasure(source),
    unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitKind },
    grain: q.grain,
    asOf: asOf.toISOString(),
    points,
  };
}
