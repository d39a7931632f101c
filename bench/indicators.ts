import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, localDateOf } from '../src/kernel/calendar/dates.js';
import { systemClock } from '../src/kernel/clock.js';
import { indicatorSums } from '../src/modules/campaigns/commands/indicator-figures.js';
import type { CampaignsDeps } from '../src/modules/campaigns/deps.js';
import { indicatorStore } from '../src/modules/campaigns/store/indicator.store.js';
import { startsWith } from '../src/kernel/db/dialect.js';
import { createOrgApi } from '../src/modules/org/index.js';
import { LocateService } from '../src/modules/org/locate-service.js';
import { pgSchema } from './ledger-db.js';
import { prepareDistrict, uuidAt } from './ledger-district.js';

/*
 * Work indicators (issue 13, "Measured (bench/patrols)": indicator sums for every sub-district over a
 * quarter, target < 200 ms). The demo district's 491 small grids and 38 communities with one year of
 * entries of six entered indicators (宣传牌 处, 宣传彩页 份, 小广告 张, 杂物 处, 线缆 米, 线杆 根): every
 * grid worker enters about two a day, every community one a day, so ~400,000 entries.
 *
 * Measured: the unit × month table of every indicator for the district — its seven sub-districts over
 * the last full quarter — through indicatorSums (one GROUP BY recording path and month, then the pure
 * roll-up), all six indicators, median of 5; beside a naive baseline in the same run (one SUM per
 * sub-district, month and indicator with a path prefix), the two answers checked equal.
 *
 *   npm run bench -- indicators [--scale 0.25]     (or INDICATORS_SCALE; 1 = a year)
 *
 * With CIVICGRID_BENCH_PG_URL the same again on PostgreSQL in a schema of its own, dropped afterwards;
 * INDICATORS_DATABASES=sqlite or =postgres runs one of them.
 */

