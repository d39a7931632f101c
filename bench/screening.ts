import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/kernel/clock.js';
import { localDateOf } from '../src/kernel/calendar/dates.js';
import { createDb, type Database } from '../src/kernel/db/db.js';
import { createOrgApi, LocateService } from '../src/modules/org/index.js';
import { createRound } from '../src/modules/population/commands/create-round.js';
import { screeningLookups } from '../src/modules/population/index.js';
import { routeCheck } from '../src/modules/screening/domain/check-rules.js';
import { pgSchema } from './ledger-db.js';
import { prepareDistrict } from './ledger-district.js';
import { pgPeopleLoader, sqlitePeopleLoader } from './people-db.js';
import {
  generateGrids,
  PEOPLE_TABLES,
  RESIDENT_COLUMNS,
  type PeopleGrid,
  type PeopleTable,
} from './people-generate.js';

/*
 * Screening (issue 12, "Measured (bench/people)" item (a)): the district of bench/people — 350,000
 * households, 1,000,000 residents over the demo district's small grids, bulk-loaded with its generator
 * and loader (used read-only) — and a pushed-down 协查 list of 100,000 ID numbers, half of them people of
 * the district (drawn from the generated residents), half from elsewhere. Measured, in the same run:
 *   the dedupe as the import does it: screeningLookups.residentsByIdNumbers (one indexed query per
 *     10,000 numbers; on PostgreSQL an array parameter) and the routing of every row (routeCheck with
 *     the household's community), target < 2 s;
 *   the row-by-row baseline: screeningLookups.residentByIdNumber once per number.
 * Both answers are checked against the generated truth (which numbers are known, and their grids).
 *
 *   npm run bench -- screening [--scale 0.1]      (or SCREENING_SCALE; 1 = the scale)
 * With CIVICGRID_BENCH_PG_URL the same again on PostgreSQL in a schema of its own, dropped afterwards.
 * SCREENING_DATABASES=sqlite or =postgres runs one of them.
 */

const HOUSEHOLDS = 350_000;
const RESIDENTS = 1_000_000;
const LIST = 100_000;
const DAY = 86_400_000;
const ID_AT = RESIDENT_COLUMNS.indexOf('id_number');
const GRID_PATH_AT = RESIDENT_COLUMNS.indexOf('grid_path');
const log = (msg: string): void => void process.stderr.write(`[screening] ${msg}\n`);

function scaleOf(): number {
  const i = process.argv.indexOf('--scale');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.SCREENING_SCALE;
  const s = Number(raw ?? 1);
  if (!(s > 0 && s <= 4)) throw new Error('--scale must be a number in (0, 4]');
  return s;
}

