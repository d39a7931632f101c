import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServerProcess } from './ledger-child.js';
import { ADMIN_PASSWORD, benchEnv, DEMO_PASSWORD, prepareDistrict } from './ledger-district.js';
import { generateDays, KpiReference } from './ledger-generate.js';
import { Client, round } from './ledger-http.js';
import { measureCreate, measureExport, measureKpis, measureLedgerPage } from './ledger-measure.js';
import {
  pgBaseline,
  pgLoader,
  pgSchema,
  pgSizeMb,
  sqliteBaseline,
  sqliteLoader,
  sqliteSizeMb,
  type BaselineDb,
  type Loader,
} from './ledger-db.js';
import { RollupSums } from './ledger-rollup.js';

/*
 * Ledger: a district with a year of cases (LEDGER_CASES, default 1,000,000) on SQLite, generated
 * through the pure case workflow and bulk-loaded, then the server (bench/ledger-server.ts, a child
 * process) measured over HTTP on 127.0.0.1, each figure beside a baseline from the same run:
 *   1. POST /api/v1/cases as a grid worker vs GET /api/v1/auth/me (ratio, target ≥ 0.3);
 *   2. a sub-district's ledger page, scope + status + search, 50 rows: p50/p95 (target p95 ≤ 50 ms)
 *      vs a plain indexed SELECT of 50 rows;
 *   3. the district's KPIs for the year (target ≤ 200 ms) vs a plain GROUP BY over the rows, and
 *      the answer checked against the domain's computeKpis;
 *   4. an .xlsx export of ~100,000 rows: time and the server's RSS peak over its baseline.
 * With CIVICGRID_BENCH_PG_URL the same again on PostgreSQL, in a schema of its own that is dropped
 * afterwards, with LEDGER_PG_CASES cases (default 200,000, to stay within ~10 minutes at 1M on SQLite).
 * LEDGER_ONLY=create,page,export,kpis picks the measurements (all by default).
 * LEDGER_KEEP=1 keeps the data (folder and schema); LEDGER_PROFILE=<dir> writes a .cpuprofile of
 * the server per measurement.
 */

const log = (msg: string): void => void process.stderr.write(`[ledger] ${msg}\n`);
const DAY = 86_400_000;
const EXPORT_ROWS = 100_000;

export async function run(): Promise<Record<string, unknown>> {
  const total = Number(process.env.LEDGER_CASES ?? 1_000_000);
  if (!Number.isInteger(total) || total < 1000) throw new Error('LEDGER_CASES must be a whole number ≥ 1000');
  const profileDir = process.env.LEDGER_PROFILE ? path.resolve(process.env.LEDGER_PROFILE) : null;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const started = performance.now();
  const sqlite = await benchOn({ total, profileDir });
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const pgTotal = Number(process.env.LEDGER_PG_CASES ?? Math.min(total, 200_000));
  const postgres = pgUrl
    ? await benchOn({ total: pgTotal, profileDir: profileDir && path.join(profileDir, 'postgres'), pgUrl })
    : undefined;
  return {
    ...sqlite,
    ...(postgres ? { postgres } : {}),
    totalMs: Math.round(performance.now() - started),
    ...(profileDir ? { profiles: profileDir } : {}),
  };
}

