import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest } from '../src/kernel/db/db.js';
import { createCalendar } from '../src/kernel/calendar/index.js';
import { createOrgApi, LocateService } from '../src/modules/org/index.js';
import { ensureKpiRollup } from '../src/modules/cases/commands/kpi-rollup.js';
import { benchEnv, prepareDistrict } from './ledger-district.js';
import { pgSchema, pgLoader, pgSizeMb, sqliteLoader, sqliteSizeMb } from './ledger-db.js';
import { generate } from './ledger.js';
import { measureInsights } from './insights-measure.js';

/*
 * Insights (issue 15, "Measured (bench/insights)"), the ledger's measures: a district with a year of
 * cases (INSIGHTS_BENCH_CASES, default 1,000,000) generated on the demo district's small grids by the
 * ledger bench's generator (bench/ledger-generate.ts, with the KPI roll-up it implies), then measured
 * in-process with the insights commands (getDashboard, getAreaFigures) over the modules' real measure
 * sources, each figure beside the same figures folded from the raw rows (computeKpis over every case,
 * read page by page) in the same run, and checked equal to them:
 *   1. the district dashboard for a month and for a year (target < 200 ms);
 *   2. the choropleth: every small grid for 按期结案率 and 在办问题数 (target < 100 ms);
 *   3. a briefing (target < 500 ms): 城北 for the last whole week from the ledger's default template,
 *      generated and written as an office does (generateBriefing).
 * With CIVICGRID_BENCH_PG_URL the same again on PostgreSQL in a schema of its own (INSIGHTS_PG_CASES,
 * default the same as SQLite), dropped afterwards unless INSIGHTS_KEEP=1.
 * INSIGHTS_KEEP_DIR=<dir> (SQLite only) generates into that folder and keeps it: a later run with the
 * same folder measures the kept database again without the minutes of loading.
 * INSIGHTS_DATABASES=sqlite or =postgres runs one of them.
 */

const log = (msg: string): void => void process.stderr.write(`[insights] ${msg}\n`);

export async function run(): Promise<Record<string, unknown>> {
  const total = Number(process.env.INSIGHTS_BENCH_CASES ?? 1_000_000);
  if (!Number.isInteger(total) || total < 1000) throw new Error('INSIGHTS_BENCH_CASES must be a whole number ≥ 1000');
  const only = (process.env.INSIGHTS_DATABASES ?? 'sqlite,postgres').split(',');
  const started = performance.now();
  const sqlite = only.includes('sqlite') ? await benchOn(total) : undefined;
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const pgTotal = Number(process.env.INSIGHTS_PG_CASES ?? total);
  const postgres = pgUrl && only.includes('postgres') ? await benchOn(pgTotal, pgUrl) : undefined;
  if (!pgUrl) log('PostgreSQL not measured: set CIVICGRID_BENCH_PG_URL to measure it too');
  return {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    ...(sqlite ? { sqlite } : {}),
    ...(postgres ? { postgres } : {}),
    totalMs: Math.round(performance.now() - started),
  };
}

async function benchOn(total: number, pgUrl?: string): Promise<Record<string, unknown>> {
  const tag = pgUrl ? 'postgres' : 'sqlite';
  const keepDir = pgUrl ? undefined : process.env.INSIGHTS_KEEP_DIR;
  const dataDir = keepDir ? path.resolve(keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-insights-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'civicgrid.db');
  const marker = path.join(dataDir, 'generated.json');
  const kept = keepDir && fs.existsSync(marker) ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as Generated) : null;
  if (kept && kept.cases !== total)
    log(`${tag}: the kept folder holds ${kept.cases} cases (not ${total}); measuring it`);
  const schema = pgUrl ? await pgSchema(pgUrl) : null;
  try {
    let generated: Generated & { generation?: Record<string, unknown> };
    if (kept) {
      generated = kept;
      log(`${tag}: reusing ${dataDir} (${kept.cases.toLocaleString('en')} cases generated up to ${kept.now})`);
    } else {
      const now = new Date();
      const district = await prepareDistrict({ dataDir, now, databaseUrl: pgUrl, pgSchema: schema?.schema });
      await district.database.close();
      const { world } = district;
      log(`${tag}: district ready: ${world.grids.length} small grids with points`);
      const loader = pgUrl ? await pgLoader(pgUrl, schema!.schema) : sqliteLoader(dbFile);
      const gen = await generate(loader, world, total, tag);
      const dbMb = pgUrl ? await pgSizeMb(pgUrl, schema!.schema) : sqliteSizeMb(dbFile);
      log(
        `${tag}: generated ${gen.cases.toLocaleString('en')} cases in ${Math.round(gen.ms / 1000)} s; ${Math.round(dbMb)} MiB`,
      );
      generated = { now: now.toISOString(), cases: gen.cases, generation: { ...gen.stats, dbMb: Math.round(dbMb) } };
      if (keepDir) fs.writeFileSync(marker, JSON.stringify({ now: generated.now, cases: generated.cases }));
    }

    const config = loadConfig(benchEnv(dataDir, pgUrl));
    const database = createDb({ databaseUrl: config.databaseUrl, sqlitePath: dbFile, pgSchema: schema?.schema });
    try {
      const clock = fixedClock(generated.now);
      const calendar = createCalendar({ timeZone: config.timeZone });
      // A kept folder generated before later migrations is brought up to date as a server start would.
      let t = performance.now();
      const applied = await migrateToLatest(database.db, schema?.schema);
      if (applied.length) log(`${tag}: migrated (${applied.join(', ')}) in ${Math.round(performance.now() - t)} ms`);
      // A roll-up of another shape (a kept folder generated before it changed) is refilled by the real code.
      t = performance.now();
      const refilled = await ensureKpiRollup(database.db, config.districtCode, calendar);
      if (refilled) log(`${tag}: roll-up refilled from ${refilled} cases in ${Math.round(performance.now() - t)} ms`);
      const org = createOrgApi({ database, locator: new LocateService(database, clock) });
      const figures = await measureInsights({
        database,
        config,
        clock,
        org,
        calendar,
        log: (m) => log(`${tag}: ${m}`),
      });
      return {
        database: tag,
        cases: generated.cases,
        ...figures,
        ...(generated.generation ? { generation: generated.generation } : {}),
      };
    } finally {
      await database.close();
    }
  } finally {
    if (keepDir) log(`${tag}: kept ${dataDir}`);
    else if (process.env.INSIGHTS_KEEP === '1') log(`${tag}: kept ${schema ? `schema ${schema.schema}` : dataDir}`);
    else {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await schema?.drop();
    }
  }
}

interface Generated {
  /** The instant the cases were generated up to: the measurements' asOf. */
  now: string;
  cases: number;
}
