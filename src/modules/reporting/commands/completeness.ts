import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import {
  childKeyOf,
  completenessFromRollup,
  parsePeriod,
  rangeOf,
  retiredInRange,
  type LifetimeUnit,
  type PeriodFlags,
} from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore, type LoadedForm } from '../store/report.store.js';
import { rollupStore } from '../store/rollup.store.js';
import { reportingUnits } from './reporting-units.js';

/** Most entries of the missing list in one reply; the rest by `missingOffset`. */
export const MISSING_PAGE_MAX = 1000;
const PROBE = 500;

export interface CompletenessQueryInput {
  unitId?: string;
  from: string;
  to: string;
  /** Which list to page: 缺报 (due, not received; the default) or 未到期 (not received, not yet due). */
  list?: 'missing' | 'notDue';
  /** List paging: the latest period first, units in tree order. */
  missingOffset?: number;
  missingLimit?: number;
}

/** Report flags by unit id. */
export const flags = (rows: { unit_id: string; period: string; on_time: number; zero: number }[]) => {
  const out = new Map<string, PeriodFlags[]>();
  for (const r of rows) {
    let l = out.get(r.unit_id);
    if (!l) out.set(r.unit_id, (l = []));
    l.push({ period: r.period, onTime: r.on_time === 1, zero: r.zero === 1 });
  }
  return out;
};

/**
 * 应报 / 实报 / 按时报 for a unit subtree and period range, as DHIS2 computes reporting rates:
 * reporting rate = submitted ÷ expected, timeliness = on time ÷ expected (formulas in docs/reporting.md).
 * Counts come from the roll-up tables and the units' lifetimes, never from every report; the list of
 * who is missing is a page (latest period first), found by probing the units in tree order.
 */
export async function completeness(deps: ReportingDeps, actor: Actor, formId: string, q: CompletenessQueryInput) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const form = await reportStore.form(db, formId);
  if (!form || form.row.district_code !== actor.districtCode) throw new NotFound('report_form', formId);
  const def = form.definition;
  parsePeriod(q.from, def.periodType, 'from');
  parsePeriod(q.to, def.periodType, 'to');
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  const { units, c } = await completenessOver(deps, db, form, unit.path, q.from, q.to, now);
  const names = new Map<string, string>(units.map((u) => [u.id, u.name]));
  const children = await deps.org.children(db, unit.id);
  for (const ch of children) names.set(ch.id, ch.name);

  const missingOffset = q.missingOffset ?? 0;
  const missingLimit = Math.min(q.missingLimit ?? 100, MISSING_PAGE_MAX);
  const list = q.list ?? 'missing';
  const missing = await missingPage(deps, formId, units, c, list, missingOffset, missingLimit);
  for (const u of c.rows) if (!names.has(u.key)) names.set(u.key, (await deps.org.unit(db, u.key))?.name ?? u.key);
  return {
    formId,
    unitId: unit.id,
    unitName: unit.name,
    from: q.from,
    to: q.to,
    periods: c.periods,
    ...c.totals,
    list,
    missingTotal: list === 'missing' ? c.totals.missing : c.totals.notDue,
    missingOffset,
    missingLimit,
    missing: missing.map((m) => ({ ...m, unitName: names.get(m.unitId) ?? null })),
    /** A row per child unit (街道 → 社区 …), or the unit itself when it reports. */
    units: c.rows.map(({ key, path: _path, ...r }) => ({ unitId: key, unitName: names.get(key) ?? null, ...r })),
    byPeriod: c.byPeriod,
  };
}

/**
 * The completeness of one form over a unit's subtree and the periods from … to (both included, ids
 * of the form's period type) at `now`: the roll-up tables and the units' lifetimes, by the rules of
 * completenessFromRollup. The API above and the reporting rate other modules read (rate-figures.ts).
 */
