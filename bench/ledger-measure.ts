import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { stateFromJson, type KpiCounts } from '../src/modules/cases/domain/index.js';
import type { ServerProcess } from './ledger-child.js';
import type { BaselineDb } from './ledger-db.js';
import type { KpiReference } from './ledger-generate.js';
import { percentile, round, type Client } from './ledger-http.js';
import { seeded, type World } from './ledger-lifecycles.js';
import { PROBLEMS, SEARCHES } from './ledger-words.js';

/** The four measurements of issue 3, each beside its baseline from the same run. */

const log = (msg: string): void => void process.stderr.write(`[ledger] ${msg}\n`);
const ms = (x: number) => round(x, 1);

/** Times an SQL call `n` times; p50/p95 in ms. */
async function timeSql(
  n: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50Ms: number; p95Ms: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return { p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), samples };
}

/** 1. POST /api/v1/cases as a grid worker vs GET /api/v1/auth/me on the same server. */
export async function measureCreate(
  client: Client,
  server: ServerProcess,
  world: World,
  worker: string,
  opts: { count: number; concurrency: number },
) {
  const rnd = seeded(42);
  const codes = world.categories.map((c) => c.code);
  const body = () => {
    const g = world.grids[Math.floor(rnd() * world.grids.length)];
    const p = Math.floor(rnd() * (g.points.length / 2)) * 2;
    const code = codes[Math.floor(rnd() * codes.length)];
    return {
      categoryCode: code,
      description: `七一路${PROBLEMS[code]?.[0] ?? '发现问题'}，请尽快处理`,
      location: { lng: g.points[p], lat: g.points[p + 1] },
    };
  };
  const me = () => ({ path: '/api/v1/auth/me', cookie: worker });
  const create = () => ({ method: 'POST', path: '/api/v1/cases', cookie: worker, json: body() });
  // Warm both routes up (JIT, caches), then the baseline, the creations, and the baseline again.
  await client.load({ concurrency: opts.concurrency, count: 200, maxMs: 10_000, make: create, expect: 201 });
  await client.load({ concurrency: opts.concurrency, count: 3000, maxMs: 5_000, make: me });
  const meBefore = await server.profiled('create-baseline-me', () =>
    client.load({ concurrency: opts.concurrency, count: 20_000, maxMs: 5_000, make: me }),
  );
  const created = await server.profiled('create', () =>
    client.load({ concurrency: opts.concurrency, count: opts.count, maxMs: 60_000, make: create, expect: 201 }),
  );
  const meAfter = await client.load({ concurrency: opts.concurrency, count: 20_000, maxMs: 5_000, make: me });
  for (const r of [meBefore, created, meAfter]) if (r.failures.length) log(`failures: ${r.failures.join(' | ')}`);
  const baselineRps = (meBefore.rps + meAfter.rps) / 2;
  log(
    `create: ${round(created.rps)} req/s (p50 ${ms(created.p50Ms)} ms, p95 ${ms(created.p95Ms)} ms, ${created.ok}/${created.requests} ok); /auth/me: ${round(meBefore.rps)} and ${round(meAfter.rps)} req/s`,
  );
  return {
    rps: round(created.rps),
    baselineRps: round(baselineRps),
    baselineRpsBeforeAfter: [round(meBefore.rps), round(meAfter.rps)],
    ratio: round(created.rps / baselineRps, 3),
    target: 0.3,
    meetsTarget: created.rps / baselineRps >= 0.3,
    requests: created.requests,
    ok: created.ok,
    concurrency: opts.concurrency,
    p50Ms: ms(created.p50Ms),
    p95Ms: ms(created.p95Ms),
    baselineP50Ms: ms(meBefore.p50Ms),
  };
}

