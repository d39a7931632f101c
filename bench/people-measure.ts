import type { Actor } from '../src/kernel/auth/actor.js';
import type { ResidentListQuery, RoundHouseholdQuery } from '../src/contracts/population.js';
import { listResidents } from '../src/modules/population/commands/list-residents.js';
import { coverageByGrid, roundCoverage } from '../src/modules/population/commands/round-coverage.js';
import { roundHouseholds } from '../src/modules/population/commands/round-households.js';
import { recordVisit } from '../src/modules/population/commands/record-visit.js';
import type { PopulationDeps } from '../src/modules/population/deps.js';
import { addCounts, NO_COUNTS, type CoverageCounts } from '../src/modules/population/domain/coverage.js';
import { rollupStore } from '../src/modules/population/store/rollup.store.js';
import type { RoundRow } from '../src/modules/population/store/round.store.js';
import type { BaselineDb } from './ledger-db.js';
import { percentile, round } from './ledger-http.js';
import { seeded } from './ledger-lifecycles.js';
import type { PeopleGrid } from './people-generate.js';

/*
 * The people bench's measurements, each through the command the HTTP route calls (in process, as
 * bench/reporting and bench/supervision do) beside a plain SQL baseline on its own connection in
 * the same run, and each answer checked against the generator's fold or the baseline.
 */

export const log = (msg: string): void => void process.stderr.write(`[people] ${msg}\n`);

export interface Ctx {
  tag: string;
  deps: PopulationDeps;
  base: BaselineDb;
  round: RoundRow;
  districtPath: string;
  grids: readonly PeopleGrid[];
  /** The domain's coverage per grid, as generated. */
  truth: Map<string, CoverageCounts>;
  /** Some residents' names per community. */
  names: Map<string, string[]>;
  /** Actor of a grid's worker, of a community's staff, by unit id. */
  actorOf: (unitId: string) => Promise<Actor>;
  leader: Actor;
}

export interface Runs {
  ms: number[];
  p50: number;
  p95: number;
}

function runsOf(ms: number[]): Runs {
  return { ms, p50: round(percentile(ms, 50), 2), p95: round(percentile(ms, 95), 2) };
}

/** Up to n calls, fewer (at least 5) once `budgetMs` is spent: a slow query must not hold the run for an hour. */
async function timed<T>(n: number, fn: (i: number) => Promise<T>, budgetMs = 60_000): Promise<Runs & { last: T }> {
  const ms: number[] = [];
  let last!: T;
  const started = performance.now();
  for (let i = 0; i < n && (i < 5 || performance.now() - started < budgetMs); i++) {
    const t = performance.now();
    last = await fn(i);
    ms.push(round(performance.now() - t, 2));
  }
  return { ...runsOf(ms), last };
}

const same = (a: CoverageCounts | undefined, b: CoverageCounts | undefined) =>
  (a ?? NO_COUNTS).households === (b ?? NO_COUNTS).households &&
  (a ?? NO_COUNTS).visited === (b ?? NO_COUNTS).visited &&
  (a ?? NO_COUNTS).verified === (b ?? NO_COUNTS).verified &&
  (a ?? NO_COUNTS).absentOnly === (b ?? NO_COUNTS).absentOnly;

function loud(ctx: Ctx, what: string, problems: string[]): boolean {
  if (!problems.length) return true;
  log(`${ctx.tag}: !!!!!!!! MISMATCH in ${what}: ${problems.length} difference(s) !!!!!!!!`);
  for (const p of problems.slice(0, 10)) log(`${ctx.tag}:   ${p}`);
  return false;
}

/**
 * coverageByGrid as it stands, (ex, round, path), or as the fix proposed with this bench would make
 * it, (deps, ex, round, path): the bench measures either.
 */
function coverageOf(ctx: Ctx, path: string): Promise<Map<string, CoverageCounts>> {
  const fn = coverageByGrid as unknown as (...args: unknown[]) => Promise<Map<string, CoverageCounts>>;
  const db = ctx.deps.database.db;
  return fn.length >= 4 ? fn(ctx.deps, db, ctx.round, path) : fn(db, ctx.round, path);
}

