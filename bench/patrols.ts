import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, localDateOf } from '../src/kernel/calendar/dates.js';
import type { Database } from '../src/kernel/db/db.js';
import { coverageOf, daysInPeriod, periodDays } from '../src/modules/patrols/domain/coverage.js';
import { encodeTrack, type TrackPoint } from '../src/modules/patrols/domain/track-codec.js';
import { patrolStore } from '../src/modules/patrols/store/patrol.store.js';
import { pgSchema, pgSizeMb, sqliteSizeMb } from './ledger-db.js';
import { prepareDistrict, uuidAt } from './ledger-district.js';
import { seeded } from './ledger-lifecycles.js';
import { sql } from 'kysely';

/*
 * Patrols (issue 13, "Measured (bench/patrols)"): the demo district's small grids with one year of
 * patrols — two a day per small grid, 200 track points each, as the phone's upload leaves them (one
 * encoded chunk per patrol) — bulk-loaded with the coverage roll-up the end of a patrol keeps. Measured,
 * in the same run:
 *   coverage for the district by grid and month over the year: the store's read of the per-grid-per-month
 *     roll-up for the whole months and a GROUP BY over the per-grid-per-day roll-up for the two partial
 *     ones (patrolStore.monthCounts), folded with the grid list (coverageOf), target < 300 ms;
 *   beside it, a plain GROUP BY over the patrol table (patrols ⋈ patrol_units, distinct days per grid and
 *     month), and the two answers checked equal;
 *   storage per track point: the encoded blobs' bytes ÷ points, beside the same points as plain JSON
 *     ([{lat, lng, at}] with ISO times, as the phone posts them) and as compact JSON arrays [[lng, lat, ms]].
 *
 *   npm run bench -- patrols [--scale 0.25]      (or PATROLS_SCALE; 1 = a year, 2 a day per grid)
 * With CIVICGRID_BENCH_PG_URL the same again on PostgreSQL in a schema of its own, dropped afterwards.
 * PATROLS_DATABASES=sqlite or =postgres runs one of them. --scale shortens the year (0.25 = 91 days).
 */

const POINTS = 200;
const PER_DAY = 2;
const BATCH = 500;
const log = (msg: string): void => void process.stderr.write(`[patrols] ${msg}\n`);

function scaleOf(): number {
  const i = process.argv.indexOf('--scale');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PATROLS_SCALE;
  const s = Number(raw ?? 1);
  if (!(s > 0 && s <= 1)) throw new Error('--scale must be a number in (0, 1]');
  return s;
}

export async function run(): Promise<Record<string, unknown>> {
  const scale = scaleOf();
  const only = (process.env.PATROLS_DATABASES ?? 'sqlite,postgres').split(',');
  const started = performance.now();
  const sqlite = only.includes('sqlite') ? await benchOn(scale) : undefined;
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const postgres = pgUrl && only.includes('postgres') ? await benchOn(scale, pgUrl) : undefined;
  if (!pgUrl) log('PostgreSQL not measured: set CIVICGRID_BENCH_PG_URL to measure it too');
  return {
    scale,
    ...(sqlite ? { sqlite } : {}),
    ...(postgres ? { postgres } : {}),
    totalMs: Math.round(performance.now() - started),
  };
}

/** A walk of `n` fixes from a point inside the grid: ~8 m a step, one every 15 s, turning gently. */
function walkFrom(lng: number, lat: number, startMs: number, n: number, rnd: () => number): TrackPoint[] {
  const out: TrackPoint[] = [];
  let heading = rnd() * Math.PI * 2;
  const dLat = 8 / 111_195;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    out.push({ lng, lat, t: startMs + i * 15_000, far: false });
    heading += (rnd() - 0.5) * 0.8;
    lng += Math.cos(heading) * dLng;
    lat += Math.sin(heading) * dLat;
  }
  return out;
}

async function insertAll(db: Database['db'], table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto(table as 'patrols')
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
}

