import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, localDateOf } from '../src/kernel/calendar/dates.js';
import { sql } from 'kysely';
import type { Database } from '../src/kernel/db/db.js';
import { OWNER_ROLES } from '../src/contracts/measures.js';
import { districtFollowUpLists, type ListLine } from '../src/modules/measures/commands/district-lists.js';
import { measureStore } from '../src/modules/measures/store/measure.store.js';
import { completenessOf, endDayOf, followUpDays } from '../src/modules/measures/domain/measure-rules.js';
import { pgSchema } from './ledger-db.js';
import { prepareDistrict, uuidAt } from './ledger-district.js';

/*
 * Home measures (issue 12, "Measured (bench/people)" item (b)): 50,000 people under home measures
 * among 1,000,000 residents of the demo district's 491 small grids, each measure 14 days long with its
 * four owners (the community's cadre, one 街道干部 per sub-district, 150 民警 and 200 医生), started
 * over the last two weeks, so all 50,000 are open today; their 700,000 follow-up rows generated as
 * startMeasure writes them (days before today recorded or missed, today's pending).
 *
 * Measured: the district's daily follow-up lists of today — every owner's list — through
 * districtFollowUpLists (one query over the day's follow-ups, target < 1 s), median of 5, beside a
 * per-person loop in the same run (for each open measure: its follow-up of the day, then its owners),
 * each answer checked against the generated data. The lists read measures, owners and follow-ups only
 * (the subject's name is kept on the measure), so the 1,000,000 residents are numbered, not loaded:
 * measure subjects are 50,000 distinct residents drawn from the million.
 *
 *   npm run bench -- measures [--scale 0.1]     (or MEASURES_SCALE; 1 = 50,000 measures)
 * With CIVICGRID_BENCH_PG_URL the same on PostgreSQL in a schema of its own, dropped afterwards.
 * MEASURES_DATABASES=sqlite or =postgres runs one of them.
 */

const MEASURES = 50_000;
const RESIDENTS = 1_000_000;
const LENGTH = 14;
const POLICE = 150;
const DOCTORS = 200;
const RUNS = 5;
const log = (msg: string): void => void process.stderr.write(`[measures] ${msg}\n`);

function scaleOf(): number {
  const i = process.argv.indexOf('--scale');
  const s = Number((i >= 0 ? process.argv[i + 1] : process.env.MEASURES_SCALE) ?? 1);
  if (!(s > 0 && s <= 4)) throw new Error('--scale must be a number in (0, 4]');
  return s;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function insertChunks(database: Database, table: string, rows: Record<string, unknown>[], per: number) {
  const db = database.db;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += per)
      await trx
        .insertInto(table as 'measures')
        .values(rows.slice(i, i + per) as never)
        .execute();
  });
}

/** The per-person loop: every open measure of the district, one by one — its follow-up of the day, its owners. */
async function perPersonLists(database: Database, districtCode: string, day: string) {
  const db = database.db;
  const lists = new Map<string, ListLine[]>();
  const measures = await db
    .selectFrom('measures')
    .select(['id', 'subject_name'])
    .where('district_code', '=', districtCode)
    .where('status', '=', 'open')
    .execute();
  for (const m of measures) {
    const f = await db
      .selectFrom('measure_follow_ups')
      .select('status')
      .where('measure_id', '=', m.id)
      .where('day', '=', day)
      .executeTakeFirst();
    if (!f) continue;
    const owners = await db
      .selectFrom('measure_owners')
      .select(['account_id', 'role'])
      .where('measure_id', '=', m.id)
      .execute();
    for (const o of owners) {
      let list = lists.get(o.account_id);
      if (!list) lists.set(o.account_id, (list = []));
      list.push({ measureId: m.id, role: o.role, subjectName: m.subject_name, status: f.status });
    }
  }
  return lists;
}

/** Lists as comparable text: per owner, its measures and statuses in measure order. */
function fingerprint(lists: Map<string, ListLine[]>): string {
  return [...lists]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([a, l]) =>
        `${a}:${[...l]
          .sort((x, y) => (x.measureId < y.measureId ? -1 : 1))
          .map((x) => `${x.measureId}/${x.role}/${x.status}`)
          .join(',')}`,
    )
    .join('\n');
}