/** The plain baseline: active households per grid, and households visited (DISTINCT) per grid, one GROUP BY each. */
export const COVERAGE_BASELINE = `SELECT h.grid_id AS grid_id, h.n AS households, coalesce(v.visited, 0) AS visited
FROM (SELECT grid_id, count(*) AS n FROM pop_households WHERE district_code = ? AND status = 'active' GROUP BY grid_id) h
LEFT JOIN (SELECT v.grid_id, count(DISTINCT v.household_id) AS visited FROM pop_visits v
  JOIN pop_households x ON x.id = v.household_id WHERE v.round_id = ? AND x.status = 'active' GROUP BY v.grid_id) v
ON v.grid_id = h.grid_id`;

/** Verified and absent-only folded from the visits themselves (not from the round's state rows): the check. */
const VISITS_FOLD = `SELECT grid_id, count(*) AS visited, sum(verified) AS verified, sum(absent_only) AS absent_only FROM (
  SELECT v.grid_id AS grid_id, max(CASE WHEN v.result = 'verified' THEN 1 ELSE 0 END) AS verified,
    min(CASE WHEN v.result = 'absent' THEN 1 ELSE 0 END) AS absent_only
  FROM pop_visits v JOIN pop_households h ON h.id = v.household_id
  WHERE v.round_id = ? AND h.status = 'active' GROUP BY v.grid_id, v.household_id) x GROUP BY grid_id`;

/** (c) Coverage of the whole district by grid, and the district's roll-up by sub-district. */
export async function measureCoverage(ctx: Ctx, runs: number) {
  const dc = ctx.round.district_code;
  await coverageOf(ctx, ctx.districtPath);
  const byGrid = await timed(runs, () => coverageOf(ctx, ctx.districtPath));
  const rollup = await timed(runs, () => roundCoverage(ctx.deps, ctx.leader, ctx.round.id, {}));
  await ctx.base.all(COVERAGE_BASELINE, [dc, ctx.round.id]);
  const base = await timed(runs, () => ctx.base.all(COVERAGE_BASELINE, [dc, ctx.round.id]));

  const problems: string[] = [];
  const got = byGrid.last;
  for (const [grid, want] of ctx.truth)
    if (!same(got.get(grid), want))
      problems.push(`grid ${grid}: command ${JSON.stringify(got.get(grid))}, generated ${JSON.stringify(want)}`);
  for (const grid of got.keys()) if (!ctx.truth.has(grid)) problems.push(`grid ${grid}: command only`);
  for (const r of base.last) {
    const want = ctx.truth.get(String(r.grid_id)) ?? NO_COUNTS;
    if (Number(r.households) !== want.households || Number(r.visited) !== want.visited)
      problems.push(
        `grid ${String(r.grid_id)}: baseline ${r.households}/${r.visited}, generated ${want.households}/${want.visited}`,
      );
  }
  if (base.last.length !== [...ctx.truth.values()].filter((c) => c.households > 0).length)
    problems.push(`baseline has ${base.last.length} grids`);
  for (const r of await ctx.base.all(VISITS_FOLD, [ctx.round.id])) {
    const want = ctx.truth.get(String(r.grid_id)) ?? NO_COUNTS;
    if (
      Number(r.visited) !== want.visited ||
      Number(r.verified) !== want.verified ||
      Number(r.absent_only) !== want.absentOnly
    )
      problems.push(
        `grid ${String(r.grid_id)}: visits fold ${r.visited}/${r.verified}/${r.absent_only}, generated ${want.visited}/${want.verified}/${want.absentOnly}`,
      );
  }
  // The roll-up: one row per sub-district, each the sum of its grids.
  const depth = ctx.districtPath.split('/').filter(Boolean).length;
  const perSub = new Map<string, CoverageCounts>();
  for (const g of ctx.grids) {
    const sub = g.path.split('/').filter(Boolean)[depth]!;
    perSub.set(sub, addCounts(perSub.get(sub) ?? NO_COUNTS, ctx.truth.get(g.id) ?? NO_COUNTS));
  }
  const rows = rollup.last.rows;
  for (const r of rows) if (!same(r.counts, perSub.get(r.id))) problems.push(`sub-district ${r.name}: roll-up differs`);
  if (rows.length !== perSub.size) problems.push(`roll-up has ${rows.length} rows, expected ${perSub.size}`);
  let total = NO_COUNTS;
  for (const c of ctx.truth.values()) total = addCounts(total, c);
  if (!same(rollup.last.total, total))
    problems.push(`total ${JSON.stringify(rollup.last.total)} vs ${JSON.stringify(total)}`);
  const agrees = loud(ctx, 'coverage', problems);
  log(
    `${ctx.tag}: (c) coverageByGrid ${byGrid.ms.join(' / ')} ms; roundCoverage (district, ${rows.length} rows) ${rollup.ms.join(' / ')} ms; baseline GROUP BY ${base.ms.join(' / ')} ms; ${agrees ? 'answers agree' : 'ANSWERS DIFFER'}`,
  );
  return {
    grids: got.size,
    total,
    coverageByGrid: { ms: byGrid.ms, medianMs: byGrid.p50 },
    roundCoverage: { ms: rollup.ms, medianMs: rollup.p50, rows: rows.length },
    baseline: { ms: base.ms, medianMs: base.p50 },
    agrees,
  };
}

