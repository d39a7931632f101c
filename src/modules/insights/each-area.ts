import type { Executor } from '../../kernel/db/db.js';
import type { MeasureQuery, MeasureValue } from './sources.js';

/** One area of a measure query as a module's own figure functions take it (reporting's FigureQuery shape). */
export interface AreaFigureQuery {
  districtCode: string;
  unitId: string;
  unitPath: string;
  from: Date;
  to: Date;
}

/**
 * A `measure` that asks a module's own figure function (a rate or report figure) once per area, for
 * modules without a grouped query: the dashboard's figure is then the module's own, never recounted.
 */
export function eachArea(
  of: (ex: Executor, area: AreaFigureQuery, q: MeasureQuery) => Promise<MeasureValue>,
): (ex: Executor, q: MeasureQuery) => Promise<Map<string, MeasureValue>> {
  return async (ex, q) => {
    const out = new Map<string, MeasureValue>();
    for (const a of q.areas)
      out.set(
        a.unitId,
        await of(
          ex,
          { districtCode: q.districtCode, unitId: a.unitId, unitPath: a.unitPath, from: q.from, to: q.to },
          q,
        ),
      );
    return out;
  };
}