const RUNS = 5;
const log = (msg: string): void => void process.stderr.write(`[indicators] ${msg}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

const INDICATORS: [string, string, number][] = [
  ['更换小区宣传牌', '处', 3],
  ['发放宣传彩页', '份', 200],
  ['清理小广告', '张', 40],
  ['整治堆积杂物', '处', 5],
  ['整理空中线缆', '米', 300],
  ['规整线杆', '根', 6],
];

export async function run(): Promise<Record<string, unknown>> {
  const i = process.argv.indexOf('--scale');
  const scale = Number((i >= 0 ? process.argv[i + 1] : process.env.INDICATORS_SCALE) ?? 1);
  const only = (process.env.INDICATORS_DATABASES ?? 'sqlite,postgres').split(',');
  const sqlite = only.includes('sqlite') ? await benchOn(scale) : undefined;
  const pgUrl = process.env.CIVICGRID_BENCH_PG_URL;
  const postgres = pgUrl && only.includes('postgres') ? await benchOn(scale, pgUrl) : undefined;
  if (!pgUrl) log('PostgreSQL not measured: set CIVICGRID_BENCH_PG_URL to measure it too');
  return { ...(sqlite ? { sqlite } : {}), ...(postgres ? { postgres } : {}) };
}

async function benchOn(scale: number, pgUrl?: string): Promise<Record<string, unknown>> {
  const days = Math.max(92, Math.round(365 * scale));
  const now = new Date();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-bench-indicators-'));
  const schema = pgUrl ? await pgSchema(pgUrl) : null;
  try {
    const t0 = performance.now();
    const district = await prepareDistrict({ dataDir, now, databaseUrl: pgUrl, pgSchema: schema?.schema });
    const { world, database } = district;
    const db = database.db;
    const dc = district.config.districtCode;
    const iso = now.toISOString();
    const ids = INDICATORS.map(() => uuidAt(now.getTime()));
    await db
      .insertInto('indicators')
      .values(
        INDICATORS.map(([name, unit], k) => ({
          id: ids[k]!,
          district_code: dc,
          name,
          measure_unit: unit,
          kind: 'entered',
          source: null,
          categories: '[]',
          phrase: null,
          sort_order: k,
          active: 1,
          created_by: world.admin.accountId,
          created_at: iso,
          updated_at: iso,
        })),
      )
      .execute();

    // A year of entries up to yesterday: grid workers ~2 a day, communities 1 a day.
    const today = localDateOf(now);
    const first = addDays(today, -days);
    const rnd = rng(20_261_208);
    const communities = new Map(world.grids.map((g) => [g.communityId, g]));
    const communityPaths = new Map(
      (
        await db
          .selectFrom('units')
          .select(['id', 'path'])
          .where('id', 'in', [...communities.keys()])
          .execute()
      ).map((u) => [u.id, u.path]),
    );
    const rows: Parameters<typeof indicatorStore.insertEntries>[1] = [];
    const entry = (unitId: string, unitPath: string, day: string, by: string) => {
      const k = Math.floor(rnd() * INDICATORS.length);
      rows.push({
        id: uuidAt(now.getTime()),
        district_code: dc,
        indicator_id: ids[k]!,
        unit_id: unitId,
        unit_path: unitPath,
        day,
        quantity: 1 + Math.floor(rnd() * INDICATORS[k]![2]),
        campaign_id: null,
        note: null,
        recorded_by: by,
        recorded_by_name: '网格员',
        recorded_at: iso,
      });
    };
    for (let day = first; day < today; day = addDays(day, 1)) {
      for (const g of world.grids) {
        const n = rnd() < 0.5 ? 1 : rnd() < 0.5 ? 2 : 3;
        for (let j = 0; j < n; j++) entry(g.id, g.path, day, g.worker.accountId);
      }
      for (const [id, g] of communities) entry(id, communityPaths.get(id)!, day, g.community.accountId);
    }
    await db.transaction().execute(async (trx) => indicatorStore.insertEntries(trx, rows));
    // Statistics for the planner, as a running district has them after a day of autovacuum / ANALYZE.
    await sql`ANALYZE`.execute(db);
    log(`district and ${rows.length} entries ready in ${Math.round((performance.now() - t0) / 1000)} s`);

    // The last full quarter before today.
    const m = Number(today.slice(5, 7));
    let qy = Number(today.slice(0, 4));
    let q = Math.floor((m - 1) / 3); // the current quarter's index, 0-based
    if (q === 0) [qy, q] = [qy - 1, 4];
    const qFirstMonth = (q - 1) * 3 + 1;
    const months = [0, 1, 2].map((d) => `${qy}-${String(qFirstMonth + d).padStart(2, '0')}`);
    const from = months[0]!;
    const to = months[2]!;
    const monthEnd = (mm: string) =>
      new Date(Date.UTC(Number(mm.slice(0, 4)), Number(mm.slice(5, 7)), 0)).toISOString().slice(0, 10);

    const org = createOrgApi({ database, locator: new LocateService(database, systemClock) });
    const deps: CampaignsDeps = { database, clock: systemClock, config: district.config, org, figures: () => [] };
    const admin = await org.actorFor(db, 'admin');
    const root = (await org.unit(db, admin.unitId))!;
    const subs = await org.children(db, root.id);

    const ours = async () => {
      const out: number[][] = [];
      for (const id of ids) {
        const t = await indicatorSums(deps, admin, id, { unitId: root.id, from, to });
        for (const s of subs) out.push(t.rows.find((r) => r.unitId === s.id)!.values);
      }
      return out;
    };
    const naive = async () => {
      const out: number[][] = [];
      for (const id of ids)
        for (const s of subs) {
          const values: number[] = [];
          for (const mm of months) {
            const r = await db
              .selectFrom('indicator_entries')
              .select((eb) => eb.fn.sum<number | string>('quantity').as('q'))
              .where('district_code', '=', dc)
              .where('indicator_id', '=', id)
              .where('day', '>=', `${mm}-01`)
              .where('day', '<=', monthEnd(mm))
              .where(startsWith('unit_path', s.path))
              .executeTakeFirstOrThrow();
            values.push(Number(r.q ?? 0));
          }
          out.push(values);
        }
      return out;
    };
    const time = async (fn: () => Promise<number[][]>) => {
      const ms: number[] = [];
      let answer: number[][] = [];
      for (let k = 0; k < RUNS; k++) {
        const t = performance.now();
        answer = await fn();
        ms.push(performance.now() - t);
      }
      return { ms: Math.round(median(ms) * 10) / 10, answer };
    };
    const a = await time(ours);
    const b = await time(naive);
    const same = JSON.stringify(a.answer) === JSON.stringify(b.answer);
    if (!same) throw new Error('the roll-up and the naive sums disagree');
    const result = {
      database: pgUrl ? 'postgres' : 'sqlite',
      entries: rows.length,
      days,
      indicators: ids.length,
      subdistricts: subs.filter((s) => s.kind === 'subdistrict').length,
      rowsPerTable: subs.length,
      quarter: `${from}..${to}`,
      sumsAllIndicatorsMs: a.ms,
      sumsPerIndicatorMs: Math.round((a.ms / ids.length) * 10) / 10,
      naiveAllIndicatorsMs: b.ms,
      naiveQueries: ids.length * subs.length * months.length,
      answersEqual: same,
      targetMs: 200,
    };
    await database.close();
    return result;
  } finally {
    await schema?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