/** (d) The phone's 敲门 list of one grid, as that grid's worker, over random grids. */
export async function measurePhoneList(ctx: Ctx, n: number) {
  const rnd = seeded(12);
  const grids = Array.from({ length: n + 20 }, () => ctx.grids[Math.floor(rnd() * ctx.grids.length)]!);
  const actors = new Map<string, Actor>();
  for (const g of new Set(grids)) actors.set(g.id, await ctx.actorOf(g.id));
  const call = (g: PeopleGrid) => roundHouseholds(ctx.deps, actors.get(g.id)!, ctx.round.id, {} as RoundHouseholdQuery);
  for (const g of grids.slice(n)) await call(g);
  const problems: string[] = [];
  const cmd = await timed(n, async (i) => {
    const r = await call(grids[i]!);
    const want = ctx.truth.get(grids[i]!.id)!;
    const visited = r.items.filter((x) => x.visits > 0).length;
    if (r.items.length !== want.households || visited !== want.visited)
      problems.push(
        `grid ${grids[i]!.id}: ${r.items.length} households, ${visited} visited; generated ${want.households}, ${want.visited}`,
      );
    return r.items.length;
  });
  // The same grids a page of 50 doors at a time (limit + cursor): the first page, and every page
  // walked to the end agrees with the whole list.
  const PAGE = 50;
  const pageCall = (g: PeopleGrid, cursor?: string) =>
    roundHouseholds(ctx.deps, actors.get(g.id)!, ctx.round.id, { limit: PAGE, cursor } as RoundHouseholdQuery);
  for (const g of grids.slice(n)) await pageCall(g);
  const paged = await timed(cmd.ms.length, (i) => pageCall(grids[i]!));
  for (const g of new Set(grids.slice(0, 5))) {
    const whole = await call(g);
    const walked: typeof whole.items = [];
    let cursor: string | undefined;
    do {
      const r = await pageCall(g, cursor);
      walked.push(...r.items);
      cursor = r.nextCursor ?? undefined;
    } while (cursor);
    if (JSON.stringify(walked) !== JSON.stringify(whole.items))
      problems.push(`grid ${g.id}: pages differ from the list`);
  }
  const SQL = `SELECT * FROM pop_households WHERE grid_id = ? AND status = 'active' ORDER BY address, id`;
  for (const g of grids.slice(n)) await ctx.base.all(SQL, [g.id]);
  const base = await timed(cmd.ms.length, (i) => ctx.base.all(SQL, [grids[i]!.id]));
  const sizes = grids.slice(0, n).map((g) => ctx.truth.get(g.id)!.households);
  const agrees = loud(ctx, 'phone list', problems);
  log(`${ctx.tag}: (d) a page of ${PAGE} doors: p50 ${paged.p50} ms, p95 ${paged.p95} ms`);
  log(
    `${ctx.tag}: (d) roundHouseholds over ${n} grids (${Math.min(...sizes)}–${Math.max(...sizes)} households): p50 ${cmd.p50} ms, p95 ${cmd.p95} ms, max ${Math.max(...cmd.ms)} ms; plain SELECT p50 ${base.p50} ms, p95 ${base.p95} ms; ${agrees ? 'answers agree' : 'ANSWERS DIFFER'}`,
  );
  return {
    calls: cmd.ms.length,
    households: { min: Math.min(...sizes), max: Math.max(...sizes) },
    p50Ms: cmd.p50,
    p95Ms: cmd.p95,
    maxMs: Math.max(...cmd.ms),
    baselineP50Ms: base.p50,
    baselineP95Ms: base.p95,
    page: { size: PAGE, p50Ms: paged.p50, p95Ms: paged.p95 },
    agrees,
  };
}

