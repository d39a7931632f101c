import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { fixedClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest, type Database } from '../src/kernel/db/db.js';
import { bootstrapDistrict } from '../src/modules/org/bootstrap.js';
import { createOrgApi, LocateService } from '../src/modules/org/index.js';
import { createForm } from '../src/modules/reporting/commands/create-form.js';
import { completeness } from '../src/modules/reporting/commands/completeness.js';
import { rollupReport } from '../src/modules/reporting/commands/rollup-report.js';
import {
  deadlineOf,
  formatPeriodOfDay,
  periodEnd,
  periodOf,
  periodStart,
  RollupFold,
  rollupFieldsOf,
  timelyLimitOf,
  type ReportFormDefinition,
} from '../src/modules/reporting/domain/index.js';
import { rollupStore } from '../src/modules/reporting/store/rollup.store.js';
import type { ReportingDeps } from '../src/modules/reporting/deps.js';
import { uuidAt } from './ledger-district.js';

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
const FIELDS = ['households', 'visits', 'issues', 'resolved', 'volunteers'] as const;
const FORM = {
  code: 'bench_daily',
  name: '网格工作日报',
  periodType: 'daily',
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level', unitKind: 'grid_large' },
  fields: FIELDS.map((code, i) => ({
    code,
    label: ['走访户数', '入户次数', '发现问题数', '解决问题数', '志愿者人数'][i],
    type: 'integer',
    required: true,
    min: 0,
    aggregation: 'sum',
  })),
  rules: [],
};
const ROWS_PER_INSERT = 200;
const COLUMNS = [
  'id',
  'district_code',
  'form_id',
  'form_version',
  'unit_id',
  'unit_path',
  'period',
  'zero',
  'values',
  'submitted_at',
  'on_time',
  'submitted_by',
  'revision',
  'updated_at',
];

