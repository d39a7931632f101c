import type { Actor } from '../src/kernel/auth/actor.js';
import { PERMISSIONS } from '../src/kernel/auth/roles.js';
import { addDays, type WorkCalendar } from '../src/kernel/calendar/index.js';
import type { Clock } from '../src/kernel/clock.js';
import type { Config } from '../src/kernel/config.js';
import type { Database } from '../src/kernel/db/db.js';
import type { OrgApi } from '../src/modules/org/index.js';
import { OPEN_STATUSES } from '../src/modules/cases/domain/index.js';
import { caseInsightMeasures } from '../src/modules/cases/commands/insight-measures.js';
import { summaryOf } from '../src/modules/cases/commands/kpi-rollup.js';
import { caseStore } from '../src/modules/cases/store/case.store.js';
import {
  addToKpiCounts,
  emptyKpiCounts,
  stateFromJson,
  type KpiCounts,
  type KpiOptions,
} from '../src/modules/cases/domain/index.js';
import { getAreaFigures } from '../src/modules/insights/commands/get-area-figures.js';
import { getDashboard } from '../src/modules/insights/commands/get-dashboard.js';
import { ensureDefaultBriefingTemplates } from '../src/modules/insights/briefings/commands/ensure-default-briefing-templates.js';
import { generateBriefing } from '../src/modules/insights/briefings/commands/generate-briefing.js';
import { getBriefing } from '../src/modules/insights/briefings/commands/get-briefing.js';
import { briefingStore } from '../src/modules/insights/briefings/store/briefing.store.js';
import type { InsightsDeps } from '../src/modules/insights/deps.js';

/**
 * The measurements of bench/insights.ts on a generated district: the insights commands over the
 * ledger's real measure sources, timed (median of RUNS after a warm-up), beside one pass over the
 * raw rows (every case's state, page by page as the roll-up's rebuild reads them) folded with the
 * domain's computeKpis rule (addToKpiCounts) for the same figures, which the answers must equal.
 */

const RUNS = Number(process.env.INSIGHTS_RUNS ?? 7);
const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);
type Days = { from: string; to: string };
const ms = (x: number) => Math.round(x * 10) / 10;

let progress: (m: string) => void = () => {};

async function timed<T>(
  name: string,
  fn: () => Promise<T>,
): Promise<{ p50: number; min: number; max: number; value: T }> {
  const t0 = performance.now();
  let value = await fn(); // warm-up: statements prepared, the calendar cached
  progress(`${name}: first call ${ms(performance.now() - t0)} ms`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: ms(times[times.length >> 1]!), min: ms(times[0]!), max: ms(times[times.length - 1]!), value };
}

/** The ledger measures' [numerator, denominator] from the counts, as insight-measures.ts defines them. */
function expected(c: KpiCounts, open: number): Record<string, [number, number | null]> {
  return {
    'cases.open': [open, null],
    'cases.reported': [c.reported, null],
    'cases.accepted': [c.accepted, null],
    'cases.closed': [c.closed, null],
    'cases.closeRate': [c.closed, c.dueToClose],
    'cases.onTimeCloseRate': [c.closedOnTime, c.dueToClose],
    'cases.onTimeHandleRate': [c.handledOnTime, c.dueToHandle],
    'cases.reworkRate': [c.reworked, c.dueToClose],
    'cases.overdueOpen': [c.overdueOpen, null],
  };
}

function differences(
  got: { code: string; numerator: number; denominator: number | null }[],
  want: Record<string, [number, number | null]>,
): string[] {
  return got
    .filter((f) => want[f.code] && (want[f.code]![0] !== f.numerator || want[f.code]![1] !== f.denominator))
    .map((f) => `${f.code} ${f.numerator}/${f.denominator} ≠ ${want[f.code]!.join('/')}`);
}