/** Generate a district into one database, serve it, measure it. */
async function benchOn(opts: {
  total: number;
  profileDir: string | null;
  pgUrl?: string;
}): Promise<Record<string, unknown>> {
  const { total, pgUrl } = opts;
  const tag = pgUrl ? 'postgres' : 'sqlite';
  if (opts.profileDir) fs.mkdirSync(opts.profileDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-ledger-'));
  const dbFile = path.join(dataDir, 'civicgrid.db');
  const schema = pgUrl ? await pgSchema(pgUrl) : null;
  const keep = process.env.LEDGER_KEEP === '1';
  const now = new Date();
  try {
    // The district, as the server would bootstrap it, with the demo's grids and accounts.
    const district = await prepareDistrict({ dataDir, now, databaseUrl: pgUrl, pgSchema: schema?.schema });
    const { world } = district;
    const dc = world.districtCode;
    await district.database.close();
    log(
      `${tag}: district ready: ${world.grids.length} small grids, ${world.categories.length} categories${schema ? `, schema ${schema.schema}` : `, data in ${dataDir}`}`,
    );

    const loader = pgUrl ? await pgLoader(pgUrl, schema!.schema) : sqliteLoader(dbFile);
    const gen = await generate(loader, world, total, tag);
    const dbMb = pgUrl ? await pgSizeMb(pgUrl, schema!.schema) : sqliteSizeMb(dbFile);
    log(
      `${tag}: generated ${gen.cases.toLocaleString('en')} cases and ${gen.actions.toLocaleString('en')} actions in ${Math.round(gen.ms / 1000)} s (${Math.round(gen.cases / (gen.ms / 1000)).toLocaleString('en')} cases/s); database ${Math.round(dbMb)} MiB`,
    );
    log(`${tag}: statuses ${JSON.stringify(gen.stats.byStatus)}`);

    const env = { ...benchEnv(dataDir, pgUrl), ...(schema ? { LEDGER_PG_SCHEMA: schema.schema } : {}) };
    const server = await ServerProcess.start(env, opts.profileDir);
    const client = new Client(server.port);
    const base: BaselineDb = pgUrl ? pgBaseline(pgUrl, schema!.schema) : sqliteBaseline(dbFile);
    const figures: Record<string, unknown> = { cases: gen.cases, actions: gen.actions };
    try {
      const admin = await client.session('admin', ADMIN_PASSWORD);
      const worker = await client.session('wgy_zhuzhuang', DEMO_PASSWORD);
      const clerk = await client.session('chengbei', DEMO_PASSWORD);
      log(`${tag}: server on 127.0.0.1:${server.port}, RSS ${round(server.rssMb())} MiB`);

      const only = new Set((process.env.LEDGER_ONLY ?? 'create,page,export,kpis').split(','));
      if (only.has('create'))
        figures.create = await measureCreate(client, server, world, worker, {
          count: Number(process.env.LEDGER_CREATE ?? 2000),
          concurrency: 8,
        });
      if (only.has('page')) figures.ledgerPage = await measureLedgerPage(client, server, base, dc, clerk, 200);

      const cal = world.calendar;
      const today = cal.localDate(now);
      const toMs = cal.startOfDay(today).getTime() + DAY;
      const days = [...gen.dayCounts].sort((a, b) => b[0].localeCompare(a[0]));
      let from = days[days.length - 1][0];
      let acc = 0;
      for (const [day, n] of days) {
        acc += n;
        if (acc >= EXPORT_ROWS) {
          from = day;
          break;
        }
      }
      const iso = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}`;
      if (only.has('export'))
        figures.export = await measureExport(client, server, base, admin, {
          from: iso(from),
          to: today,
          fromMs: cal.startOfDay(iso(from)).getTime(),
          toMs,
          file: path.join(dataDir, 'export.xlsx'),
        });
      const yearFrom = iso(days[days.length - 1][0]);
      if (only.has('kpis'))
        figures.kpis = await measureKpis(client, server, base, admin, {
          districtCode: dc,
          from: yearFrom,
          to: today,
          fromMs: cal.startOfDay(yearFrom).getTime(),
          toMs,
          generatedUntil: now.toISOString(),
          reference: gen.reference,
          calendar: cal,
        });
    } finally {
      client.close();
      await base.close();
      await server.stop();
    }
    return { ...figures, generation: { ...gen.stats, dbMb: Math.round(dbMb) }, database: tag };
  } finally {
    if (keep) log(`${tag}: kept ${schema ? `schema ${schema.schema} and ` : ''}${dataDir}`);
    else {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await schema?.drop();
    }
  }
}

/** A year of cases, streamed day by day into the database, with the KPI roll-up they imply. */
export async function generate(loader: Loader, world: Parameters<typeof generateDays>[0], total: number, tag: string) {
  const reference = new KpiReference(total);
  const hasRollup = (await loader.columns('case_kpi_days')).length > 0;
  const rollup = hasRollup ? RollupSums.create(world.calendar) : null;
  const dayCounts = new Map<string, number>();
  const byStatus: Record<string, number> = {};
  let cases = 0;
  let actions = 0;
  let domainMs = 0;
  let insertMs = 0;
  let lastLog = performance.now();
  const started = performance.now();
  const days = generateDays(world, total);
  for (;;) {
    let t = performance.now();
    const next = days.next();
    if (next.done) break;
    const batch = next.value;
    for (const b of batch.built) {
      reference.add(b.state);
      rollup?.add(b.state);
      byStatus[b.state.status] = (byStatus[b.state.status] ?? 0) + 1;
    }
    domainMs += performance.now() - t;
    t = performance.now();
    await loader.write(batch, world.districtCode);
    insertMs += performance.now() - t;
    dayCounts.set(batch.day, batch.last);
    cases += batch.cases.length;
    actions += batch.actions.length;
    if (performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      const s = (performance.now() - started) / 1000;
      log(
        `${tag}: ${cases.toLocaleString('en')} cases, ${actions.toLocaleString('en')} actions: ${Math.round(cases / s).toLocaleString('en')} cases/s, ${Math.round((cases + actions) / s).toLocaleString('en')} rows/s (domain ${Math.round(domainMs / 1000)} s, insert ${Math.round(insertMs / 1000)} s)`,
      );
    }
  }
  const { indexMs, ftsMs } = await loader.finish(log);
  let rollupRows = 0;
  if (rollup) {
    const rows = rollup.rows(world.districtCode);
    const cols = await loader.columns('case_kpi_days');
    const missing = Object.keys(rows[0] ?? {}).filter((k) => !cols.includes(k));
    if (missing.length) log(`WARNING: case_kpi_days lacks ${missing.join(', ')}; left empty`);
    else {
      await loader.insertRows('case_kpi_days', rows);
      rollupRows = rows.length;
    }
  }
  await loader.close();
  const ms = performance.now() - started;
  return {
    cases,
    actions,
    reference,
    dayCounts,
    ms,
    stats: {
      ms: Math.round(ms),
      casesPerSecond: Math.round(cases / (ms / 1000)),
      rowsPerSecond: Math.round((cases + actions) / (ms / 1000)),
      domainMs: Math.round(domainMs),
      insertMs: Math.round(insertMs),
      indexMs: Math.round(indexMs),
      ftsMs: Math.round(ftsMs),
      rollupRows,
      byStatus,
    },
  };
}
