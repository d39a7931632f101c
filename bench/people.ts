import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/kernel/clock.js';
import { localDateOf } from '../src/kernel/calendar/dates.js';
import { createDb } from '../src/kernel/db/db.js';
import { createOrgApi, LocateService } from '../src/modules/org/index.js';
import { createRound } from '../src/modules/population/commands/create-round.js';
import type { PopulationDeps } from '../src/modules/population/deps.js';
import type { CoverageCounts } from '../src/modules/population/domain/coverage.js';
import { rollupStore } from '../src/modules/population/store/rollup.store.js';
import { pgBaseline, pgSchema, pgSizeMb, sqliteBaseline, sqliteSizeMb } from './ledger-db.js';
import { prepareDistrict } from './ledger-district.js';
import { pgPeopleLoader, sqlitePeopleLoader } from './people-db.js';
import { generateGrids, PEOPLE_TABLES, type PeopleGrid, type PeopleTable } from './people-generate.js';
import {
  checkWithRecordVisit,
  log,
  measureCoverage,
  measurePhoneList,
  measureResidents,
  type Ctx,
} from './people-measure.js';

/*
 * People (issue 12, "Measured (bench/people)"): the demo district's 491 small grids with 350,000
 * households (~700 a grid, uneven), 1,000,000 residents and one door-knocking round over the whole
 * district with ~60% of the households visited (a quarter of those twice), bulk-loaded into the
 * population tables (the rows recordVisit and the registration write, checked afterwards by
 * recording visits through recordVisit itself). Then, through the commands the routes call, each
 * beside a plain SQL baseline in the same run:
 *   (c) coverage of the whole district by grid, coverageByGrid and roundCoverage as the district
 *       leader (rows per sub-district), median of 7 (target < 300 ms), vs a plain GROUP BY;
 *   (d) the phone's 敲门 list of one grid, roundHouseholds as that grid's worker, 200 random grids
 *       (target p95 < 20 ms), vs a plain SELECT of the grid's households;
 *   the residents list (a community's first page of 50) and a search by name (no target in the issue).
 * Every answer is checked against the domain's fold of the generated data.
 *
 *   npm run bench -- people [--scale 0.1]       (or PEOPLE_SCALE; 1 = the issue's scale)
 * With CIVICGRID_BENCH_PG_URL the same again on PostgreSQL in a schema of its own, dropped afterwards
 * (PEOPLE_PG_SCALE, default the same scale). PEOPLE_DATABASES=sqlite or =postgres runs one of them;
 * PEOPLE_KEEP=1 keeps the data folder and schema.
 * Items (a) dedupe and (b) follow-up lists of the issue wait for their modules.
 */

const HOUSEHOLDS = 350_000;
const RESIDENTS = 1_000_000;
const VISITED = 0.6;
const DAY = 86_400_000;

function scaleOf(): number {
  const i = process.argv.indexOf('--scale');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PEOPLE_SCALE;
  const s = Number(raw ?? 1);
  if (!(s > 0 && s <= 4)) throw new Error('--scale must be a number in (0, 4]');
  return s;
}

export async function run(): Promise<Record<string, unknown>> {
  const scale = scaleOf();
  const started = performance.now();
  const only = (process.env.PEOPLE_DATABASES ?? 'sqlite,postgres').split(',');
  const sqlite = only.includes('sqlite') ? await benchOn({ scale }) : undefined;
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const postgres =
    pgUrl && only.includes('postgres')
      ? await benchOn({ scale: Number(process.env.PEOPLE_PG_SCALE ?? scale), pgUrl })
      : undefined;
  for (const r of [sqlite, postgres]) if (r) printTable(r);
  if (!pgUrl) log('PostgreSQL not measured: set CIVICGRID_BENCH_PG_URL to measure it too');
  return {
    scale,
    ...sqlite,
    ...(postgres ? { postgres } : {}),
    totalMs: Math.round(performance.now() - started),
  };
}

type Figures = Awaited<ReturnType<typeof benchOn>>;

