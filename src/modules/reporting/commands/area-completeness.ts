import type { Executor } from '../../../kernel/db/db.js';
import {
  aliveBounds,
  areaCompleteness,
  emptyCounts,
  rangeOf,
  retiredInRange,
  withRates,
  type CompletenessSummary,
} from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore, type LoadedForm } from '../store/report.store.js';
import { rollupStore } from '../store/rollup.store.js';
import { flags } from './completeness.js';

/** The longest whole-segment path prefix of every path ('/' at least). */
function commonPrefix(paths: readonly string[]): string {
  let p = paths[0] ?? '/';
  for (const x of paths) {
    let i = 0;
    while (i < p.length && i < x.length && p[i] === x[i]) i++;
    p = p.slice(0, i);
  }
  return p.slice(0, p.lastIndexOf('/') + 1) || '/';
}

/**
 * The completeness totals of one form for many areas at once, from … to (period ids) at `now`: the
 * same figures completenessOver gives each area as a scope (the completeness page's totals), read
 * with one count of the units alive throughout per parent (org's lifeSpansUnder), the units opened or
 * closed in the range, and the areas' roll-up rows — not a row per reporting unit, nor a pass per area.
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
  const formId = form.row.id;
  const dc = form.row.district_code;
  const rule = { periodType: def.periodType, deadline: def.deadline, from, to, timeZone: deps.config.timeZone, now };
  const bounds = aliveBounds(rule);
  if (!bounds || !areas.length) return areas.map(() => withRates(emptyCounts()));
  const range = rangeOf(rule);
  const first = range.periods[0]!;
  const last = range.periods.at(-1)!;
  const paths = areas.map((a) => a.unitPath);
  const prefix = commonPrefix(paths);
  const who = def.reporters;
  const filter = who.kind === 'level' ? { kind: who.unitKind } : { ids: who.unitIds };
  const areaIds = [...new Set(areas.map((a) => a.unitId))];
  const [spans, areaUnits] = await Promise.all([
    deps.org.lifeSpansUnder(ex, dc, prefix, filter, bounds),
    deps.org.unitsUnder(
      ex,
      dc,
      prefix,
      who.kind === 'level'
        ? { kind: who.unitKind, ids: areaIds }
        : { ids: areaIds.filter((id) => who.unitIds.includes(id)) },
    ),
  ]);
  const late = retiredInRange(spans.units, range.start, range.end);
  const uniquePaths = [...new Set(paths)];
  const counts = [];
  for (let i = 0; i < uniquePaths.length; i += 500)
    counts.push(...(await rollupStore.counts(ex, formId, uniquePaths.slice(i, i + 500), first, last)));
  const [own, lateRows] = await Promise.all([
    reportStore.flagsOfUnits(
      ex,
      formId,
      areaUnits.map((u) => u.id),
      first,
      last,
    ),
    reportStore.flagsOfUnits(
      ex,
      formId,
      late.map((u) => u.id),
      first,
      last,
    ),
  ]);
  return areaCompleteness({
    ...rule,
    areas: paths,
    alive: spans.alive,
    born: spans.born,
    units: spans.units,
    areaUnits,
    areaCounts: counts.map((r) => ({
      areaPath: r.area_path,
      period: r.period,
      submitted: r.submitted,
      onTime: r.on_time,
      zero: r.zero,
    })),
    ownReports: flags(own),
    lateRetired: flags(lateRows),
  });
}
