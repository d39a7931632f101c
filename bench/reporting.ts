import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { fixedClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest, type Database } from '../src/kernel/db/db.js';
import { bootstrapDistrict } from '../src/modules/org/bootstrap.js';
import { createOrgApi, LocateService, rebuildUnitSpans } from '../src/modules/org/index.js';
import { createForm } from '../src/modules/reporting/commands/create-form.js';
import { completeness } from '../src/modules/reporting/commands/completeness.js';
import { rollupReport } from '../src/modules/reporting/commands/rollup-report.js';
import {
  deadlineOf,
  formatPeriodOfDay,
  periodEnd,
  periodOf,
  periodStart,
  timelyLimitOf,
  type ReportFormDefinition,
} from '../src/modules/reporting/domain/index.js';
import { rollupStore } from '../src/modules/reporting/store/rollup.store.js';
import type { ReportingDeps } from '../src/modules/reporting/deps.js';
import { FIELDS, FORM, generateReports, makeUnits } from './reporting-generate.js';

/*
 * Reporting: REPORTING_UNITS reporting units (default 100,000 large grids: 10 sub-districts × 100
 * communities × 100) × REPORTING_DAYS daily periods (default 365) of one form with 5 numeric
 * fields, written straight into the server's SQLite file with a prepared insert in big transactions
 * (~97% reported, 5% of those late, 20% zero reports; some units opened or retired during the year).
 * The roll-up tables are derived by the domain's RollupFold, as the rebuild does. Then, through the
 * same command functions the HTTP routes call:
 *   (a) completeness and timeliness of the whole district over the last 30 days (with the first page
 *       of who is missing), beside a plain GROUP BY period over the same rows;
 *   (b) the roll-up of the 5 fields over the year per sub-district, beside a plain GROUP BY
 *       sub-district with json_extract over the same rows.
 * Target: each under 1 s on SQLite. Answers are checked against the baselines.
 * REPORTING_KEEP=1 keeps the data folder.
 */

const log = (msg: string): void => void process.stderr.write(`[reporting] ${msg}\n`);
function ms(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number[]; median: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(ms(t0));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { ms: times, median: sorted[Math.floor(sorted.length / 2)], result };
}

