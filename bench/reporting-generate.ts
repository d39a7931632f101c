import type SQLite from 'better-sqlite3';
import { RollupFold, rollupFieldsOf, type ReportFormDefinition } from '../src/modules/reporting/domain/index.js';
import { uuidAt } from './ledger-district.js';

/*
 * The reporting benches' generator (bench/reporting.ts, bench/insights-units.ts): large grids as the
 * reporting units of a daily form with 5 numeric fields, and their reports written straight into the
 * server's SQLite file with a prepared 200-row insert, a transaction per day (~97% reported, 5% of
 * those late, 20% zero reports), with the roll-up rows the domain's RollupFold derives from them.
 */

export const FIELDS = ['households', 'visits', 'issues', 'resolved', 'volunteers'] as const;
export const FORM = {
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

export interface BenchUnit {
  id: string;
  path: string;
  subdistrict: string;
  createdAt: number;
  retiredAt: number | null;
}

const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;

/**
 * Every owed report of `units` over `periods` (daily ids, with their deadlines, timely limits, starts
 * and ends as epoch ms), written into `sqlite` (its report indexes dropped for the load and rebuilt):
 * the reports written, the roll-up fold, and the expected / submitted / on-time counts of the periods
 * from index `countFrom` on (by the rule: a unit owes a period it existed in at some time).
 */
export function generateReports(
  sqlite: SQLite.Database,
  o: {
    units: readonly BenchUnit[];
    periods: readonly string[];
    deadlines: readonly number[];
    limits: readonly number[];
    starts: readonly number[];
    ends: readonly number[];
    districtCode: string;
    formId: string;
    accountId: string;
    def: ReportFormDefinition;
    countFrom: number;
    idFrom: number;
    log: (m: string) => void;
  },
) {
  const { units, periods, deadlines, limits, starts, ends } = o;
  const t0 = performance.now();
  const root = { districtCode: o.districtCode };
  const formId = o.formId;
  const admin = { accountId: o.accountId };
  const def = o.def;
  const log = o.log;
  const yearAgo = o.idFrom;
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
  const counted = { expected: 0, submitted: 0, onTime: 0 };
  for (let pi = 0; pi < o.periods.length; pi++) {
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
      if (pi >= o.countFrom) counted.expected++;
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
      if (pi >= o.countFrom) {
        counted.submitted++;
        if (!late) counted.onTime++;
      }
      rows++;
      if (++pending === ROWS_PER_INSERT) flush();
    }
    flush();
    sqlite.exec('COMMIT');
    if ((pi + 1) % 30 === 0 || pi === o.periods.length - 1)
      log(
        `  ${pi + 1}/${o.periods.length} days, ${rows.toLocaleString('en')} reports, ${Math.round(rows / ((performance.now() - t0) / 1000)).toLocaleString('en')} rows/s`,
      );
  }
  const tIdx = performance.now();
  for (const i of indexes) sqlite.exec(i.sql);
  log(`indexes rebuilt in ${Math.round(ms(tIdx) / 1000)} s`);
  sqlite.close();
  return { rows, fold, counted };
}

/** 10 sub-districts × communities × large grids (the reporting level), a few opened or retired during the year. */
export function makeUnits(
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
