import type { Executor } from '../../kernel/db/db.js';
import { commonPath } from '../../kernel/tree-paths.js';
import type { MeasureArea, MeasureQuery, MeasureValue } from './sources.js';

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

/** The deepest path every area lies under: one query under it reads the rows of all of them. */
export function commonPathOf(areas: readonly Pick<MeasureArea, 'unitPath'>[]): string {
  return commonPath(areas.map((a) => a.unitPath));
}

/**
 * A `measure`'s answer from rows read once for all areas (grouped by the tree path they are counted
 * under, with their counts): each area sums the rows whose path lies in its subtree; an area
 * without rows answers 0, or 0/0 for a rate.
 */
export function sumUnderAreas(
  kind: 'count' | 'rate',
  areas: readonly Pick<MeasureArea, 'unitId' | 'unitPath'>[],
  rows: readonly { path: string; numerator: number; denominator?: number }[],
): Map<string, MeasureValue> {
  const rate = kind === 'rate';
  const values = areas.map((): MeasureValue => (rate ? { numerator: 0, denominator: 0 } : { numerator: 0 }));
  const index = areasByPath(areas.map((a) => a.unitPath));
  for (const r of rows)
    forAreasOf(r.path, index, (i) => {
      values[i]!.numerator += r.numerator;
      if (rate) values[i]!.denominator! += r.denominator ?? 0;
    });
  return new Map(areas.map((a, i) => [a.unitId, values[i]!]));
}

/** Areas by their unit path (several may share one: an area asked twice), optionally only some of them. */
export function areasByPath(paths: readonly string[], which?: readonly number[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const i of which ?? paths.keys()) {
    const at = index.get(paths[i]!);
    if (at) at.push(i);
    else index.set(paths[i]!, [i]);
  }
  return index;
}

/**
 * Calls `fn` with each indexed area a unit path lies in: those whose path is one of its whole-segment
 * prefixes ('/a/', '/a/b/', '/a/b/c/' of '/a/b/c/'). The same as startsWith over every area, but one
 * map lookup per segment instead of a comparison per area (491 grids × 491 rows made a map slow).
 */
export function forAreasOf(path: string, index: ReadonlyMap<string, number[]>, fn: (i: number) => void): void {
  for (let j = path.indexOf('/', 1); j !== -1; j = path.indexOf('/', j + 1)) {
    const hit = index.get(path.slice(0, j + 1));
    if (hit) for (const i of hit) fn(i);
  }
}