interface BenchUnit {
  id: string;
  path: string;
  subdistrict: string;
  createdAt: number;
  retiredAt: number | null;
}

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

    // Indexes of report_submissions are dropped for the load and rebuilt from the same SQL afterwards.
    const indexes = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE tbl_name = 'report_submissions' AND type = 'index' AND sql IS NOT NULL`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) sqlite.exec(`DROP INDEX ${i.name}`);
    const one = `(${COLUMNS.map(() => '?').join(',')})`;
    const many = sqlite.prepare(
      `INSERT INTO report_submissions (${COLUMNS.map((c) => `"${c}"`).join(',')}) VALUES ${Array(ROWS_PER_INSERT).fill(one).join(',')}`,
    );
    const single = sqlite.prepare(
      `INSERT INTO report_submissions (${COLUMNS.map((c) => `"${c}"`).join(',')}) VALUES ${one}`,
    );
    const fields = rollupFieldsOf(def);
    const fold = new RollupFold();
    let seed = 20261129;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let rows = 0;
    let idMs = yearAgo;
    const expect30 = { expected: 0, submitted: 0, onTime: 0 };
    const first30 = dayCount - 30;
    for (let pi = 0; pi < dayCount; pi++) {
      const period = periods[pi];
      const buf: unknown[] = [];
      let pending = 0;
      const flush = () => {
        if (pending === ROWS_PER_INSERT) many.run(buf);
        else for (let i = 0; i < pending; i++) single.run(buf.slice(i * COLUMNS.length, (i + 1) * COLUMNS.length));
        buf.length = 0;
        pending = 0;
      };
      sqlite.exec('BEGIN');
      for (const u of units) {
        // Owed for the period: it existed at some time during it (opened before its end, not retired by its start).
        if (u.createdAt >= ends[pi] || (u.retiredAt !== null && u.retiredAt <= starts[pi])) continue;
        if (pi >= first30) expect30.expected++;
        const r = rnd();
        if (r < 0.03) continue;
        const late = r > 0.9785; // ~5% of the reports
        const zero = rnd() < 0.2;
        const at = late ? limits[pi] + 2 * 3600_000 : deadlines[pi] - 3600_000 - Math.floor(rnd() * 8 * 3600_000);
        const v = zero
          ? null
          : [
              Math.floor(rnd() * 60),
              Math.floor(rnd() * 90),
              Math.floor(rnd() * 6),
              Math.floor(rnd() * 5),
              Math.floor(rnd() * 12),
            ];
        const values = v
          ? `{"households":${v[0]},"visits":${v[1]},"issues":${v[2]},"resolved":${v[3]},"volunteers":${v[4]}}`
          : '{}';
        const iso = new Date(at).toISOString();
        buf.push(
          uuidAt(idMs++),
          root.districtCode,
          formId,
          1,
          u.id,
          u.path,
          period,
          zero ? 1 : 0,
          values,
          iso,
          late ? 0 : 1,
          admin.accountId,
          1,
          iso,
        );
        fold.add(fields, {
          unitPath: u.path,
          period,
          onTime: !late,
          zero,
          values: v ? Object.fromEntries(FIELDS.map((f, i) => [f, v[i]])) : null,
        });
        if (pi >= first30) {
          expect30.submitted++;
          if (!late) expect30.onTime++;
        }
        rows++;
        if (++pending === ROWS_PER_INSERT) flush();
      }
      flush();
      sqlite.exec('COMMIT');
      if ((pi + 1) % 30 === 0 || pi === dayCount - 1)
        log(
          `  ${pi + 1}/${dayCount} days, ${rows.toLocaleString('en')} reports, ${Math.round(rows / ((performance.now() - t0) / 1000)).toLocaleString('en')} rows/s`,
        );
    }
    const tIdx = performance.now();
    for (const i of indexes) sqlite.exec(i.sql);
    log(`indexes rebuilt in ${Math.round(ms(tIdx) / 1000)} s`);
    sqlite.close();

    database = createDb({ databaseUrl: null, sqlitePath: file });
    const tFold = performance.now();
    await database.db
      .transaction()
      .execute((trx) => rollupStore.insertFolded(trx, root.districtCode, formId, fold.values()));
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

/** 10 sub-districts × communities × large grids (the reporting level), a few opened or retired during the year. */
function makeUnits(
  db: SQLite.Database,
  root: { id: string; path: string; districtCode: string },
  count: number,
  yearAgo: number,
  deadlines: number[],
): BenchUnit[] {
  const subs = 10;
  const perCommunity = 100;
  const communities = Math.max(subs, Math.ceil(count / perCommunity));
  const insert =
    db.prepare(`INSERT INTO units (id, district_code, parent_id, kind, code, name, status, path, depth, sort_order, created_at, updated_at, retired_at)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const created = new Date(yearAgo).toISOString();
  let idMs = yearAgo - 86_400_000;
  const out: BenchUnit[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  db.exec('BEGIN');
  for (let s = 0; s < subs; s++) {
    const sid = uuidAt(idMs++);
    const spath = `${root.path}${sid}/`;
    insert.run(
      sid,
      root.districtCode,
      root.id,
      'subdistrict',
      `第${s + 1}街道`,
      'active',
      spath,
      1,
      s,
      created,
      created,
      null,
    );
    for (let c = s; c < communities; c += subs) {
      const cid = uuidAt(idMs++);
      const cpath = `${spath}${cid}/`;
      insert.run(
        cid,
        root.districtCode,
        sid,
        'community',
        `社区${c + 1}`,
        'active',
        cpath,
        2,
        c,
        created,
        created,
        null,
      );
      for (let g = 0; g < perCommunity && c * perCommunity + g < count; g++) {
        const gid = uuidAt(idMs++);
        const r = rnd();
        // 0.2% opened during the year, 0.2% retired during it.
        const createdAt = r < 0.002 ? deadlines[Math.floor(rnd() * deadlines.length)] - 3600_000 : yearAgo;
        const retiredAt = r > 0.998 ? deadlines[Math.floor(rnd() * deadlines.length)] - 7200_000 : null;
        insert.run(
          gid,
          root.districtCode,
          cid,
          'grid_large',
          `网格${c + 1}-${g + 1}`,
          retiredAt ? 'retired' : 'active',
          `${cpath}${gid}/`,
          3,
          g,
          new Date(createdAt).toISOString(),
          new Date(createdAt).toISOString(),
          retiredAt ? new Date(retiredAt).toISOString() : null,
        );
        out.push({ id: gid, path: `${cpath}${gid}/`, subdistrict: sid, createdAt, retiredAt });
      }
    }
  }
  db.exec('COMMIT');
  return out;
}