async function benchOn(scale: number, pgUrl?: string) {
  const tag = pgUrl ? 'postgres' : 'sqlite';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-patrols-'));
  const file = path.join(dataDir, 'civicgrid.db');
  const schema = pgUrl ? await pgSchema(pgUrl) : null;
  const now = new Date();
  try {
    const district = await prepareDistrict({ dataDir, now, databaseUrl: pgUrl, pgSchema: schema?.schema });
    const { world, database } = district;
    const db = database.db;
    const lastDay = addDays(localDateOf(now), -1);
    const firstDay = addDays(lastDay, -Math.round(365 * scale) + 1);
    const days = periodDays(firstDay, lastDay);
    const grids = world.grids;
    log(
      `${tag}: ${grids.length} small grids, ${days.length} days, ${(grids.length * days.length * PER_DAY).toLocaleString('en')} patrols of ${POINTS} points`,
    );

    // Generate and load, a day at a time (each day one transaction), the roll-up rows beside.
    const t0 = performance.now();
    const rnd = seeded(411602);
    let blobBytes = 0;
    let jsonBytes = 0;
    let arrayBytes = 0;
    let points = 0;
    let encodeMs = 0;
    const monthRows = new Map<string, Record<string, unknown> & { days: number; patrols: number }>();
    for (const day of days) {
      const patrols: Record<string, unknown>[] = [];
      const units: Record<string, unknown>[] = [];
      const people: Record<string, unknown>[] = [];
      const chunks: Record<string, unknown>[] = [];
      const unitDays: Record<string, unknown>[] = [];
      for (const g of grids) {
        for (let k = 0; k < PER_DAY; k++) {
          // Morning and afternoon rounds (08:30 and 14:30 in Shanghai, with some minutes either way).
          const startMs = Date.parse(`${day}T00:30:00Z`) + k * 6 * 3_600_000 + Math.floor(rnd() * 1_800_000);
          const at = Math.floor(rnd() * (g.points.length / 2)) * 2;
          const track = walkFrom(g.points[at]!, g.points[at + 1]!, startMs, POINTS, rnd);
          const te = performance.now();
          const data = encodeTrack(track);
          encodeMs += performance.now() - te;
          blobBytes += data.length;
          points += track.length;
          if (points <= 2_000_000) {
            // The JSON forms of the same points (measured on the first two million; the ratio is stable).
            jsonBytes += JSON.stringify(
              track.map((p) => ({ lat: p.lat, lng: p.lng, at: new Date(p.t).toISOString() })),
            ).length;
            arrayBytes += JSON.stringify(track.map((p) => [p.lng, p.lat, p.t])).length;
          }
          const id = uuidAt(startMs);
          const endMs = track.at(-1)!.t + 30_000;
          const iso = new Date(endMs).toISOString();
          patrols.push({
            id,
            district_code: world.districtCode,
            kind: 'grid',
            scope_path: g.path,
            status: 'ended',
            recorder_id: g.worker.accountId,
            recorder_name: g.worker.displayName,
            started_at: new Date(startMs).toISOString(),
            ended_at: iso,
            start_day: day,
            end_day: day,
            points: track.length,
            far_points: 0,
            distance_m: 1600,
            last_point: null,
            note: null,
            created_at: iso,
            updated_at: iso,
          });
          units.push({ patrol_id: id, unit_id: g.id, unit_path: g.path, unit_name: g.id.slice(0, 8) });
          people.push({
            patrol_id: id,
            seq: 0,
            account_id: g.worker.accountId,
            name: g.worker.displayName,
            role: 'recorder',
          });
          chunks.push({
            patrol_id: id,
            seq: 0,
            points: track.length,
            first_at: new Date(startMs).toISOString(),
            last_at: new Date(track.at(-1)!.t).toISOString(),
            data,
          });
        }
        unitDays.push({
          unit_id: g.id,
          kind: 'grid',
          day,
          district_code: world.districtCode,
          unit_path: g.path,
          patrols: PER_DAY,
        });
        const mk = `${g.id}|${day.slice(0, 7)}`;
        const m = monthRows.get(mk) ?? {
          unit_id: g.id,
          kind: 'grid',
          month: day.slice(0, 7),
          district_code: world.districtCode,
          unit_path: g.path,
          days: 0,
          patrols: 0,
        };
        m.days += 1;
        m.patrols += PER_DAY;
        monthRows.set(mk, m);
      }
      await db.transaction().execute(async (trx) => {
        await insertAll(trx, 'patrols', patrols);
        await insertAll(trx, 'patrol_units', units);
        await insertAll(trx, 'patrol_people', people);
        await insertAll(trx, 'patrol_track_chunks', chunks);
        await insertAll(trx, 'patrol_unit_days', unitDays);
      });
    }
    await db.transaction().execute((trx) => insertAll(trx, 'patrol_unit_months', [...monthRows.values()]));
    await sql`ANALYZE`.execute(db);
    const loadS = Math.round((performance.now() - t0) / 1000);
    const jsonPoints = Math.min(points, 2_000_000 + POINTS);
    log(`${tag}: loaded in ${loadS} s (encoding ${Math.round(encodeMs)} ms)`);

    const filter = {
      districtCode: world.districtCode,
      kind: 'grid',
      path: world.districtPath,
      first: firstDay,
      last: lastDay,
    };
    const gridIds = grids.map((g) => g.id);
    const months = [...new Set(days.map((d) => d.slice(0, 7)))];
    const daysOfMonth = (m: string) => days.filter((d) => d.startsWith(m)).length;

    /** Coverage by grid and month from the roll-ups (months whole, the two partial months from days), then the pure fold per month. */
    const viaRollup = async () => {
      const rows = await patrolStore.monthCounts(db, filter);
      const byMonth = new Map<string, { gridId: string; patrolledDays: number; patrols: number }[]>();
      for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
      return months.map((m) => ({ month: m, ...coverageOf(gridIds, byMonth.get(m) ?? [], daysOfMonth(m)) }));
    };
    /** The same from the patrol table: distinct start days per grid and month. */
    const viaPlain = async () => {
      const month = sql<string>`substr(p.start_day, 1, 7)`;
      const rows = await db
        .selectFrom('patrols as p')
        .innerJoin('patrol_units as u', 'u.patrol_id', 'p.id')
        .select((eb) => [
          'u.unit_id',
          month.as('month'),
          eb.fn.count<string | number>('p.start_day').distinct().as('days'),
          eb.fn.countAll<string | number>().as('patrols'),
        ])
        .where('p.district_code', '=', world.districtCode)
        .where('p.kind', '=', 'grid')
        .where('p.status', '=', 'ended')
        .where('p.start_day', '>=', firstDay)
        .where('p.start_day', '<=', lastDay)
        .where('u.unit_path', 'like', `${world.districtPath}%`)
        .groupBy(['u.unit_id', month])
        .execute();
      const byMonth = new Map<string, { gridId: string; patrolledDays: number; patrols: number }[]>();
      for (const r of rows)
        byMonth.set(r.month, [
          ...(byMonth.get(r.month) ?? []),
          { gridId: r.unit_id, patrolledDays: Number(r.days), patrols: Number(r.patrols) },
        ]);
      return months.map((m) => ({ month: m, ...coverageOf(gridIds, byMonth.get(m) ?? [], daysOfMonth(m)) }));
    };
    const best = async (f: () => Promise<unknown>, n = 3) => {
      let ms = Infinity;
      let out: unknown;
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        out = await f();
        ms = Math.min(ms, performance.now() - t);
      }
      return { ms: Math.round(ms), out };
    };
    await viaRollup(); // warm-up
    const rollup = await best(viaRollup);
    const plain = await best(viaPlain, 2);
    const agrees = JSON.stringify(rollup.out) === JSON.stringify(plain.out);
    if (!agrees) {
      const a = rollup.out as { month: string; grids: unknown[] }[];
      const b = plain.out as { month: string; grids: unknown[] }[];
      const i = a.findIndex((m, k) => JSON.stringify(m) !== JSON.stringify(b[k]));
      const j = a[i]!.grids.findIndex((g, k) => JSON.stringify(g) !== JSON.stringify(b[i]!.grids[k]));
      log(
        `${tag}: answers differ in ${a[i]!.month}: ${JSON.stringify(a[i]!.grids[j])} vs ${JSON.stringify(b[i]!.grids[j])}`,
      );
    }
    const sizeMb = pgUrl ? await pgSizeMb(pgUrl, schema!.schema) : sqliteSizeMb(file);
    const r = {
      database: tag,
      grids: grids.length,
      days: days.length,
      patrols: grids.length * days.length * PER_DAY,
      trackPoints: points,
      loadS,
      coverage: {
        byGridAndMonthMs: rollup.ms,
        plainGroupByMs: plain.ms,
        targetMs: 300,
        targetMet: rollup.ms < 300,
        agrees,
      },
      storage: {
        blobBytesPerPoint: +(blobBytes / points).toFixed(2),
        jsonBytesPerPoint: +(jsonBytes / jsonPoints).toFixed(1),
        jsonArrayBytesPerPoint: +(arrayBytes / jsonPoints).toFixed(1),
        encodeMicrosPerPatrol: +((encodeMs * 1000) / (grids.length * days.length * PER_DAY)).toFixed(1),
        databaseMb: Math.round(sizeMb),
        blobMb: Math.round(blobBytes / 1_048_576),
      },
      coverageSample: (rollup.out as { month: string; ratio: number; neverWalked: string[] }[])
        .slice(-1)
        .map((m) => ({ month: m.month, ratio: +m.ratio.toFixed(3), neverWalked: m.neverWalked.length })),
      periodDays: daysInPeriod(firstDay, lastDay),
    };
    log(
      `${tag}: coverage by grid and month over ${days.length} days: roll-up ${r.coverage.byGridAndMonthMs} ms ` +
        `(target < 300 ms ${r.coverage.targetMet ? 'met' : 'NOT met'}) vs plain GROUP BY ${r.coverage.plainGroupByMs} ms; ` +
        `answers agree: ${agrees}; ${r.storage.blobBytesPerPoint} B/point encoded vs ${r.storage.jsonBytesPerPoint} B/point JSON`,
    );
    await database.close();
    return r;
  } finally {
    await schema?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