async function benchOn(opts: { scale: number; pgUrl?: string }) {
  const tag = opts.pgUrl ? 'postgres' : 'sqlite';
  const n = Math.round(MEASURES * opts.scale);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-measures-'));
  const schema = opts.pgUrl ? await pgSchema(opts.pgUrl) : null;
  const now = new Date();
  const today = localDateOf(now);
  try {
    const t0 = performance.now();
    const district = await prepareDistrict({ dataDir, now, databaseUrl: opts.pgUrl, pgSchema: schema?.schema });
    const { world, database } = district;
    const dc = district.config.districtCode;
    log(
      `${tag}: district ready in ${Math.round((performance.now() - t0) / 1000)} s, ${world.grids.length} small grids`,
    );

    // Generate: 50,000 distinct residents of the million, their grids, owners and follow-ups.
    const rnd = rng(20_261_207);
    const picked = new Set<number>();
    while (picked.size < n) picked.add(Math.floor(rnd() * RESIDENTS * opts.scale));
    const police = Array.from({ length: POLICE }, () => uuidAt(now.getTime()));
    const doctors = Array.from({ length: DOCTORS }, () => uuidAt(now.getTime()));
    const streetCadre = new Map<string, string>();
    const measures: Record<string, unknown>[] = [];
    const owners: Record<string, unknown>[] = [];
    const followUps: Record<string, unknown>[] = [];
    const expected = new Map<string, ListLine[]>();
    const counts = { seen: 0, due: 0 };
    const iso = now.toISOString();
    for (const resident of picked) {
      const g = world.grids[Math.floor(rnd() * world.grids.length)]!;
      if (!streetCadre.has(g.subdistrictId)) streetCadre.set(g.subdistrictId, uuidAt(now.getTime()));
      const id = uuidAt(now.getTime() - Math.floor(rnd() * 14 * 86_400_000));
      const start = addDays(today, -Math.floor(rnd() * LENGTH));
      const name = `居民${resident}`;
      measures.push({
        id,
        district_code: dc,
        resident_id: `00000000-0000-7000-8000-${String(resident).padStart(12, '0')}`,
        subject_name: name,
        household_address: null,
        grid_path: g.path,
        community_id: g.communityId,
        subdistrict_id: g.subdistrictId,
        type: rnd() < 0.7 ? 'home_isolation' : 'home_monitoring',
        start_day: start,
        length_days: LENGTH,
        end_day: endDayOf(start, LENGTH),
        test_days: '[]',
        status: 'open',
        ended_on: null,
        note: null,
        created_by: g.community.accountId,
        created_at: iso,
        updated_at: iso,
      });
      const who = {
        subdistrict: streetCadre.get(g.subdistrictId)!,
        community: g.community.accountId,
        police: police[Math.floor(rnd() * POLICE)]!,
        doctor: doctors[Math.floor(rnd() * DOCTORS)]!,
      };
      Object.assign(measures.at(-1)!, {
        owner_subdistrict: who.subdistrict,
        owner_community: who.community,
        owner_police: who.police,
        owner_doctor: who.doctor,
      });
      for (const role of OWNER_ROLES)
        owners.push({ measure_id: id, role, account_id: who[role], account_name: `${role}` });
      const rows = followUpDays(start, LENGTH).map((day) => {
        const r = rnd();
        const status =
          day < today
            ? r < 0.9
              ? 'seen_ok'
              : r < 0.95
                ? 'seen_not_ok'
                : 'missed'
            : day === today && r < 0.4
              ? 'seen_ok'
              : 'not_performed';
        return { day, status };
      });
      const c = completenessOf(rows as Parameters<typeof completenessOf>[0], today);
      counts.seen += c.seen;
      counts.due += c.due;
      for (const r of rows)
        followUps.push({
          measure_id: id,
          day: r.day,
          status: r.status,
          method: r.status === 'not_performed' ? null : 'visit',
          temperature: null,
          note: null,
          recorded_by: r.status === 'not_performed' || r.status === 'missed' ? null : who.doctor,
          recorded_by_name: null,
          recorded_role: null,
          recorded_at: null,
        });
      const todays = rows.find((r) => r.day === today)!;
      for (const role of OWNER_ROLES) {
        let l = expected.get(who[role]);
        if (!l) expected.set(who[role], (l = []));
        l.push({ measureId: id, role, subjectName: name, status: todays.status });
      }
    }
    const t1 = performance.now();
    await insertChunks(database, 'measures', measures, 500);
    await insertChunks(database, 'measure_owners', owners, 1000);
    await insertChunks(database, 'measure_follow_ups', followUps, 1000);
    // Statistics, as a database that has lived a while has them (PostgreSQL's autovacuum, SQLite's ANALYZE).
    await sql`ANALYZE`.execute(database.db);
    const loadMs = performance.now() - t1;
    log(
      `${tag}: loaded ${n} measures, ${owners.length} owners, ${followUps.length} follow-ups in ${Math.round(loadMs / 1000)} s`,
    );

    if (process.env.MEASURES_PLAN === '1') {
      const explain = opts.pgUrl ? sql`EXPLAIN ANALYZE` : sql`EXPLAIN QUERY PLAN`;
      const plan = await sql`${explain} SELECT f.measure_id, f.status, m.subject_name, m.owner_police
        FROM measure_follow_ups f JOIN measures m ON m.id = f.measure_id
        WHERE f.day = ${today} AND m.district_code = ${dc} AND m.status = 'open'`.execute(database.db);
      log(JSON.stringify(plan.rows));
    }
    // The lists, through the command: median of RUNS.
    const want = fingerprint(expected);
    const times: number[] = [];
    const queryTimes: number[] = [];
    let lines = 0;
    let last = new Map<string, ListLine[]>();
    for (let i = 0; i < RUNS; i++) {
      const tq = performance.now();
      await measureStore.dueOfDistrict(database.db, dc, today);
      queryTimes.push(performance.now() - tq);
      const t = performance.now();
      last = await districtFollowUpLists(database.db, dc, today);
      times.push(performance.now() - t);
    }
    // Checked after the timed runs (the comparison's garbage would land in the next run's time).
    if (fingerprint(last) !== want) throw new Error(`${tag}: the district's lists differ from the generated data`);
    lines = [...last.values()].reduce((a, l) => a + l.length, 0);
    // The per-person loop, once (it is the slow one), checked the same way.
    const tl = performance.now();
    const loop = await perPersonLists(database, dc, today);
    const loopMs = performance.now() - tl;
    if (fingerprint(loop) !== want) throw new Error(`${tag}: the per-person loop's lists differ`);
    const listMs = median(times);
    await database.close();
    const figures = {
      measures: n,
      residents: Math.round(RESIDENTS * opts.scale),
      followUpRows: followUps.length,
      owners: expected.size,
      listLines: lines,
      completeness: Math.round((counts.seen / counts.due) * 1000) / 1000,
      loadMs: Math.round(loadMs),
      districtListsMs: Math.round(listMs),
      districtListsRunsMs: times.map((t) => Math.round(t)),
      queryOnlyMs: Math.round(median(queryTimes)),
      perPersonLoopMs: Math.round(loopMs),
      ratioLoopOverSet: Math.round((loopMs / listMs) * 10) / 10,
      targetMs: 1000,
      withinTarget: listMs < 1000,
    };
    log(`${tag}: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    if (schema) await schema.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const scale = scaleOf();
  const started = performance.now();
  const only = (process.env.MEASURES_DATABASES ?? 'sqlite,postgres').split(',');
  const sqlite = only.includes('sqlite') ? await benchOn({ scale }) : undefined;
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const postgres = pgUrl && only.includes('postgres') ? await benchOn({ scale, pgUrl }) : undefined;
  if (!pgUrl) log('PostgreSQL not measured: set CIVICGRID_BENCH_PG_URL to measure it too');
  return {
    scale,
    ...(sqlite ? { sqlite } : {}),
    ...(postgres ? { postgres } : {}),
    totalMs: Math.round(performance.now() - started),
  };
}
