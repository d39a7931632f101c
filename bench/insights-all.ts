import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../src/kernel/auth/actor.js';
import { PERMISSIONS } from '../src/kernel/auth/roles.js';
import { addDays, createCalendar } from '../src/kernel/calendar/index.js';
import { fixedClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest } from '../src/kernel/db/db.js';
import { getDashboard } from '../src/modules/insights/commands/get-dashboard.js';
import { measureQuery } from '../src/modules/insights/commands/measure-values.js';
import type { InsightsDeps } from '../src/modules/insights/deps.js';
import { LocateService } from '../src/modules/org/index.js';
import { createModuleContext, MODULES } from '../src/modules/registry.js';
import { benchEnv } from './ledger-district.js';

/*
 * Every tile of the district's dashboard at once (issue 15, "Measured": 1,000,000 cases, 100,000
 * reporting units and 200,000 tasks in one database). On a folder kept by `npm run bench -- insights`
 * (INSIGHTS_KEEP_DIR) into which `npm run bench -- insights-units` generated its units, reports and
 * tasks (INSIGHTS_UNITS_INTO), getDashboard with every module's measures as the server registers
 * them, for the district's last whole month and its year — what a leader opening the dashboard waits
 * for. The figures themselves are checked equal to raw folds by those two benches, on this very
 * database; this one times them together, median of INSIGHTS_RUNS (default 5) after a warm-up, and
 * each measure alone for the year (where the time goes).
 *   INSIGHTS_ALL_DIR=<the kept folder> npm run bench -- insights-all
 */

const log = (msg: string): void => void process.stderr.write(`[insights-all] ${msg}\n`);
const RUNS = Number(process.env.INSIGHTS_RUNS ?? 5);
const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Median wall time of `runs` after a first run, and the median CPU time of this process over the same
 * runs (SQLite works in-process: on a loaded machine the CPU time shows the work, the wall time the wait).
 */
async function timed<T>(runs: number, fn: () => Promise<T>) {
  let t = performance.now();
  const value = await fn();
  const first = performance.now() - t;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    t = performance.now();
    await fn();
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const median = (xs: number[]) => r1(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? first);
  return { value, first: r1(first), p50: median(times), cpuP50: median(cpu) };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = process.env.INSIGHTS_ALL_DIR;
  if (!dir)
    throw new Error('INSIGHTS_ALL_DIR: a folder kept by the insights bench, with insights-units generated into it');
  const dataDir = path.resolve(dir);
  const cases = JSON.parse(fs.readFileSync(path.join(dataDir, 'generated.json'), 'utf8')) as {
    now: string;
    cases: number;
  };
  const unitsFile = path.join(dataDir, 'generated-units.json');
  const units = fs.existsSync(unitsFile)
    ? (JSON.parse(fs.readFileSync(unitsFile, 'utf8')) as { units: number; reports: number; tasks: number })
    : null;
  if (!units) log('no generated-units.json: the ledger alone (run insights-units with INSIGHTS_UNITS_INTO first)');
  const config = loadConfig(benchEnv(dataDir));
  const clock = fixedClock(cases.now);
  const database = createDb({ databaseUrl: null, sqlitePath: path.join(dataDir, 'civicgrid.db') });
  try {
    await migrateToLatest(database.db);
    const ctx = createModuleContext({ database, clock, config, locator: new LocateService(database, clock) });
    const measures = MODULES.flatMap((m) => m.insightMeasures?.(ctx) ?? []);
    const deps: InsightsDeps = { database, clock, config, org: ctx.org, measures, workItems: [] };
    const root = (await ctx.org.unitByCode(database.db, config.districtCode))!;
    const actor: Actor = {
      accountId: 'bench',
      username: 'bench',
      displayName: '区领导（测试）',
      districtCode: config.districtCode,
      unitId: root.id,
      scopePath: root.path,
      roles: ['district_leader'],
      permissions: new Set(PERMISSIONS),
    };
    const calendar = createCalendar({ timeZone: config.timeZone });
    const today = calendar.localDate(new Date(cases.now));
    const monthTo = addDays(`${today.slice(0, 8)}01`, -1);
    const month = { from: `${monthTo.slice(0, 8)}01`, to: monthTo };
    const year = { from: addDays(today, -364), to: today };
    log(
      `${measures.length} measures of ${new Set(measures.map((m) => m.group)).size} modules; month ${month.from}..${month.to}, year ${year.from}..${year.to}`,
    );

    const out: Record<string, unknown> = {};
    for (const [name, days] of [
      ['month', month],
      ['year', year],
    ] as const) {
      const d = await timed(RUNS, () => getDashboard(deps, actor, { unitId: root.id, ...days }));
      log(
        `dashboard, every tile (${d.value.figures.length}), ${name}: first ${d.first} ms, p50 ${d.p50} ms (CPU ${d.cpuP50} ms)`,
      );
      out[`dashboard_${name}`] = {
        tiles: d.value.figures.length,
        firstMs: d.first,
        p50Ms: d.p50,
        cpuP50Ms: d.cpuP50,
        target: 200,
        met: d.p50 < 200,
      };
    }
    // Each measure alone for the year (its own query object: the ledger's and reporting's tiles, which share one read in a dashboard, each read it here).
    const alone: Record<string, number> = {};
    const area = [{ unitId: root.id, unitPath: root.path, kind: 'district' as const }];
    for (const m of measures) {
      const t = await timed(Math.min(RUNS, 3), async () =>
        m.measure(database.db, await measureQuery(deps, database.db, config.districtCode, area, year, clock.now())),
      );
      alone[m.code] = t.cpuP50;
    }
    const slowest = Object.entries(alone).sort((a, b) => b[1] - a[1]);
    log(
      `each measure alone, year, CPU (slowest first): ${slowest
        .slice(0, 12)
        .map(([c, v]) => `${c} ${v}`)
        .join(', ')} ms`,
    );
    return {
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      loadAverage: os.loadavg().map(r1),
      now: cases.now,
      cases: cases.cases,
      ...(units ? { reportingUnits: units.units, reports: units.reports, tasks: units.tasks } : {}),
      measures: measures.length,
      ...out,
      yearAloneCpuMs: Object.fromEntries(slowest),
    };
  } finally {
    await database.close();
  }
}
