import type { Executor } from '../../../kernel/db/db.js';
import { commonPath } from '../../../kernel/tree-paths.js';
import {
  areaCompleteness,
  emptyCounts,
  rangeOf,
  retiredInRange,
  spanBounds,
  withRates,
  type CompletenessSummary,
  type LifetimeUnit,
} from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import type { LoadedForm } from '../store/report.store.js';
import { reportsOver } from './completeness.js';

/**
 * The completeness totals of one form for many areas at once, from … to (period ids) at `now`: the
 * same figures completenessOver gives each area as a scope (the completeness page's totals), read
 * from org's counts of the reporting kind opened and retired under each area (spanCountsOver: a few
 * rows per area), the units retired inside the range, and the areas' roll-up rows — not a row per
 * reporting unit, nor a pass per area. Reporters named by id (a short list) are read one by one.
 */
export async function completenessOfAreas(
  deps: ReportingDeps,
  ex: Executor,
  form: LoadedForm,
  areas: readonly { unitId: string; unitPath: string }[],
  from: string,
  to: string,
  now: Date,
): Promise<CompletenessSummary[]> {
  const def = form.definition;
  const dc = form.row.district_code;
  const rule = { periodType: def.periodType, deadline: def.deadline, from, to, timeZone: deps.config.timeZone, now };
  const range = rangeOf(rule);
  const span = spanBounds(range);
  if (!span || !areas.length) return areas.map(() => withRates(emptyCounts()));
  const paths = areas.map((a) => a.unitPath);
  const prefix = commonPath(paths);
  const areaIds = [...new Set(areas.map((a) => a.unitId))];
  const who = def.reporters;
  // A kind's units are counted by org's span counts where the periods' bounds allow (whole quarter
  // hours: local midnights), else — and for reporters named by id — listed with their life spans.
  const spans =
    who.kind === 'level' ? await deps.org.spanCountsOver(ex, dc, who.unitKind, [...new Set(paths)], span) : null;
  const [listed, retired, areaUnits] = await Promise.all([
    spans
      ? []
      : deps.org.unitsUnder(ex, dc, prefix, who.kind === 'level' ? { kind: who.unitKind } : { ids: who.unitIds }),
    spans && who.kind === 'level' ? deps.org.retiredUnder(ex, dc, prefix, who.unitKind, span) : [],
    deps.org.unitsUnder(
      ex,
      dc,
      prefix,
      who.kind === 'level'
        ? { kind: who.unitKind, ids: areaIds }
        : { ids: areaIds.filter((id) => who.unitIds.includes(id)) },
    ),
  ]);
  // Units retired inside the range may hold reports of periods they no longer owed.
  const late: LifetimeUnit[] = spans ? retired : retiredInRange(listed, range.start, range.end);
  const reports = await reportsOver(
    ex,
    form.row.id,
    paths,
    areaUnits.map((u) => u.id),
    late.map((u) => u.id),
    range.periods[0]!,
    range.periods.at(-1)!,
  );
  return areaCompleteness({
    ...rule,
    areas: paths,
    spans: spans ?? [],
    units: listed,
    areaUnits,
    areaCounts: reports.areaCounts,
    ownReports: reports.ownReports,
    lateRetired: late.map((unit) => ({ unit, reports: reports.lateRetired.get(unit.id) ?? [] })),
    range,
  });
}
