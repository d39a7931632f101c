import type { Executor } from '../../../kernel/db/db.js';
import type { FigureRecord, ReportFigureSource } from '../../reporting/index.js';
import type { UnitRef } from '../../org/index.js';
import type { CampaignsDeps } from '../deps.js';
import type { IndicatorRow } from '../store/indicator.store.js';
import { dayBounds } from './access.js';

export const categoriesOf = (i: Pick<IndicatorRow, 'categories'>): string[] => JSON.parse(i.categories) as string[];

/** The figure source of a computed indicator, or undefined when no module offers it (any more). */
export function sourceOf(deps: CampaignsDeps, indicator: IndicatorRow): ReportFigureSource | undefined {
  return indicator.source ? deps.figures().find((s) => s.code === indicator.source) : undefined;
}

const queryOf = (deps: CampaignsDeps, indicator: IndicatorRow, unit: UnitRef, firstDay: string, lastDay: string) => {
  const categories = categoriesOf(indicator);
  return {
    districtCode: unit.districtCode,
    unitId: unit.id,
    unitPath: unit.path,
    ...dayBounds(deps, firstDay, lastDay),
    ...(categories.length ? { categories } : {}),
  };
};

/** A computed indicator's value for a unit's subtree over local days [firstDay, lastDay] (0 without a source). */
export async function computedValue(
  deps: CampaignsDeps,
  ex: Executor,
  indicator: IndicatorRow,
  unit: UnitRef,
  firstDay: string,
  lastDay: string,
): Promise<number> {
  const source = sourceOf(deps, indicator);
  return source ? source.count(ex, queryOf(deps, indicator, unit, firstDay, lastDay)) : 0;
}

/** The records behind a computed value, when its source offers them (null: no drill-down). */
export async function computedRecords(
  deps: CampaignsDeps,
  ex: Executor,
  indicator: IndicatorRow,
  unit: UnitRef,
  firstDay: string,
  lastDay: string,
  limit: number,
): Promise<FigureRecord[] | null> {
  const source = sourceOf(deps, indicator);
  if (!source?.records) return null;
  return source.records(ex, queryOf(deps, indicator, unit, firstDay, lastDay), limit);
}