/** The residents list of a community (first page, 50 by name), and a search by name in it and in the district. */
export async function measureResidents(ctx: Ctx, n: number) {
  const rnd = seeded(34);
  const communities = [...ctx.names.keys()];
  const picks = Array.from({ length: n + 10 }, () => communities[Math.floor(rnd() * communities.length)]!);
  const actors = new Map<string, Actor>();
  for (const c of new Set(picks)) actors.set(c, await ctx.actorOf(c));
  const page = (c: string, q?: ResidentListQuery) => listResidents(ctx.deps, actors.get(c)!, { limit: 50, ...q });
  for (const c of picks.slice(n, n + 3)) await page(c);
  const problems: string[] = [];
  const list = await timed(
    n,
    async (i) => {
      const r = await page(picks[i]!);
      if (r.views.length !== 50 || !r.nextCursor) problems.push(`community ${picks[i]}: ${r.views.length} rows`);
      const names = r.views.map((v) => v.row.name);
      if (names.some((x, k) => k > 0 && x < names[k - 1]!)) problems.push(`community ${picks[i]}: not in name order`);
      return r;
    },
    30_000,
  );
  // Baseline: a plain indexed SELECT of 50 residents (one grid's, by name: a seek on pop_residents_path).
  const gridOf = new Map(ctx.grids.map((g) => [g.communityId, g.path]));
  const PAGE = 'SELECT * FROM pop_residents WHERE grid_path = ? ORDER BY name LIMIT 50';
  for (const c of picks.slice(n)) await ctx.base.all(PAGE, [gridOf.get(c)]);
  const listBase = await timed(list.ms.length, (i) => ctx.base.all(PAGE, [gridOf.get(picks[i]!)]));

  // Search by a name known to live in the community: community scope, then the whole district.
  const m = Math.min(n, 30);
  const needles = picks.slice(0, m).map((c) => ctx.names.get(c)![Math.floor(rnd() * ctx.names.get(c)!.length)]!);
  const search = await timed(
    m,
    async (i) => {
      const r = await page(picks[i]!, { q: needles[i] });
      if (!r.views.some((v) => v.row.name === needles[i])) problems.push(`search ${needles[i]}: not found`);
      return r;
    },
    20_000,
  );
  const districtSearch = await timed(
    Math.min(m, 10),
    async (i) => {
      const r = await listResidents(ctx.deps, ctx.leader, { limit: 50, q: needles[i] });
      if (!r.views.some((v) => v.row.name === needles[i])) problems.push(`district search ${needles[i]}: not found`);
      return r;
    },
    20_000,
  );
  // Baseline for a search: the store's own WHERE over the community's rows, run bare (no views, no count).
  const like = ctx.base.name === 'postgres' ? 'ILIKE' : 'LIKE';
  const SEARCH = `SELECT * FROM pop_residents WHERE district_code = ? AND grid_path LIKE ? AND name ${like} ? ORDER BY name, id LIMIT 51`;
  const pathOf = (c: string) => {
    const p = ctx.grids.find((g) => g.communityId === c)!.path;
    return p.slice(0, p.indexOf(c) + c.length + 1);
  };
  const searchBase = await timed(
    search.ms.length,
    (i) => ctx.base.all(SEARCH, [ctx.round.district_code, `${pathOf(picks[i]!)}%`, `%${needles[i]}%`]),
    20_000,
  );
  const agrees = loud(ctx, 'residents', problems);
  log(
    `${ctx.tag}: residents page (community, 50 rows): p50 ${list.p50} ms, p95 ${list.p95} ms; plain indexed SELECT of 50 p50 ${listBase.p50} ms, p95 ${listBase.p95} ms`,
  );
  log(
    `${ctx.tag}: search by name: community p50 ${search.p50} ms, p95 ${search.p95} ms (bare SQL p50 ${searchBase.p50} ms); district ${districtSearch.ms.join(' / ')} ms; ${agrees ? 'answers agree' : 'ANSWERS DIFFER'}`,
  );
  return {
    page: {
      calls: list.ms.length,
      p50Ms: list.p50,
      p95Ms: list.p95,
      baselineP50Ms: listBase.p50,
      baselineP95Ms: listBase.p95,
    },
    searchCommunity: {
      calls: search.ms.length,
      p50Ms: search.p50,
      p95Ms: search.p95,
      baselineP50Ms: searchBase.p50,
      baselineP95Ms: searchBase.p95,
    },
    searchDistrict: { ms: districtSearch.ms, p50Ms: districtSearch.p50 },
    agrees,
  };
}