export async function measureInsights(a: {
  database: Database;
  config: Config;
  clock: Clock;
  org: OrgApi;
  calendar: WorkCalendar;
  log: (m: string) => void;
}): Promise<Record<string, unknown>> {
  const { database, config, clock, org, calendar, log } = a;
  progress = log;
  const db = database.db;
  const dc = config.districtCode;
  const measures = caseInsightMeasures();
  const deps: InsightsDeps = { database, clock, config, org, measures, workItems: [] };
  const district = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('district_code', '=', dc)
    .where('kind', '=', 'district')
    .executeTakeFirstOrThrow();
  const sub = (await org.unitByName(db, dc, '城北街道办事处'))!;
  const grids = (await org.unitsUnder(db, dc, district.path, { kind: 'grid_small' })).filter((g) => !g.retiredAt);
  const actor: Actor = {
    accountId: 'bench',
    username: 'bench',
    displayName: '区领导（测试）',
    districtCode: dc,
    unitId: district.id,
    scopePath: district.path,
    roles: ['district_leader'],
    permissions: new Set(PERMISSIONS),
  };

  // The periods: the last whole month, the year generated (365 days to today), the last whole week.
  const now = clock.now();
  const today = calendar.localDate(now);
  const monthTo = addDays(`${today.slice(0, 8)}01`, -1);
  const month: Days = { from: `${monthTo.slice(0, 8)}01`, to: monthTo };
  const year: Days = { from: addDays(today, -364), to: today };
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const weekFrom = addDays(today, -weekday - 7);
  const week: Days = { from: weekFrom, to: addDays(weekFrom, 6) };
  const opts = (d: Days): KpiOptions => ({
    basis: 'standard',
    period: { from: calendar.startOfDay(d.from), to: new Date(calendar.startOfDay(d.to).getTime() + 86_400_000) },
    asOf: now,
    calendar,
  });
  log(
    `${grids.length} small grids; month ${month.from}..${month.to}, week ${week.from}..${week.to}, asOf ${now.toISOString()}`,
  );

  // The baseline: every case's state read and folded (computeKpis's rule) for each figure set.
  const raw = {
    month: emptyKpiCounts(),
    year: emptyKpiCounts(),
    subWeek: emptyKpiCounts(),
    subMonth: emptyKpiCounts(),
    grids: new Map<string, KpiCounts>(),
    open: 0,
    subOpen: 0,
    gridOpen: new Map<string, number>(),
  };
  const fold = { month: 0, year: 0, grids: 0, sub: 0 };
  const [oMonth, oYear, oWeek] = [opts(month), opts(year), opts(week)];
  let readMs = 0;
  let n = 0;
  let t = performance.now();
  for (let after: string | undefined; ;) {
    const rows = await caseStore.statesPage(db, dc, after, 5000);
    if (!rows.length) break;
    const states = rows.map((r) => stateFromJson(r.state));
    readMs += performance.now() - t;
    for (const st of states) {
      const s = summaryOf(st);
      const open = OPEN.has(st.status);
      let u = performance.now();
      addToKpiCounts(raw.month, s, oMonth);
      fold.month += performance.now() - u;
      u = performance.now();
      addToKpiCounts(raw.year, s, oYear);
      fold.year += performance.now() - u;
      if (open) raw.open++;
      if (st.gridPath) {
        u = performance.now();
        let g = raw.grids.get(st.gridPath);
        if (!g) raw.grids.set(st.gridPath, (g = emptyKpiCounts()));
        addToKpiCounts(g, s, oMonth);
        if (open) raw.gridOpen.set(st.gridPath, (raw.gridOpen.get(st.gridPath) ?? 0) + 1);
        fold.grids += performance.now() - u;
        if (st.gridPath.startsWith(sub.path)) {
          u = performance.now();
          addToKpiCounts(raw.subWeek, s, oWeek);
          addToKpiCounts(raw.subMonth, s, oMonth);
          if (open) raw.subOpen++;
          fold.sub += performance.now() - u;
        }
      }
      n++;
    }
    after = rows[rows.length - 1]!.id;
    t = performance.now();
  }
  log(
    `raw rows: ${n.toLocaleString('en')} cases read in ${Math.round(readMs)} ms; folds ${JSON.stringify(fold, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))} ms`,
  );
  const baseline = (foldMs: number) => ms(readMs + foldMs);

  const dash = (unitId: string, d: Days) => getDashboard(deps, actor, { unitId, ...d });
  const dMonth = await timed('dashboard, month', () => dash(district.id, month));
  const dYear = await timed('dashboard, year', () => dash(district.id, year));
  const mismatch = [
    ...differences(dMonth.value.figures, expected(raw.month, raw.open)).map((x) => `month ${x}`),
    ...differences(dYear.value.figures, expected(raw.year, raw.open)).map((x) => `year ${x}`),
  ];

  const areas = (measure: string) =>
    getAreaFigures(deps, actor, { measure, unitId: district.id, level: 'grids', ...month, compare: 'false' });
  const rate = await timed('grids, 按期结案率', () => areas('cases.onTimeCloseRate'));
  const open = await timed('grids, 在办', () => areas('cases.open'));
  const ranked = await timed('grids, 按期结案率 with the previous period', () =>
    getAreaFigures(deps, actor, {
      measure: 'cases.onTimeCloseRate',
      unitId: district.id,
      level: 'grids',
      ...month,
      compare: 'true',
    }),
  );
  const byPath = new Map(grids.map((g) => [g.id, g.path]));
  for (const f of rate.value.areas) {
    const c = raw.grids.get(byPath.get(f.unit.id)!) ?? emptyKpiCounts();
    if (f.numerator !== c.closedOnTime || f.denominator !== c.dueToClose)
      mismatch.push(
        `grid ${f.unit.name} 按期结案率 ${f.numerator}/${f.denominator} ≠ ${c.closedOnTime}/${c.dueToClose}`,
      );
  }
  for (const f of open.value.areas) {
    const want = raw.gridOpen.get(byPath.get(f.unit.id)!) ?? 0;
    if (f.numerator !== want) mismatch.push(`grid ${f.unit.name} 在办 ${f.numerator} ≠ ${want}`);
  }

  // A briefing as an office generates it: the ledger's default template, 城北, the last whole week.
  await ensureDefaultBriefingTemplates(deps, dc);
  const template = (await briefingStore.templates(db, dc)).find((x) => x.default_key === 'default.ledger')!;
  const generate = () => generateBriefing(deps, actor, { templateId: template.id, unitId: sub.id, ...week });
  const briefing = await timed('briefing, 城北 last week', generate);
  const written = await getBriefing(deps, actor, briefing.value);
  const want = expected(raw.subWeek, raw.subOpen);
  for (const f of written.figures)
    if (want[f.code] && (want[f.code]![0] !== f.numerator || want[f.code]![1] !== f.denominator))
      mismatch.push(`城北 briefing ${f.code} ${f.numerator}/${f.denominator} ≠ ${want[f.code]!.join('/')}`);
  log(`briefing: ${written.figures.length} figures; ${written.text.slice(0, 80)}…`);
  if (mismatch.length) log(`MISMATCH (${mismatch.length}): ${mismatch.slice(0, 10).join('; ')}`);
  else log('every figure equals the raw fold');

  const strip = (x: { p50: number; min: number; max: number }) => ({ p50: x.p50, min: x.min, max: x.max });
  const fig = (x: { p50: number; min: number; max: number; value: unknown }, base: number, target: number) => ({
    ...strip(x),
    target,
    met: x.p50 < target,
    rawFoldMs: base,
    ratio: ms(base / x.p50),
  });
  const out = {
    grids: grids.length,
    periods: { month, year, week },
    rawRead: { cases: n, ms: ms(readMs) },
    dashboardMonth: fig(dMonth, baseline(fold.month), 200),
    dashboardYear: fig(dYear, baseline(fold.year), 200),
    choroplethOnTimeCloseRate: fig(rate, baseline(fold.grids), 100),
    choroplethOpen: fig(open, baseline(fold.grids), 100),
    rankingGridsWithPrevious: { ...strip(ranked), target: 100 },
    briefing: { ...fig(briefing, baseline(fold.sub), 500), what: '城北, last week, the ledger template, written' },
    equalToRawFold: mismatch.length === 0,
    mismatches: mismatch.length,
  };
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'object' && v && 'p50' in v) log(`${k}: ${JSON.stringify(v)}`);
  return out;
}