export async function run(): Promise<Record<string, unknown>> {
  const unitCount = Number(process.env.REPORTING_UNITS ?? 100_000);
  const dayCount = Number(process.env.REPORTING_DAYS ?? 365);
  if (!Number.isInteger(unitCount) || unitCount < 100) throw new Error('REPORTING_UNITS must be a whole number ≥ 100');
  if (!Number.isInteger(dayCount) || dayCount < 30) throw new Error('REPORTING_DAYS must be a whole number ≥ 30');
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-reporting-'));
  const file = path.join(dataDir, 'civicgrid.db');
  const now = new Date();
  const clock = fixedClock(now.toISOString());
  const config = loadConfig({
    CIVICGRID_DATA_DIR: dataDir,
    CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
    LOG_LEVEL: 'error',
  });
  const tz = config.timeZone;
  try {
    // The district and its form, as the server makes them.
    let database: Database = createDb({ databaseUrl: null, sqlitePath: file });
    await migrateToLatest(database.db);
    const boot = await bootstrapDistrict(database, config, clock);
    const org = createOrgApi({ database, locator: new LocateService(database, clock) });
    const deps: ReportingDeps = { database, clock, config, org };
    const admin = await org.actorFor(database.db, 'admin');
    const root = (await org.unit(database.db, boot.districtId))!;
    const formId = await createForm(deps, admin, FORM as never);
    const def = FORM as unknown as ReportFormDefinition;
    await database.close();

    // Periods: the dayCount days before today (every deadline has passed).
    const today = periodOf(now, 'daily', tz);
    const todayDay = Date.parse(`${today}T00:00:00Z`) / 86_400_000;
    const periods = Array.from({ length: dayCount }, (_, i) => formatPeriodOfDay(todayDay - dayCount + i, 'daily'));
    const deadlines = periods.map((p) => deadlineOf(p, def.deadline, tz).getTime());
    const limits = periods.map((p) => timelyLimitOf(p, def.deadline, tz).getTime());
    const starts = periods.map((p) => periodStart(p, tz).getTime());
    const ends = periods.map((p) => periodEnd(p, tz).getTime());
    const yearAgo = deadlines[0] - 10 * 86_400_000;

    const t0 = performance.now();
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -1000000');
    sqlite.pragma('temp_store = MEMORY');
    const units = makeUnits(sqlite, root, unitCount, yearAgo, deadlines);
    log(`${units.length.toLocaleString('en')} reporting units under ${root.name} in ${ms(t0)} ms; data in ${dataDir}`);

    const {
      rows,
      fold,
      counted: expect30,
    } = generateReports(sqlite, {
      units,
      periods,
      deadlines,
      limits,
      starts,
      ends,
      districtCode: root.districtCode,
      formId,
      accountId: admin.accountId,
      def,
      countFrom: dayCount - 30,
      idFrom: yearAgo,
      log,
    });
    const first30 = dayCount - 30;

    database = createDb({ databaseUrl: null, sqlitePath: file });
    const tFold = performance.now();
    await database.db
      .transaction()
      .execute((trx) => rollupStore.insertFolded(trx, root.districtCode, formId, fold.values()));
    // The units were written straight into the table: org's span counts are recounted from them.
    await rebuildUnitSpans(database.db, root.districtCode);
    log(`roll-up: ${fold.size.toLocaleString('en')} area × period rows written in ${Math.round(ms(tFold) / 1000)} s`);
    const loadMs = ms(t0);
    const dbMb = Math.round(fs.statSync(file).size / 2 ** 20);
    log(
      `generated ${rows.toLocaleString('en')} reports in ${Math.round(loadMs / 1000)} s; database ${dbMb.toLocaleString('en')} MiB`,
    );
    await database.close();

    // Measure on a fresh connection, as a server would have one.
    database = createDb({ databaseUrl: null, sqlitePath: file });
    const raw = new SQLite(file, { readonly: true });
    const mdeps: ReportingDeps = {
      database,
      clock,
      config,
      org: createOrgApi({ database, locator: new LocateService(database, clock) }),
    };
    const from30 = periods[first30];
    const to = periods[dayCount - 1];

    const a = await timed(3, () => completeness(mdeps, admin, formId, { unitId: root.id, from: from30, to }));
    const aBase = await timed(
      3,
      async () =>
        raw
          .prepare(
            `SELECT period, count(*) AS submitted, sum(on_time) AS on_time FROM report_submissions
      WHERE form_id = ? AND period >= ? AND period <= ? GROUP BY period`,
          )
          .all(formId, from30, to) as { period: string; submitted: number; on_time: number }[],
    );
    const baseSubmitted = aBase.result.reduce((s, r) => s + r.submitted, 0);
    const baseOnTime = aBase.result.reduce((s, r) => s + r.on_time, 0);
    const aOk =
      a.result.expected === expect30.expected &&
      a.result.submitted === expect30.submitted &&
      a.result.submitted === baseSubmitted &&
      a.result.onTime === baseOnTime &&
      a.result.missing.length === Math.min(100, a.result.missingTotal);
    log(
      `(a) completeness, district, 30 days: ${a.ms.join(' / ')} ms; baseline GROUP BY period ${aBase.ms.join(' / ')} ms; ${aOk ? 'answers agree' : 'ANSWERS DIFFER'}`,
    );

    const b = await timed(3, () => rollupReport(mdeps, admin, formId, { unitId: root.id, from: periods[0], to }));
    const subLen = root.path.length + 37;
    const bBase = await timed(
      1,
      async () =>
        raw
          .prepare(
            `SELECT substr(unit_path, 1, ${subLen}) AS area, count(*) AS reports,
      ${FIELDS.map((f) => `sum(json_extract("values", '$.${f}')) AS ${f}`).join(', ')}
      FROM report_submissions WHERE form_id = ? AND period >= ? AND period <= ? GROUP BY area`,
          )
          .all(formId, periods[0], to) as Record<string, number | string>[],
    );
    const byArea = new Map(bBase.result.map((r) => [String(r.area), r]));
    const bOk =
      b.result.rows.every((row) => {
        const base = byArea.get(`${root.path}${row.unitId}/`);
        return base !== undefined && FIELDS.every((f) => row.values?.[f]?.value === base[f]);
      }) && b.result.reports === rows;
    log(
      `(b) roll-up, 5 fields, ${dayCount} days: ${b.ms.join(' / ')} ms; baseline GROUP BY sub-district ${bBase.ms.join(' / ')} ms; ${bOk ? 'answers agree' : 'ANSWERS DIFFER'}`,
    );
    raw.close();
    await database.close();

    const table = [
      ['measure', 'CivicGrid (median of 3)', 'baseline (plain GROUP BY)', 'ratio', 'target < 1 s'],
      [
        '(a) completeness, 30 days',
        `${a.median} ms`,
        `${aBase.median} ms`,
        `${(aBase.median / a.median).toFixed(1)}× faster`,
        a.median < 1000 ? 'met' : 'NOT met',
      ],
      [
        `(b) roll-up, 5 fields, ${dayCount} days`,
        `${b.median} ms`,
        `${bBase.median} ms`,
        `${(bBase.median / b.median).toFixed(0)}× faster`,
        b.median < 1000 ? 'met' : 'NOT met',
      ],
    ];
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
    return {
      units: units.length,
      days: dayCount,
      reports: rows,
      databaseMb: dbMb,
      loadMs: Math.round(loadMs),
      rollupRows: fold.size,
      completeness30: {
        ms: a.ms,
        medianMs: a.median,
        baselineMs: aBase.ms,
        baselineMedianMs: aBase.median,
        expected: a.result.expected,
        submitted: a.result.submitted,
        onTime: a.result.onTime,
        missingTotal: a.result.missingTotal,
        agrees: aOk,
      },
      rollupYear: {
        ms: b.ms,
        medianMs: b.median,
        baselineMs: bBase.ms,
        baselineMedianMs: bBase.median,
        rows: b.result.rows.length,
        agrees: bOk,
      },
      targetsMet: a.median < 1000 && b.median < 1000 && aOk && bOk,
      totalMs: Math.round(performance.now() - started),
    };
  } finally {
    if (process.env.REPORTING_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