export async function completenessOver(
  deps: ReportingDeps,
  ex: Executor,
  form: LoadedForm,
  scopePath: string,
  from: string,
  to: string,
  now: Date,
) {
  const tz = deps.config.timeZone;
  const def = form.definition;
  const formId = form.row.id;
  const districtCode = form.row.district_code;
  const units: (LifetimeUnit & { name: string })[] = await reportingUnits(
    deps,
    ex,
    districtCode,
    scopePath,
    def.reporters,
  );
  const range = rangeOf({ periodType: def.periodType, deadline: def.deadline, from, to, timeZone: tz, now });
  const first = range.periods[0];
  const last = range.periods.at(-1);
  const keys = new Set(units.map((u) => childKeyOf(scopePath, u.path)));
  const scopeId = childKeyOf(scopePath, scopePath);
  const childPaths = [...keys].filter((k) => k !== scopeId).map((k) => `${scopePath}${k}/`);
  // Units that report themselves and are a row of this view (the scope, or a child) are read from their reports.
  const selfReporting = units.filter((u) => u.path === scopePath || keys.has(u.id)).map((u) => u.id);
  const late = retiredInRange(units, range.start, range.end);
  const reports =
    first && last
      ? await reportsOver(
          ex,
          formId,
          [scopePath, ...childPaths],
          selfReporting,
          late.map((u) => u.id),
          first,
          last,
        )
      : { areaCounts: [], ownReports: new Map(), lateRetired: new Map() };
  const c = completenessFromRollup({
    periodType: def.periodType,
    deadline: def.deadline,
    from,
    to,
    timeZone: tz,
    now,
    scopePath,
    units,
    ...reports,
  });
  return { units, c };
}

/**
 * What the completeness rules read of the reports, periods first … last: the roll-up rows of the
 * areas (the reports of the units strictly below each), the own reports of the units that are areas
 * themselves, and the reports of the units retired inside the range — by unit id.
 */
export async function reportsOver(
  ex: Executor,
  formId: string,
  areaPaths: readonly string[],
  ownIds: readonly string[],
  retiredIds: readonly string[],
  first: string,
  last: string,
) {
  const paths = [...new Set(areaPaths)];
  const rows = [];
  for (let i = 0; i < paths.length; i += PROBE)
    rows.push(...(await rollupStore.counts(ex, formId, paths.slice(i, i + PROBE), first, last)));
  const [own, late] = await Promise.all([
    reportStore.flagsOfUnits(ex, formId, [...ownIds], first, last),
    reportStore.flagsOfUnits(ex, formId, [...retiredIds], first, last),
  ]);
  return {
    areaCounts: rows.map((r) => ({
      areaPath: r.area_path,
      period: r.period,
      submitted: r.submitted,
      onTime: r.on_time,
      zero: r.zero,
    })),
    ownReports: flags(own),
    lateRetired: flags(late),
  };
}

/**
 * A page of the missing (or not yet due) list, the latest period first and units in tree order. Whole
 * periods are skipped by their count; within a period the owing units are probed a few hundred at a
 * time against the reports, so a page costs a few small queries however large the district.
 */
async function missingPage(
  deps: ReportingDeps,
  formId: string,
  units: readonly LifetimeUnit[],
  c: ReturnType<typeof completenessFromRollup>,
  list: 'missing' | 'notDue',
  offset: number,
  limit: number,
) {
  const out: { unitId: string; period: string; deadline: string; overdue: boolean }[] = [];
  if (limit <= 0) return out;
  const ranges = c.ranges;
  let skip = offset;
  for (let pi = c.periods.length - 1; pi >= 0 && out.length < limit; pi--) {
    const missing = list === 'missing' ? c.byPeriod[pi].missing : c.byPeriod[pi].notDue;
    if (missing <= 0) continue;
    if (skip >= missing) {
      skip -= missing;
      continue;
    }
    const period = c.periods[pi];
    let found = 0;
    for (let i = 0; i < units.length && out.length < limit && found < missing; i += PROBE) {
      const batch = units.slice(i, i + PROBE).filter((_, j) => ranges[i + j][0] <= pi && pi < ranges[i + j][1]);
      const reported = await reportStore.unitsWithReport(
        deps.database.db,
        formId,
        period,
        batch.map((u) => u.id),
      );
      for (const u of batch) {
        if (reported.has(u.id)) continue;
        found++;
        if (skip > 0) {
          skip--;
          continue;
        }
        if (out.length < limit)
          out.push({ unitId: u.id, period, deadline: c.deadlines[pi].toISOString(), overdue: pi < c.due });
      }
    }
  }
  return out;
}