/** 2. A sub-district's ledger page: scope + status + search, 50 rows; beside a plain indexed SELECT of 50 rows. */
export async function measureLedgerPage(
  client: Client,
  server: ServerProcess,
  base: BaselineDb,
  districtCode: string,
  clerk: string,
  n: number,
) {
  const rnd = seeded(3);
  const statuses = [
    'reported,escalated',
    'dispatched,handling',
    'pending_verification',
    'closed',
    'accepted,dispatched,handling,returned',
    'rejected',
  ];
  const queries = Array.from({ length: n + 20 }, () => {
    const short = rnd() < 0.3;
    const q = short
      ? SEARCHES.short[Math.floor(rnd() * SEARCHES.short.length)]
      : SEARCHES.trigram[Math.floor(rnd() * SEARCHES.trigram.length)];
    const status = statuses[Math.floor(rnd() * statuses.length)];
    return { q, short, status, path: `/api/v1/cases?status=${status}&q=${encodeURIComponent(q)}&limit=50` };
  });
  const lat: { ms: number; short: boolean; q: string; status: string; items: number }[] = [];
  const run = async (i: number) => {
    const x = queries[i];
    const res = await client.request({ path: x.path, cookie: clerk, timeoutMs: 120_000 });
    if (res.status !== 200) throw new Error(`ledger page ${x.path}: ${res.status} ${res.body.slice(0, 300)}`);
    return {
      ms: res.ms,
      short: x.short,
      q: x.q,
      status: x.status,
      items: (JSON.parse(res.body) as { items: unknown[] }).items.length,
    };
  };
  for (let i = n; i < n + 20; i++) await run(i);
  await server.profiled('ledger-page', async () => {
    for (let i = 0; i < n; i++) lat.push(await run(i));
  });
  const all = lat.map((x) => x.ms);
  const tri = lat.filter((x) => !x.short).map((x) => x.ms);
  const short = lat.filter((x) => x.short).map((x) => x.ms);
  const slowest = [...lat]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((x) => `${x.status} q=${x.q} ${ms(x.ms)}ms (${x.items} rows)`);
  // The route without search and without status, to see what the filters add.
  const floor = async (path: string) => {
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) xs.push((await client.request({ path, cookie: clerk, timeoutMs: 120_000 })).ms);
    return { p50Ms: ms(percentile(xs, 50)), p95Ms: ms(percentile(xs, 95)) };
  };
  const scopeOnly = await floor('/api/v1/cases?limit=50');
  const scopeStatus = await floor('/api/v1/cases?status=dispatched,handling&limit=50');
  const plainSql = 'SELECT * FROM cases WHERE district_code = ? AND status = ? ORDER BY id DESC LIMIT 50';
  const plain = ['reported', 'dispatched', 'handling', 'pending_verification', 'closed', 'rejected'];
  await timeSql(20, (i) => base.all(plainSql, [districtCode, plain[i % plain.length]]));
  const baseline = await timeSql(n, (i) => base.all(plainSql, [districtCode, plain[i % plain.length]]));
  log(
    `ledger page: p50 ${ms(percentile(all, 50))} ms, p95 ${ms(percentile(all, 95))} ms (3+ chars p95 ${ms(percentile(tri, 95))}, 2 chars p95 ${ms(percentile(short, 95))}); plain SELECT p50 ${ms(baseline.p50Ms)} p95 ${ms(baseline.p95Ms)} ms`,
  );
  log(`ledger page slowest: ${slowest.join('; ')}`);
  return {
    requests: lat.length,
    p50Ms: ms(percentile(all, 50)),
    p95Ms: ms(percentile(all, 95)),
    maxMs: ms(Math.max(...all)),
    baselineP50Ms: round(baseline.p50Ms, 2),
    baselineP95Ms: round(baseline.p95Ms, 2),
    target: 50,
    meetsTarget: percentile(all, 95) <= 50,
    trigramSearch: { requests: tri.length, p50Ms: ms(percentile(tri, 50)), p95Ms: ms(percentile(tri, 95)) },
    shortSearch: { requests: short.length, p50Ms: ms(percentile(short, 50)), p95Ms: ms(percentile(short, 95)) },
    scopeOnly,
    scopeStatus,
    slowest,
  };
}

/** 3. District KPIs for a year vs a plain GROUP BY over the raw rows; the answer checked against computeKpis. */
export async function measureKpis(
  client: Client,
  server: ServerProcess,
  base: BaselineDb,
  admin: string,
  p: {
    districtCode: string;
    from: string;
    to: string;
    fromMs: number;
    toMs: number;
    generatedUntil: string;
    reference: KpiReference;
    calendar: World['calendar'];
  },
) {
  const path = `/api/v1/cases/kpis?from=${p.from}&to=${p.to}`;
  const runs: number[] = [];
  let body: { asOf: string; counts: KpiCounts } | null = null;
  let error: string | null = null;
  await server.profiled('kpis', async () => {
    for (let i = 0; i < 4 && !error; i++) {
      try {
        const res = await client.request({ path, cookie: admin, timeoutMs: 300_000 });
        if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
        if (i > 0) runs.push(res.ms);
        else log(`kpis: first request ${ms(res.ms)} ms`);
        body = JSON.parse(res.body);
      } catch (err) {
        error = (err as Error).message;
      }
    }
  });
  const groupBy = `SELECT status, count(*) AS n, sum(CASE WHEN closed_at <= deadline THEN 1 ELSE 0 END) AS on_time,
    sum(CASE WHEN dispatched_at IS NOT NULL THEN 1 ELSE 0 END) AS dispatched, sum(CASE WHEN deadline <= ? THEN 1 ELSE 0 END) AS due
    FROM cases WHERE district_code = ? AND reported_at >= ? AND reported_at < ? GROUP BY status`;
  const args = [
    new Date().toISOString(),
    p.districtCode,
    new Date(p.fromMs).toISOString(),
    new Date(p.toMs).toISOString(),
  ];
  const baseRuns = (await timeSql(3, () => base.all(groupBy, args))).samples;
  let matches: boolean | null = null;
  let mismatched: string[] = [];
  if (body) {
    const b = body as { asOf: string; counts: KpiCounts };
    const extra = (await base.all('SELECT state FROM cases WHERE reported_at > ?', [p.generatedUntil])).map((r) =>
      stateFromJson(r.state as string),
    );
    const want = p.reference.counts(p.fromMs, p.toMs, new Date(b.asOf), p.calendar, extra);
    mismatched = (Object.keys(want) as (keyof KpiCounts)[])
      .filter((k) => Math.abs(want[k] - b.counts[k]) > 1e-6 * Math.max(1, Math.abs(want[k])))
      .map((k) => `${k}: server ${b.counts[k]}, computeKpis ${want[k]}`);
    matches = mismatched.length === 0;
  }
  const median = percentile(runs, 50);
  log(
    `kpis: ${error ? `failed: ${error}` : `median ${ms(median)} ms of ${runs.length}`}; plain GROUP BY ${baseRuns.map((x) => ms(x)).join(' / ')} ms; ${matches === null ? '' : matches ? 'counts match computeKpis' : `MISMATCH ${mismatched.join('; ')}`}`,
  );
  return {
    ms: ms(median),
    runsMs: runs.map(ms),
    baselineGroupByMs: ms(percentile(baseRuns, 50)),
    baselineGroupByRunsMs: baseRuns.map(ms),
    target: 200,
    meetsTarget: !error && median <= 200,
    matchesComputeKpis: matches,
    mismatched,
    error,
  };
}

