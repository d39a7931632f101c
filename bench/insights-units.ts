import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Actor } from '../src/kernel/auth/actor.js';
import { PERMISSIONS } from '../src/kernel/auth/roles.js';
import { addDays, createCalendar } from '../src/kernel/calendar/index.js';
import { fixedClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest, type Executor } from '../src/kernel/db/db.js';
import { areasByPath, forAreasOf } from '../src/modules/insights/index.js';
import { getAreaFigures } from '../src/modules/insights/commands/get-area-figures.js';
import { getDashboard } from '../src/modules/insights/commands/get-dashboard.js';
import type { InsightsDeps } from '../src/modules/insights/deps.js';
import { measureQuery } from '../src/modules/insights/commands/measure-values.js';
import type { MeasureValue } from '../src/modules/insights/sources.js';
import { bootstrapDistrict } from '../src/modules/org/bootstrap.js';
import { seedDemoDistrict } from '../src/modules/org/demo/seed-demo.js';
import { createOrgApi, LocateService, rebuildUnitSpans } from '../src/modules/org/index.js';
import { completenessOver } from '../src/modules/reporting/commands/completeness.js';
import { createForm } from '../src/modules/reporting/commands/create-form.js';
import { reportingInsightMeasures } from '../src/modules/reporting/commands/insight-measures.js';
import { periodsBeginningIn } from '../src/modules/reporting/commands/rate-figures.js';
import type { ReportingDeps } from '../src/modules/reporting/deps.js';
import {
  computeCompleteness,
  deadlineOf,
  formatPeriodOfDay,
  periodEnd,
  periodOf,
  periodStart,
  timelyLimitOf,
  type ReportFormDefinition,
} from '../src/modules/reporting/domain/index.js';
import { reportStore } from '../src/modules/reporting/store/report.store.js';
import { rollupStore } from '../src/modules/reporting/store/rollup.store.js';
import { supervisionInsightMeasures } from '../src/modules/supervision/commands/insight-measures.js';
import { supervisionRateFigures } from '../src/modules/supervision/commands/rate-figures.js';
import { refreshStaleStatuses } from '../src/modules/supervision/commands/refresh-stale-statuses.js';
import type { SupervisionDeps } from '../src/modules/supervision/deps.js';
import { FORM, generateReports, makeUnits } from './reporting-generate.js';
import { generateTasks } from './supervision-generate.js';

/*
 * Insights at scale, reporting and supervision (issue 15, "Measured"): the demo district with
 * INSIGHTS_UNITS reporting units (default 100,000 large grids under 10 more sub-districts, the
 * reporting bench's generator) reporting a daily form over INSIGHTS_UNIT_DAYS days (default 60), and
 * INSIGHTS_TASKS supervision tasks (default 200,000, the supervision bench's generator, led by the
 * demo district's units) with their assessment facts computed by the product's own refresh; then,
 * in-process on SQLite, beside the same figures from the raw rows in the same run (checked equal):
 *   1. getDashboard of the district (reporting's and supervision's measures), last whole month and year;
 *   2. getAreaFigures: the district's sub-districts and one generated sub-district's 100 communities,
 *      for 上报率 and 节点按期完成率;
 *   3. "before": the same figures by the measures' previous per-area code (completenessOver per area
 *      and form; the rate figure per area), timed once in the same run.
 * INSIGHTS_RUNS (default 5) timed runs after a warm-up, the median reported. INSIGHTS_TASK_REPORTS
 * (default 2 a task) progress reports. INSIGHTS_UNITS_KEEP=1 keeps the data folder.
 * INSIGHTS_UNITS_INTO=<a folder kept by the insights bench (INSIGHTS_KEEP_DIR)> generates into that
 * database of cases instead, at its instant: one district with cases, reporting units and tasks at
 * scale, which `npm run bench -- insights` then measures again with the ledger's figures.
 * Quick: INSIGHTS_UNITS=2000 INSIGHTS_TASKS=5000 npm run bench -- insights-units
 */

const log = (msg: string): void => void process.stderr.write(`[insights-units] ${msg}\n`);
const RUNS = Number(process.env.INSIGHTS_RUNS ?? 5);
const r1 = (x: number) => Math.round(x * 10) / 10;
type Days = { from: string; to: string };
type Totals = { expected: number; submitted: number; onTime: number; missing: number };
type Area = { unitId: string; unitPath: string };
interface Generated {
  /** The instant generated up to: the measurements' clock. */
  now: string;
  formId: string;
  units: number;
  days: number;
  reports: number;
  rollupRows: number;
  tasks: number;
  milestones: number;
  databaseMb: number;
  generationMs: { reporting: number; tasks: number };
}