/** A deterministic PRNG (mulberry32), so both databases get the same list. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const scale = scaleOf();
  const only = (process.env.SCREENING_DATABASES ?? 'sqlite,postgres').split(',');
  const started = performance.now();
  const sqlite = only.includes('sqlite') ? await benchOn(scale) : undefined;
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const postgres = pgUrl && only.includes('postgres') ? await benchOn(scale, pgUrl) : undefined;
  if (!pgUrl) log('PostgreSQL not measured: set CIVICGRID_BENCH_PG_URL to measure it too');
  for (const r of [sqlite, postgres])
    if (r)
      log(
        `${r.database}: dedupe of ${r.list.toLocaleString('en')} ID numbers against ${r.residents.toLocaleString('en')} residents: ` +
          `bulk ${r.bulkMs} ms (lookup ${r.lookupMs} ms + routing ${r.routeMs} ms) vs row by row ${r.rowByRowMs} ms ` +
          `(×${r.speedup}); target < 2 s ${r.targetMet ? 'met' : 'NOT met'}; answers agree: ${r.agrees}`,
      );
  return {
    scale,
    ...(sqlite ? { sqlite } : {}),
    ...(postgres ? { postgres } : {}),
    totalMs: Math.round(performance.now() - started),
  };
}

async function benchOn(scale: number, pgUrl?: string) {
  const tag = pgUrl ? 'postgres' : 'sqlite';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-screening-'));
  const file = path.join(dataDir, 'civicgrid.db');
  const schema = pgUrl ? await pgSchema(pgUrl) : null;
  const now = new Date();
  try {
    const t0 = performance.now();
    const district = await prepareDistrict({ dataDir, now, databaseUrl: pgUrl, pgSchema: schema?.schema });
    const { world } = district;
    const orgOf = (database: Database) => createOrgApi({ database, locator: new LocateService(database, systemClock) });
    const deps = {
      database: district.database,
      clock: systemClock,
      org: orgOf(district.database),
      timeZone: 'Asia/Shanghai',
    };
    const admin = await deps.org.actorFor(deps.database.db, 'admin');
    const round = await createRound(deps, admin, {
      name: '冬季入户走访（敲门行动）',
      scopeUnitId: district.districtId,
      startsOn: localDateOf(new Date(now.getTime() - 6 * DAY)),
      endsOn: localDateOf(new Date(now.getTime() + 7 * DAY)),
    });
    await district.database.close();
    const grids: PeopleGrid[] = world.grids.map((g) => ({
      id: g.id,
      path: g.path,
      subdistrictId: g.subdistrictId,
      communityId: g.communityId,
      points: g.points,
      worker: { accountId: g.worker.accountId, displayName: g.worker.displayName },
    }));
    const communityOfGrid = new Map(world.grids.map((g) => [g.path, g.communityId]));
    const loader = pgUrl ? await pgPeopleLoader(pgUrl, schema!.schema) : sqlitePeopleLoader(file);
    // Every resident's ID number and grid path: the truth the answers are checked against.
    const known = new Map<string, string>();
    for (const batch of generateGrids({
      grids,
      households: Math.round(HOUSEHOLDS * scale),
      residents: Math.round(RESIDENTS * scale),
      districtCode: world.districtCode,
      roundId: round.id,
      visitsFrom: now.getTime() - 5.5 * DAY,
      visitsTo: now.getTime() - 60_000,
      visitedShare: 0.6,
      now,
    })) {
      for (const t of Object.keys(PEOPLE_TABLES) as PeopleTable[]) await loader.write(t, batch.rows[t]);
      for (const r of batch.rows.pop_residents) if (r[ID_AT]) known.set(r[ID_AT] as string, r[GRID_PATH_AT] as string);
    }
    await loader.finish(log);
    await loader.close();
    log(
      `${tag}: ${known.size.toLocaleString('en')} residents loaded in ${Math.round((performance.now() - t0) / 1000)} s`,
    );

    // The pushed-down list: half people of the district, half valid numbers from elsewhere (北京 110105).
    const rnd = seeded(411602);
    const knownIds = [...known.keys()];
    const list: string[] = [];
    const inList = new Set<string>();
    // (At a small --scale the district has fewer people than half the list: half of them then.)
    const knownWanted = Math.min(LIST / 2, Math.floor(knownIds.length / 2));
    while (list.length < knownWanted) {
      const id = knownIds[Math.floor(rnd() * knownIds.length)]!;
      if (inList.has(id)) continue;
      list.push(id);
      inList.add(id);
    }
    while (list.length < LIST) {
      const birth = `19${50 + Math.floor(rnd() * 50)}0${1 + Math.floor(rnd() * 9)}1${Math.floor(rnd() * 9)}`;
      const body = `110105${birth}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
      const id = body + screeningLookups.idCheckChar(body);
      if (inList.has(id) || known.has(id)) continue;
      list.push(id);
      inList.add(id);
    }
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }

    const database = createDb({ databaseUrl: pgUrl ?? null, sqlitePath: file, pgSchema: schema?.schema });
    try {
      const db = database.db;
      const scope = { id: district.districtId, path: world.districtPath };
      // Warm-up: a first small query opens the connection and fills the statement cache.
      await screeningLookups.residentsByIdNumbers(db, database.dialect, world.districtCode, list.slice(0, 100));
      const tb = performance.now();
      const found = await screeningLookups.residentsByIdNumbers(db, database.dialect, world.districtCode, list);
      const lookupMs = performance.now() - tb;
      const tr = performance.now();
      const routes = list.map((id) => {
        const k = found.get(id);
        const community = k ? communityOfGrid.get(k.gridPath) : undefined;
        return routeCheck({
          householdCommunity: community ? { id: community, path: k!.gridPath } : null,
          columnCommunity: null,
          scopeUnit: scope,
        });
      });
      const routeMs = performance.now() - tr;
      const bulkMs = lookupMs + routeMs;

      const t1 = performance.now();
      const oneByOne = new Map<string, string>();
      for (const id of list) {
        const k = await screeningLookups.residentByIdNumber(db, database.dialect, world.districtCode, id);
        if (k) oneByOne.set(id, k.gridPath);
      }
      const rowByRowMs = performance.now() - t1;

      const truth = list.filter((id) => known.has(id));
      const agrees =
        found.size === truth.length &&
        oneByOne.size === truth.length &&
        truth.every((id) => found.get(id)?.gridPath === known.get(id) && oneByOne.get(id) === known.get(id)) &&
        routes.filter((r) => r.routedBy === 'household').length === truth.length;
      return {
        database: tag,
        residents: known.size,
        list: list.length,
        knownInList: truth.length,
        lookupMs: Math.round(lookupMs),
        routeMs: Math.round(routeMs),
        bulkMs: Math.round(bulkMs),
        rowByRowMs: Math.round(rowByRowMs),
        speedup: Math.round((rowByRowMs / bulkMs) * 10) / 10,
        targetMet: bulkMs < 2000,
        agrees,
      };
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await schema?.drop();
  }
}