async function benchOn(opts: { scale: number; pgUrl?: string }) {
  const { pgUrl } = opts;
  const tag = pgUrl ? 'postgres' : 'sqlite';
  const households = Math.round(HOUSEHOLDS * opts.scale);
  const residents = Math.round(RESIDENTS * opts.scale);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-people-'));
  const file = path.join(dataDir, 'civicgrid.db');
  const schema = pgUrl ? await pgSchema(pgUrl) : null;
  const keep = process.env.PEOPLE_KEEP === '1';
  const now = new Date();
  try {
    const t0 = performance.now();
    const district = await prepareDistrict({ dataDir, now, databaseUrl: pgUrl, pgSchema: schema?.schema });
    const { world } = district;
    const orgOf = (database: PopulationDeps['database']) =>
      createOrgApi({ database, locator: new LocateService(database, systemClock) });
    let deps: PopulationDeps = {
      database: district.database,
      clock: systemClock,
      org: orgOf(district.database),
      timeZone: 'Asia/Shanghai',
    };
    const admin = await deps.org.actorFor(deps.database.db, 'admin');
    // The round over the whole district, opened six days ago through the command.
    const round = await createRound(deps, admin, {
      name: '冬季入户走访（敲门行动）',
      scopeUnitId: district.districtId,
      startsOn: localDateOf(new Date(now.getTime() - 6 * DAY)),
      endsOn: localDateOf(new Date(now.getTime() + 7 * DAY)),
    });
    // Usernames of the bench's grid and community accounts (prepareDistrict made one per unit).
    const usernames = new Map(
      (
        await deps.database.db
          .selectFrom('accounts')
          .select(['id', 'username'])
          .where('username', 'like', 'bench_%')
          .execute()
      ).map((a) => [a.id, a.username]),
    );
    const usernameOf = new Map<string, string>();
    for (const g of world.grids) {
      usernameOf.set(g.id, usernames.get(g.worker.accountId)!);
      usernameOf.set(g.communityId, usernames.get(g.community.accountId)!);
    }
    await district.database.close();
    const prepMs = performance.now() - t0;
    log(
      `${tag}: district ready in ${Math.round(prepMs / 1000)} s: ${world.grids.length} small grids${schema ? `, schema ${schema.schema}` : `, data in ${dataDir}`}`,
    );

    // Generate and load.
    const grids: PeopleGrid[] = world.grids.map((g) => ({
      id: g.id,
      path: g.path,
      subdistrictId: g.subdistrictId,
      communityId: g.communityId,
      points: g.points,
      worker: { accountId: g.worker.accountId, displayName: g.worker.displayName },
    }));
    const t1 = performance.now();
    const loader = pgUrl ? await pgPeopleLoader(pgUrl, schema!.schema) : sqlitePeopleLoader(file);
    const counts = Object.fromEntries(Object.keys(PEOPLE_TABLES).map((t) => [t, 0])) as Record<PeopleTable, number>;
    const truth = new Map<string, CoverageCounts>();
    const names = new Map<string, string[]>();
    let lastLog = performance.now();
    for (const batch of generateGrids({
      grids,
      households,
      residents,
      districtCode: world.districtCode,
      roundId: round.id,
      visitsFrom: now.getTime() - 5.5 * DAY,
      visitsTo: now.getTime() - 60_000,
      visitedShare: VISITED,
      now,
    })) {
      for (const t of Object.keys(PEOPLE_TABLES) as PeopleTable[]) {
        await loader.write(t, batch.rows[t]);
        counts[t] += batch.rows[t].length;
      }
      truth.set(batch.grid.id, batch.truth);
      names.set(batch.grid.communityId, [...(names.get(batch.grid.communityId) ?? []), ...batch.names]);
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(
          `${tag}: ${counts.pop_residents.toLocaleString('en')} residents, ${counts.pop_households.toLocaleString('en')} households so far`,
        );
      }
    }
    const indexMs = await loader.finish(log);
    await loader.close();
    // The coverage roll-up, kept by the commands with every write, rebuilt from the loaded rows (as
    // the migration does for data already there).
    const tRollup = performance.now();
    const rollupDb = createDb({ databaseUrl: pgUrl ?? null, sqlitePath: file, pgSchema: schema?.schema });
    await rollupDb.db.transaction().execute((trx) => rollupStore.rebuild(trx));
    await rollupDb.close();
    const rollupMs = performance.now() - tRollup;
    log(`${tag}: coverage roll-up rebuilt from the base tables in ${Math.round(rollupMs)} ms`);
    const loadMs = performance.now() - t1;
    const dbMb = pgUrl ? await pgSizeMb(pgUrl, schema!.schema) : sqliteSizeMb(file);
    const rows = Object.values(counts).reduce((s, n) => s + n, 0);
    log(
      `${tag}: generated ${Object.entries(counts)
        .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
        .join(
          ', ',
        )} in ${Math.round(loadMs / 1000)} s (${Math.round(rows / (loadMs / 1000)).toLocaleString('en')} rows/s, indexes ${Math.round(indexMs / 1000)} s); database ${Math.round(dbMb)} MiB`,
    );

    // Measure on fresh connections, as a server would have them.
    const database = createDb({ databaseUrl: pgUrl ?? null, sqlitePath: file, pgSchema: schema?.schema });
    deps = { database, clock: systemClock, org: orgOf(database), timeZone: 'Asia/Shanghai' };
    const base = pgUrl ? pgBaseline(pgUrl, schema!.schema) : sqliteBaseline(file);
    try {
      const actors = new Map<string, Awaited<ReturnType<typeof deps.org.actorFor>>>();
      const ctx: Ctx = {
        tag,
        deps,
        base,
        round,
        districtPath: world.districtPath,
        grids,
        truth,
        names: new Map([...names].filter(([, xs]) => xs.length > 0)),
        leader: await deps.org.actorFor(database.db, 'leader'),
        actorOf: async (unitId) => {
          if (!actors.has(unitId)) actors.set(unitId, await deps.org.actorFor(database.db, usernameOf.get(unitId)!));
          return actors.get(unitId)!;
        },
      };
      const coverage = await measureCoverage(ctx, 7);
      const phone = await measurePhoneList(ctx, 200);
      const people = await measureResidents(ctx, 100);
      const recordVisitAgrees = await checkWithRecordVisit(ctx);
      return {
        database: tag,
        generation: {
          grids: grids.length,
          ...counts,
          districtMs: Math.round(prepMs),
          loadMs: Math.round(loadMs),
          indexMs: Math.round(indexMs),
          rollupRebuildMs: Math.round(rollupMs),
          rowsPerSecond: Math.round(rows / (loadMs / 1000)),
          dbMb: Math.round(dbMb),
        },
        coverage,
        phoneList: phone,
        residents: people,
        recordVisitAgrees,
        targetsMet: {
          coverageUnder300ms: coverage.coverageByGrid.medianMs < 300 && coverage.roundCoverage.medianMs < 300,
          phoneListP95Under20ms: phone.p95Ms < 20,
        },
        answersAgree: coverage.agrees && phone.agrees && people.agrees && recordVisitAgrees,
      };
    } finally {
      await base.close();
      await database.close();
    }
  } finally {
    if (keep) log(`${tag}: kept ${schema ? `schema ${schema.schema} and ` : ''}${dataDir}`);
    else {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await schema?.drop();
    }
  }
}