async function timed<T>(name: string, fn: () => Promise<T>, runs = RUNS) {
  const t0 = performance.now();
  let value = await fn();
  const first = r1(performance.now() - t0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p50 = runs ? r1(times[times.length >> 1]!) : first;
  log(`${name}: first ${first} ms, p50 ${p50} ms`);
  return { first, p50, value };
}

export async function run(): Promise<Record<string, unknown>> {
  const unitCount = Number(process.env.INSIGHTS_UNITS ?? 100_000);
  const dayCount = Number(process.env.INSIGHTS_UNIT_DAYS ?? 60);
  const taskCount = Number(process.env.INSIGHTS_TASKS ?? 200_000);
  const taskReports = Number(process.env.INSIGHTS_TASK_REPORTS ?? taskCount * 2);
  if (!Number.isInteger(unitCount) || unitCount < 100) throw new Error('INSIGHTS_UNITS must be a whole number ≥ 100');
  if (!Number.isInteger(dayCount) || dayCount < 40) throw new Error('INSIGHTS_UNIT_DAYS must be a whole number ≥ 40');
  const started = performance.now();
  // INSIGHTS_UNITS_INTO=<a folder kept by `npm run bench -- insights` (INSIGHTS_KEEP_DIR)>: the units,
  // reports and tasks are generated into that database of cases, at its instant, and kept there — one
  // district with all three at scale, which both benches then measure.
  const into = process.env.INSIGHTS_UNITS_INTO;
  const keepDir = into ?? process.env.INSIGHTS_UNITS_KEEP_DIR;
  const dataDir = keepDir ? path.resolve(keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-insights-units-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'civicgrid.db');
  const marker = path.join(dataDir, into ? 'generated-units.json' : 'generated.json');
  const kept = keepDir && fs.existsSync(marker) ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as Generated) : null;
  const casesMarker = path.join(dataDir, 'generated.json');
  if (into && !fs.existsSync(casesMarker)) throw new Error(`INSIGHTS_UNITS_INTO: ${dataDir} holds no kept cases bench`);
  const casesNow = into ? (JSON.parse(fs.readFileSync(casesMarker, 'utf8')) as { now: string }).now : null;
  const now = kept ? new Date(kept.now) : casesNow ? new Date(casesNow) : new Date();
  const clock = fixedClock(now.toISOString());
  const config = loadConfig({
    CIVICGRID_DATA_DIR: dataDir,
    CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
    CIVICGRID_DEMO_PASSWORD: 'Demo12345',
    LOG_LEVEL: 'error',
  });
  const tz = config.timeZone;
  const calendar = createCalendar({ timeZone: tz });
  const dc = config.districtCode;
  try {
    async function generateDistrict(): Promise<Generated> {
      // ---- the demo district, its bench form, the units that lead tasks ----
      let t = performance.now();
      let database = createDb({ databaseUrl: null, sqlitePath: file });
      await migrateToLatest(database.db);
      let org = createOrgApi({ database, locator: new LocateService(database, clock) });
      // Into a kept database of cases: its demo district is already there.
      if (!into) {
        const boot = await bootstrapDistrict(database, config, clock);
        await seedDemoDistrict(database, config, clock, boot.districtId);
      }
      const admin = await org.actorFor(database.db, 'admin');
      const root = (await org.unitByCode(database.db, dc))!;
      const formId = await createForm({ database, clock, config, org }, admin, FORM as never);
      const def = FORM as unknown as ReportFormDefinition;
      const leadUnits = await database.db
        .selectFrom('units')
        .select(['id', 'path'])
        .where('district_code', '=', dc)
        .where('status', '=', 'active')
        .where('kind', '!=', 'grid_small')
        .execute();
      const leader = await database.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'leader')
        .executeTakeFirstOrThrow();
      await database.close();
      log(`demo district ready in ${Math.round(performance.now() - t)} ms; data in ${dataDir}`);

      // ---- reporting units and their reports ----
      const today = periodOf(now, 'daily', tz);
      const todayDay = Date.parse(`${today}T00:00:00Z`) / 86_400_000;
      const periods = Array.from({ length: dayCount }, (_, i) => formatPeriodOfDay(todayDay - dayCount + i, 'daily'));
      const deadlines = periods.map((p) => deadlineOf(p, def.deadline, tz).getTime());
      const limits = periods.map((p) => timelyLimitOf(p, def.deadline, tz).getTime());
      const starts = periods.map((p) => periodStart(p, tz).getTime());
      const ends = periods.map((p) => periodEnd(p, tz).getTime());
      const opened = deadlines[0]! - 10 * 86_400_000;
      t = performance.now();
      const sqlite = new SQLite(file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = OFF');
      sqlite.pragma('foreign_keys = OFF');
      sqlite.pragma('cache_size = -500000');
      const units = makeUnits(sqlite, root, unitCount, opened, deadlines);
      const gen = generateReports(sqlite, {
        units,
        periods,
        deadlines,
        limits,
        starts,
        ends,
        districtCode: dc,
        formId,
        accountId: admin.accountId,
        def,
        countFrom: 0,
        idFrom: opened,
        log,
      });
      sqlite.close();
      database = createDb({ databaseUrl: null, sqlitePath: file });
      await database.db.transaction().execute((trx) => rollupStore.insertFolded(trx, dc, formId, gen.fold.values()));
      // The units were written straight into the table: org's span counts are recounted from them.
      await rebuildUnitSpans(database.db, dc);
      const reportingMs = Math.round(performance.now() - t);
      log(
        `${units.length.toLocaleString('en')} reporting units, ${gen.rows.toLocaleString('en')} reports over ${dayCount} days, ${gen.fold.size.toLocaleString('en')} roll-up rows in ${Math.round(reportingMs / 1000)} s`,
      );
      await database.close();

      // ---- supervision tasks, their statuses and assessment facts by the product's refresh ----
      t = performance.now();
      const tasks = generateTasks(file, {
        districtCode: dc,
        units: leadUnits,
        leaders: [leader.id],
        createdBy: leader.id,
        tasks: taskCount,
        reports: taskReports,
        now: now.toISOString(),
        today,
        firstDay: addDays(today, -333),
        log,
      });
      database = createDb({ databaseUrl: null, sqlitePath: file });
      org = createOrgApi({ database, locator: new LocateService(database, clock) });
      const sdeps: SupervisionDeps = { database, clock, config, org };
      const refreshed = await refreshStaleStatuses(sdeps, now, 2_000);
      const tasksMs = Math.round(performance.now() - t);
      log(`${refreshed.toLocaleString('en')} tasks refreshed; tasks ready in ${Math.round(tasksMs / 1000)} s`);
      await sql`ANALYZE`.execute(database.db);
      await database.close();

      return {
        now: now.toISOString(),
        formId,
        units: units.length,
        days: dayCount,
        reports: gen.rows,
        rollupRows: gen.fold.size,
        tasks: tasks.tasks,
        milestones: tasks.milestones,
        databaseMb: Math.round(fs.statSync(file).size / 2 ** 20),
        generationMs: { reporting: reportingMs, tasks: tasksMs },
      };
    }

    let generated: Generated;
    if (kept) {
      generated = kept;
      log(`reusing ${dataDir}: ${JSON.stringify(kept)}`);
    } else {
      generated = await generateDistrict();
      if (keepDir) fs.writeFileSync(marker, JSON.stringify(generated));
    }
    const today = periodOf(now, 'daily', tz);
    const def = FORM as unknown as ReportFormDefinition;
    const formId = generated.formId;
    let database = createDb({ databaseUrl: null, sqlitePath: file });
    if (kept) {
      // A kept database generated before later migrations is brought up to date as a server start would,
      // and the tables whose indexes they add analysed again (the generation ends with ANALYZE).
      const applied = await migrateToLatest(database.db);
      if (applied.length) {
        await sql`ANALYZE units`.execute(database.db);
        await sql`ANALYZE tasks`.execute(database.db);
        await sql`ANALYZE unit_span_counts`.execute(database.db);
        log(`migrated (${applied.join(', ')}); units, tasks and span counts analysed`);
      }
    }
    let org = createOrgApi({ database, locator: new LocateService(database, clock) });
    const root = (await org.unitByCode(database.db, dc))!;
    await database.close();

    // ---- measure on a fresh connection ----
    database = createDb({ databaseUrl: null, sqlitePath: file });
    try {
      org = createOrgApi({ database, locator: new LocateService(database, clock) });
      const rdeps: ReportingDeps = { database, clock, config, org };
      const svdeps: SupervisionDeps = { database, clock, config, org };
      const measures = [...reportingInsightMeasures(rdeps), ...supervisionInsightMeasures(svdeps)];
      const deps: InsightsDeps = { database, clock, config, org, measures, workItems: [] };
      const db = database.db;
      const actor: Actor = {
        accountId: 'bench',
        username: 'bench',
        displayName: '区领导（测试）',
        districtCode: dc,
        unitId: root.id,
        scopePath: root.path,
        roles: ['district_leader'],
        permissions: new Set(PERMISSIONS),
      };
      const monthTo = addDays(`${today.slice(0, 8)}01`, -1);
      const month: Days = { from: `${monthTo.slice(0, 8)}01`, to: monthTo };
      const year: Days = { from: addDays(today, -364), to: today };
      const subs = (await org.children(db, root.id)).filter((c) => c.kind === 'subdistrict' || c.kind === 'township');
      const benchSub = subs.find((s) => s.name === '第1街道')!;
      const communities = (await org.children(db, benchSub.id)).map((c) => ({ unitId: c.id, unitPath: c.path }));
      const subAreas = subs.map((c) => ({ unitId: c.id, unitPath: c.path }));
      const district: Area[] = [{ unitId: root.id, unitPath: root.path }];
      log(
        `month ${month.from}..${month.to}, year ${year.from}..${year.to}; ${subs.length} sub-districts, ${communities.length} communities under ${benchSub.name}`,
      );
      const instants = (d: Days) => ({
        from: calendar.startOfDay(d.from),
        to: new Date(calendar.startOfDay(d.to).getTime() + 86_400_000),
      });
      const CODES = [
        'reporting.completeness',
        'reporting.timeliness',
        'reporting.missing',
        'supervision.taskOnTime',
        'supervision.openTasks',
        'supervision.overdueTasks',
      ];

      // The raw rows, folded: every reporting unit and every report of each period through the
      // domain's computeCompleteness (one period at a time), every milestone and open task by SQL.
      const raw = new SQLite(file, { readonly: true });
      const rawUnits = raw
        .prepare(
          `SELECT id, path, created_at, retired_at FROM units WHERE district_code = ? AND kind = 'grid_large' ORDER BY path`,
        )
        .all(dc) as { id: string; path: string; created_at: string; retired_at: string | null }[];
      const reportsOf = raw.prepare(
        `SELECT unit_id, submitted_at, zero FROM report_submissions WHERE form_id = ? AND period = ?`,
      );
      const foldReporting = (areas: readonly Area[], d: Days): Map<string, Totals> => {
        const sums = areas.map(() => ({ expected: 0, submitted: 0, onTime: 0, missing: 0 }));
        const index = areasByPath(areas.map((a) => a.unitPath));
        const ps = periodsBeginningIn(instants(d), 'daily', tz);
        if (ps) {
          const input = rawUnits.map((u) => ({
            unitId: u.id,
            activeFrom: new Date(u.created_at),
            retiredAt: u.retired_at === null ? null : new Date(u.retired_at),
          }));
          for (let day = ps.from; day <= ps.to; day = addDays(day, 1)) {
            const subs = (reportsOf.all(formId, day) as { unit_id: string; submitted_at: string; zero: number }[]).map(
              (s) => ({ unitId: s.unit_id, period: day, submittedAt: new Date(s.submitted_at), zero: s.zero === 1 }),
            );
            const c = computeCompleteness({
              periodType: 'daily',
              deadline: def.deadline,
              from: day,
              to: day,
              timeZone: tz,
              now,
              units: input,
              submissions: subs,
            });
            c.units.forEach((u, i) => {
              if (u.expected === 0 && u.notDue === 0) return;
              forAreasOf(rawUnits[i]!.path, index, (a) => {
                sums[a]!.expected += u.expected;
                sums[a]!.submitted += u.submitted;
                sums[a]!.onTime += u.onTime;
                sums[a]!.missing += u.missing;
              });
            });
          }
        }
        return new Map(areas.map((a, i) => [a.unitId, sums[i]!]));
      };
      const milestonesOf = raw.prepare(
        `SELECT t.lead_unit_path AS path, count(*) AS due,
           sum(CASE WHEN m.done_on IS NOT NULL AND m.done_on <= m.due_on AND m.done_on <= ? THEN 1 ELSE 0 END) AS on_time
         FROM task_milestones m JOIN tasks t ON t.id = m.task_id
         WHERE t.district_code = ? AND m.due_on >= ? AND m.due_on <= ? GROUP BY t.lead_unit_path`,
      );
      const openOf = raw.prepare(
        `SELECT tu.unit_path AS path, t.status, count(DISTINCT t.id) AS n FROM tasks t JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead'
         WHERE t.district_code = ? AND t.status != 'done' GROUP BY tu.unit_path, t.status`,
      );
      const foldSupervision = (areas: readonly Area[], d: Days) => {
        const index = areasByPath(areas.map((a) => a.unitPath));
        const out = areas.map(() => ({ due: 0, onTime: 0, open: 0, overdue: 0 }));
        const end = d.to < today ? d.to : today;
        if (d.from <= end)
          for (const r of milestonesOf.all(today, dc, d.from, end) as { path: string; due: number; on_time: number }[])
            forAreasOf(r.path, index, (a) => {
              out[a]!.due += r.due;
              out[a]!.onTime += r.on_time;
            });
        for (const r of openOf.all(dc) as { path: string; status: string; n: number }[])
          forAreasOf(r.path, index, (a) => {
            out[a]!.open += r.n;
            if (r.status === 'overdue') out[a]!.overdue += r.n;
          });
        return new Map(areas.map((a, i) => [a.unitId, out[i]!]));
      };
      const baseline = (areas: readonly Area[], d: Days) => {
        const t0 = performance.now();
        const rep = foldReporting(areas, d);
        const sv = foldSupervision(areas, d);
        const ms = r1(performance.now() - t0);
        const want = new Map(
          areas.map((a) => {
            const r = rep.get(a.unitId)!;
            const s = sv.get(a.unitId)!;
            return [
              a.unitId,
              {
                'reporting.completeness': [r.submitted, r.expected],
                'reporting.timeliness': [r.onTime, r.expected],
                'reporting.missing': [r.missing, null],
                'supervision.taskOnTime': [s.onTime, s.due],
                'supervision.openTasks': [s.open, null],
                'supervision.overdueTasks': [s.overdue, null],
              } as Record<string, [number, number | null]>,
            ];
          }),
        );
        return { ms, want };
      };
      const mismatches: string[] = [];
      const check = (
        what: string,
        unitId: string,
        code: string,
        got: { numerator: number; denominator?: number | null },
        want: Map<string, Record<string, [number, number | null]>>,
      ) => {
        const w = want.get(unitId)![code]!;
        if (got.numerator !== w[0] || (got.denominator ?? null) !== w[1])
          mismatches.push(
            `${what} ${unitId} ${code}: ${got.numerator}/${got.denominator ?? '-'} ≠ ${w[0]}/${w[1] ?? '-'}`,
          );
      };

      // "Before": the measures' previous code, per area (completenessOver per form and area; the
      // supervision rate figure, which reads every unit under the area, per area).
      const onTimeRate = supervisionRateFigures(svdeps)[0]!;
      const before = async (
        ex: Executor,
        areas: readonly Area[],
        d: Days,
        which: 'reporting' | 'supervision' | 'both',
      ) => {
        const q = instants(d);
        const out = new Map<string, Record<string, MeasureValue>>();
        for (const a of areas) {
          const v: Record<string, MeasureValue> = {};
          if (which !== 'supervision') {
            const sum = { expected: 0, submitted: 0, onTime: 0, missing: 0 };
            for (const form of await reportStore.forms(ex, dc)) {
              const ps = periodsBeginningIn(q, form.definition.periodType, tz);
              if (!ps) continue;
              const { c } = await completenessOver(rdeps, ex, form, a.unitPath, ps.from, ps.to, now);
              sum.expected += c.totals.expected;
              sum.submitted += c.totals.submitted;
              sum.onTime += c.totals.onTime;
              sum.missing += c.totals.missing;
            }
            v['reporting.completeness'] = { numerator: sum.submitted, denominator: sum.expected };
            v['reporting.timeliness'] = { numerator: sum.onTime, denominator: sum.expected };
            v['reporting.missing'] = { numerator: sum.missing };
          }
          if (which !== 'reporting')
            v['supervision.taskOnTime'] = await onTimeRate.rate(ex, { districtCode: dc, ...a, ...q });
          if (which === 'both')
            // 在办 and 逾期任务数 as they were read: every open led task's row, once per measure, a set per area.
            for (const [code, only] of [
              ['supervision.openTasks', undefined],
              ['supervision.overdueTasks', 'overdue'],
            ] as const) {
              const rows = (
                await ex
                  .selectFrom('tasks')
                  .innerJoin('task_units as tu', 'tu.task_id', 'tasks.id')
                  .select(['tasks.id', 'tasks.status', 'tu.unit_path'])
                  .where('tasks.district_code', '=', dc)
                  .where('tasks.status', '!=', 'done')
                  .where('tu.role', '=', 'lead')
                  .where('tu.unit_path', 'like', `${a.unitPath}%`)
                  .execute()
              ).filter((r) => !only || r.status === only);
              v[code] = {
                numerator: new Set(rows.filter((r) => r.unit_path.startsWith(a.unitPath)).map((r) => r.id)).size,
              };
            }
          out.set(a.unitId, v);
        }
        return out;
      };

      const results: Record<string, unknown> = {};
      // Each measure alone, the district for the month: where the dashboard's time goes.
      for (const m of measures) {
        const one = await timed(`measure ${m.code}, district, month`, async () =>
          m.measure(db, await measureQuery(deps, db, dc, [{ ...district[0]!, kind: 'district' }], month, now)),
        );
        results[`measure_${m.code}`] = { p50Ms: one.p50 };
      }
      // 1. The district dashboard.
      for (const [name, d] of [
        ['month', month],
        ['year', year],
      ] as const) {
        const base = baseline(district, d);
        const old = await timed(
          `before: dashboard's reporting + supervision figures, ${name}`,
          () => before(db, district, d, 'both'),
          0,
        );
        const dash = await timed(`dashboard, ${name}`, () => getDashboard(deps, actor, { unitId: root.id, ...d }));
        for (const code of CODES) {
          const f = dash.value.figures.find((x) => x.code === code);
          if (!f) mismatches.push(`dashboard ${name}: ${code} missing`);
          else check(`dashboard ${name}`, root.id, code, f, base.want);
          const o = old.value.get(root.id)![code];
          if (o) check(`before ${name}`, root.id, code, o, base.want);
        }
        log(`raw fold, district, ${name}: ${base.ms} ms`);
        results[`dashboard_${name}`] = {
          beforeMs: old.first,
          firstMs: dash.first,
          p50Ms: dash.p50,
          rawFoldMs: base.ms,
        };
      }

      // 2. The map: the district's sub-districts and a generated sub-district's communities.
      for (const [name, unitId, areas] of [
        ['subdistricts', root.id, subAreas],
        ['communities', benchSub.id, communities],
      ] as const) {
        const base = baseline(areas, month);
        for (const code of ['reporting.completeness', 'supervision.taskOnTime'] as const) {
          const which = code.startsWith('reporting') ? 'reporting' : 'supervision';
          const old = await timed(
            `before: map of ${areas.length} ${name}, ${code}`,
            () => before(db, areas, month, which),
            0,
          );
          const map = await timed(`map of ${areas.length} ${name}, ${code}`, () =>
            getAreaFigures(deps, actor, { measure: code, unitId, level: 'children', ...month, compare: 'false' }),
          );
          if (map.value.areas.length !== areas.length)
            mismatches.push(`map ${name} ${code}: ${map.value.areas.length} areas`);
          for (const a of map.value.areas) {
            check(`map ${name}`, a.unit.id, code, a, base.want);
            check(`before map ${name}`, a.unit.id, code, old.value.get(a.unit.id)![code]!, base.want);
          }
          results[`map_${name}_${code}`] = {
            areas: areas.length,
            beforeMs: old.first,
            firstMs: map.first,
            p50Ms: map.p50,
            rawFoldMs: base.ms,
          };
        }
        log(`raw fold, ${areas.length} ${name}, month: ${base.ms} ms`);
      }
      raw.close();
      for (const m of mismatches.slice(0, 20)) log(`MISMATCH ${m}`);
      log(
        mismatches.length
          ? `${mismatches.length} figures differ from the raw fold`
          : 'every figure equals the raw fold',
      );
      return {
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
        loadAverage: os.loadavg().map((x) => r1(x)),
        ...generated,
        ...results,
        equalToRawFold: mismatches.length === 0,
        totalMs: Math.round(performance.now() - started),
      };
    } finally {
      await database.close();
    }
  } finally {
    if (process.env.INSIGHTS_UNITS_KEEP === '1' || keepDir) log(`kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
