import type { MeasureFigure } from '../../../contracts/insights.js';
import type { UnitKind } from '../../../contracts/org.js';
import type { Executor } from '../../../kernel/db/db.js';
import { cachedWorkCalendar } from '../../platform/index.js';
import type { DayPeriod } from '../domain/periods.js';
import { valueOf } from '../domain/ranking.js';
import type { InsightsDeps } from '../deps.js';
import type { MeasureArea, MeasureQuery, MeasureSource } from '../sources.js';

/** A period of local days as the query a source answers: [first day's midnight, the day after the last's). */
export async function measureQuery(
  deps: Pick<InsightsDeps, 'database' | 'config'>,
  ex: Executor,
  districtCode: string,
  areas: readonly MeasureArea[],
  days: DayPeriod,
  asOf: Date,
): Promise<MeasureQuery> {
  const cal = await cachedWorkCalendar(deps.database, ex, districtCode, deps.config.timeZone);
  const from = cal.startOfDay(days.from);
  const to = new Date(cal.startOfDay(days.to).getTime() + 86_400_000);
  return { districtCode, areas, from, to, days, asOf };
}

/** One source's figures for every area of the query, in the areas' order. */
export async function figuresOf(
  ex: Executor,
  source: MeasureSource,
  q: MeasureQuery,
): Promise<(Omit<MeasureFigure, 'code'> & { unitId: string })[]> {
  const values = await source.measure(ex, q);
  return q.areas.map((a) => {
    const v = values.get(a.unitId) ?? { numerator: 0, ...(source.kind === 'rate' ? { denominator: 0 } : {}) };
    return {
      unitId: a.unitId,
      numerator: v.numerator,
      denominator: source.kind === 'rate' ? (v.denominator ?? 0) : null,
      value: valueOf(v, source.kind),
      link: source.link?.({ unitId: a.unitId, kind: a.kind as UnitKind }, q.days) ?? null,
    };
  });
}