function printTable(f: Figures): void {
  const c = f.coverage;
  const p = f.phoneList;
  const r = f.residents;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const table = [
    [`${f.database}: measure`, 'CivicGrid', 'baseline', 'target'],
    [
      '(c) coverageByGrid, whole district (median of 7)',
      `${c.coverageByGrid.medianMs} ms`,
      `${c.baseline.medianMs} ms (plain GROUP BY)`,
      `< 300 ms: ${met(c.coverageByGrid.medianMs < 300)}`,
    ],
    [
      `(c) roundCoverage as district leader (${c.roundCoverage.rows} rows)`,
      `${c.roundCoverage.medianMs} ms`,
      `${c.baseline.medianMs} ms (plain GROUP BY)`,
      `< 300 ms: ${met(c.roundCoverage.medianMs < 300)}`,
    ],
    [
      `(d) roundHouseholds, one grid (${p.calls} calls)`,
      `p50 ${p.p50Ms} / p95 ${p.p95Ms} ms`,
      `p50 ${p.baselineP50Ms} / p95 ${p.baselineP95Ms} ms (plain SELECT)`,
      `p95 < 20 ms: ${met(p.p95Ms < 20)}`,
    ],
    [
      `(d) roundHouseholds, first page of ${p.page.size} doors`,
      `p50 ${p.page.p50Ms} / p95 ${p.page.p95Ms} ms`,
      '',
      `p95 < 20 ms: ${met(p.page.p95Ms < 20)}`,
    ],
    [
      'listResidents, community, 50 rows',
      `p50 ${r.page.p50Ms} / p95 ${r.page.p95Ms} ms`,
      `p50 ${r.page.baselineP50Ms} / p95 ${r.page.baselineP95Ms} ms (indexed SELECT 50)`,
      'none in the issue',
    ],
    [
      'search by name, community',
      `p50 ${r.searchCommunity.p50Ms} / p95 ${r.searchCommunity.p95Ms} ms`,
      `p50 ${r.searchCommunity.baselineP50Ms} / p95 ${r.searchCommunity.baselineP95Ms} ms (bare SQL)`,
      'none in the issue',
    ],
    ['search by name, district', `p50 ${r.searchDistrict.p50Ms} ms`, '', 'none in the issue'],
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) log(row.map((x, i) => x.padEnd(widths[i]!)).join(' | '));
  log(`${f.database}: answers ${f.answersAgree ? 'agree everywhere' : 'DIFFER (see above)'}`);
}