/**
 * The generated rows are ones the commands take up: a grid worker records two visits through
 * recordVisit (a household never visited, and one found nobody-in before), and the coverage and the
 * state rows move exactly as the domain says.
 */
export async function checkWithRecordVisit(ctx: Ctx): Promise<boolean> {
  const db = ctx.deps.database.db;
  const grid = ctx.grids[Math.floor(ctx.grids.length / 2)]!;
  const actor = await ctx.actorOf(grid.id);
  const states = await db
    .selectFrom('pop_round_households as s')
    .innerJoin('pop_households as h', 'h.id', 's.household_id')
    .select(['s.household_id', 's.visits', 's.absent_only', 's.verified'])
    .where('s.round_id', '=', ctx.round.id)
    .where('s.grid_id', '=', grid.id)
    .where('h.status', '=', 'active')
    .execute();
  const visited = new Set(states.map((s) => s.household_id));
  const fresh = (
    await db
      .selectFrom('pop_households')
      .select('id')
      .where('grid_id', '=', grid.id)
      .where('status', '=', 'active')
      .execute()
  ).find((h) => !visited.has(h.id))!;
  const again = states.find((s) => s.absent_only === 1)!;
  const before = (await coverageOf(ctx, grid.path)).get(grid.id)!;
  const member = async (h: string) =>
    (
      await db
        .selectFrom('pop_residents')
        .select('id')
        .where('household_id', '=', h)
        .where('status', '=', 'active')
        .executeTakeFirst()
    )?.id;
  for (const h of [fresh.id, again.household_id]) {
    const m = await member(h);
    await recordVisit(ctx.deps, actor, ctx.round.id, {
      householdId: h,
      result: 'verified',
      presentResidentIds: m ? [m] : [],
    });
  }
  const after = (await coverageOf(ctx, grid.path)).get(grid.id)!;
  const state = await db
    .selectFrom('pop_round_households')
    .selectAll()
    .where('round_id', '=', ctx.round.id)
    .where('household_id', '=', again.household_id)
    .executeTakeFirstOrThrow();
  const problems: string[] = [];
  const want = {
    households: before.households,
    visited: before.visited + 1,
    verified: before.verified + 2,
    absentOnly: before.absentOnly - 1,
  };
  if (!same(after, want))
    problems.push(`coverage after two visits ${JSON.stringify(after)}, expected ${JSON.stringify(want)}`);
  if (
    state.visits !== again.visits + 1 ||
    state.verified !== 1 ||
    state.absent_only !== 0 ||
    state.last_result !== 'verified'
  )
    problems.push(`state after a second visit: ${JSON.stringify(state)}`);
  // The roll-up the visits moved equals its recompute from the base tables.
  const [stored, fold] = await Promise.all([rollupStore.stored(db), rollupStore.fold(db)]);
  const key = (xs: object[]) => JSON.stringify(xs.map((x) => JSON.stringify(x)).sort());
  if (key(stored.grids) !== key(fold.grids)) problems.push('households per grid: roll-up differs from its recompute');
  if (key(stored.rounds) !== key(fold.rounds))
    problems.push('visits per round and grid: roll-up differs from its recompute');
  const ok = loud(ctx, 'recordVisit over the generated rows', problems);
  if (ok) log(`${ctx.tag}: recordVisit over the generated rows: coverage, state and roll-up moved as the domain says`);
  return ok;
}