/** 4. The .xlsx export of ~100,000 rows: time, bytes, rows in the sheet, and the server's RSS peak over its baseline. */
export async function measureExport(
  client: Client,
  server: ServerProcess,
  base: BaselineDb,
  admin: string,
  p: {
    from: string;
    to: string;
    fromMs: number;
    toMs: number;
    file: string;
  },
) {
  const range = [new Date(p.fromMs).toISOString(), new Date(p.toMs).toISOString()];
  const count = async (sql: string) => Number((await base.all(sql, range))[0].n);
  const expected = await count('SELECT count(*) AS n FROM cases WHERE reported_at >= ? AND reported_at < ?');
  // Cases in no grid and with no unit: the domain lets district accounts see them (areaPath is the district's path).
  const noArea = await count(
    'SELECT count(*) AS n FROM cases WHERE reported_at >= ? AND reported_at < ? AND grid_path IS NULL AND assigned_unit_path IS NULL',
  );
  const out = fs.openSync(p.file, 'w');
  const path = `/api/v1/cases/export.xlsx?from=${p.from}&to=${p.to}`;
  let error: string | null = null;
  const { result, baselineMb, peakMb } = await server.sampled(() =>
    server.profiled('export', () =>
      client
        .request({ path, cookie: admin, discard: true, onChunk: (c) => fs.writeSync(out, c), timeoutMs: 300_000 })
        .catch((err: Error) => {
          error = err.message;
          return null;
        }),
    ),
  );
  fs.closeSync(out);
  let rows: number | null = null;
  try {
    const xml = execFileSync('unzip', ['-p', p.file, 'xl/worksheets/sheet1.xml'], { maxBuffer: 2 ** 31 - 1 });
    rows = (xml.toString('latin1').match(/<row /g) ?? []).length;
  } catch (err) {
    log(`export: could not count the sheet's rows (${(err as Error).message.split('\n')[0]})`);
  }
  const t = performance.now();
  const n = await base.readAll(
    'SELECT * FROM cases WHERE reported_at >= ? AND reported_at < ? ORDER BY id DESC',
    range,
  );
  const selectMs = performance.now() - t;
  const r = result as { status: number; bytes: number; ms: number } | null;
  log(
    `export: ${r ? `${r.status}, ${round(r.bytes / 2 ** 20)} MiB in ${ms(r.ms)} ms` : `failed: ${error}`}; sheet rows ${rows} (title, subtitle, header + ${expected} cases in the period, ${noArea} of them in no grid and unassigned); RSS ${round(baselineMb)} → peak ${round(peakMb)} MiB; plain SELECT of the rows ${ms(selectMs)} ms`,
  );
  fs.rmSync(p.file, { force: true });
  return {
    rows: expected,
    sheetRows: rows,
    dataRows: rows === null ? null : rows - 3,
    outOfGridUnassigned: noArea,
    ms: r ? ms(r.ms) : null,
    bytes: r?.bytes ?? null,
    status: r?.status ?? null,
    peakRssMb: round(peakMb - baselineMb),
    serverRssBaselineMb: round(baselineMb),
    serverRssPeakMb: round(peakMb),
    baselineSelectMs: ms(selectMs),
    selectedRows: n,
    error,
  };
}
