import type { Executor } from '../../../kernel/db/db.js';
import { fixedOffsetMs, toLocal } from '../../../kernel/calendar/local-time.js';
import type { FigureQuery, RateFigureSource } from '../figures.js';
import { formatPeriodOfDay, parsePeriod, type PeriodType } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { completenessOfAreas } from './area-completeness.js';

/** The rate's code, as star indicators name it. */
export const REPORTING_COMPLETENESS = 'reporting.completeness';

/**
 * The periods of a form's type that begin within the query's days: a week straddling two quarters
 * belongs to the one it begins in, so no period is counted in two. null when none begins in them.
 */
export function periodsBeginningIn(
  q: Pick<FigureQuery, 'from' | 'to'>,
  type: PeriodType,
  timeZone: string,
): { from: string; to: string } | null {
  const offset = fixedOffsetMs(timeZone);
  const firstDay = toLocal(q.from, offset).day;
  const lastDay = toLocal(new Date(q.to.getTime() - 1), offset).day;
  if (lastDay < firstDay) return null;
  let first = parsePeriod(formatPeriodOfDay(firstDay, type));
  if (first.firstDay < firstDay) first = parsePeriod(formatPeriodOfDay(first.lastDay + 1, type));
  const last = parsePeriod(formatPeriodOfDay(lastDay, type));
  return first.firstDay > last.firstDay ? null : { from: first.id, to: last.id };
}

export interface CompletenessTotals {
  expected: number;
  submitted: number;
  onTime: number;
  missing: number;
}

/**
 * The completeness counts of each area's subtree summed over every active form of the district, for
 * the periods of each form beginning in the query's days, as of `now`: what the completeness page
 * shows per form for that unit, added up (the 上报率 rate figure and the insights measures read it).
 * All areas at once: per form one grouped read (completenessOfAreas), not one per area.
 */
export async function completenessTotalsOfAreas(
  deps: ReportingDeps,
  ex: Executor,
  q: { districtCode: string; areas: readonly { unitId: string; unitPath: string }[]; from: Date; to: Date },
  now: Date,
): Promise<Map<string, CompletenessTotals>> {
  const sums = q.areas.map(() => ({ expected: 0, submitted: 0, onTime: 0, missing: 0 }));
  for (const form of await reportStore.forms(ex, q.districtCode)) {
    const periods = periodsBeginningIn(q, form.definition.periodType, deps.config.timeZone);
    if (!periods) continue;
    const totals = await completenessOfAreas(deps, ex, form, q.areas, periods.from, periods.to, now);
    totals.forEach((t, i) => {
      const sum = sums[i]!;
      sum.expected += t.expected;
      sum.submitted += t.submitted;
      sum.onTime += t.onTime;
      sum.missing += t.missing;
    });
  }
  return new Map(q.areas.map((a, i) => [a.unitId, sums[i]!]));
}

/** completenessTotalsOfAreas for one unit's subtree. */
export async function completenessTotals(
  deps: ReportingDeps,
  ex: Executor,
  q: FigureQuery,
  now: Date,
): Promise<CompletenessTotals> {
  const totals = await completenessTotalsOfAreas(
    deps,
    ex,
    { districtCode: q.districtCode, areas: [{ unitId: q.unitId, unitPath: q.unitPath }], from: q.from, to: q.to },
    now,
  );
  return totals.get(q.unitId)!;
}

/**
 * 上报率 (DHIS2 reporting rate: 实报 ÷ 应报) of the unit's subtree over every active form of the
 * district, for the periods beginning in the query's days, as of now: the counts the completeness
 * page shows per form, summed over the forms (docs/reporting.md). A period whose deadline (with its
 * grace days) has not passed is not yet 应报 unless its report is in. Nothing owed: denominator 0.
 */
export function reportingRateFigures(deps: ReportingDeps): RateFigureSource[] {
  return [
    {
      code: REPORTING_COMPLETENESS,
      label: '报表上报率（实报数 ÷ 应报数，各报表合计）',
      async rate(ex, q) {
        const t = await completenessTotals(deps, ex, q, deps.clock.now());
        return { numerator: t.submitted, denominator: t.expected };
      },
    },
  ];
}
