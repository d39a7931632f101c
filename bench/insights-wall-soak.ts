import { execSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type APIRequestContext, type Browser } from 'playwright-core';
import { pointInGrid } from '../e2e/fixtures.js';

/*
 * The wall display's soak (issue 15, item 5: "keep running for days without leaking memory — measure
 * the heap after a soak"). Starts the real server (bench/_insights-wall-server.ts: a fresh SQLite data
 * directory with the demo district, in a child process so its heap is its own), opens /wall in headless
 * chromium at 1920×1080 signed in as the 区领导, and for SOAK_MINUTES (default 10) reports a case every
 * second through the API as a grid worker of 德化社区, so the wall is pushed a change and refetches each
 * second. Each minute, after a forced garbage collection on both sides, it records the page's JS heap,
 * DOM nodes and event listeners (CDP Performance.getMetrics after HeapProfiler.collectGarbage), the
 * server's heapUsed and RSS (process.memoryUsage() in the server after global.gc()), the wall streams
 * open on the server, the pushes the page received and the refetches it made, and the wall's 在办问题数
 * tile. Prints a table per minute and a verdict: heap growth from minute 2 to the end (least squares,
 * bytes a minute, with its 95 % upper bound) and whether it is bounded — that bound under
 * WALL_SOAK_LIMIT_KB on both sides, DOM nodes and listeners not growing (docs/insights-bench.md,
 * "Wall display soak").
 *
 *   SOAK_MINUTES=10  WALL_SOAK_PORT=8232  CHROMIUM_PATH=/usr/bin/chromium
 *   WALL_SOAK_LIMIT_KB=64   the heap growth a minute (95 % upper bound) still called bounded
 *   WALL_SOAK_SNAPSHOTS=<dir>  heap snapshots of the page and the server at minute 2 and at the end
 *                              (compare them in Chrome DevTools' Memory tab, "Comparison")
 */

const log = (msg: string): void => void process.stderr.write(`[wall-soak] ${msg}\n`);
const DEMO_PASSWORD = 'Demo12345';
const LEADER = 'leader';
const WORKER = 'wgy_dehua';
/** The page's refetches: the wall's figures (headline, flows, ranking, map colours). */
const REFETCH = /\/api\/v1\/(insights\/dashboard|cases\/flows|insights\/areas)(\?|$)/;

interface Sample {
  minute: number;
  pageHeap: number;
  pageHeapTotal: number;
  nodes: number;
  listeners: number;
  serverHeap: number;
  serverRss: number;
  streams: number;
  reports: number;
  pushes: number;
  refetches: number;
  openTile: string;
}

export async function run(): Promise<Record<string, unknown>> {
  const minutes = Number(process.env.SOAK_MINUTES ?? 10);
  if (!(minutes >= 3)) throw new Error('SOAK_MINUTES must be at least 3 (the verdict reads minute 2 onwards)');
  const port = Number(process.env.WALL_SOAK_PORT ?? 8232);
  const limitKb = Number(process.env.WALL_SOAK_LIMIT_KB ?? 64);
  // The page under test is the built console: rebuild it when its sources are newer (as `npm start` does).
  execSync('node scripts/ensure-web.mjs', { stdio: ['ignore', process.stderr, process.stderr] });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-wall-soak-'));
  log(`starting the server on port ${port} (demo district in ${dataDir}; takes a minute or two)`);
  const server = await startServer(port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--enable-precise-memory-info'],
    });
    const workerCtx = await browser.newContext({ baseURL: base });
    const worker = workerCtx.request;
    await postOk(worker, '/api/v1/auth/login', { username: WORKER, password: DEMO_PASSWORD });
    const me = (await (await worker.get('/api/v1/auth/me')).json()) as { unitId: string; unitName: string };
    const point = await pointInGrid(worker, me.unitId);

    const wallCtx = await browser.newContext({
      baseURL: base,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // Counts the pushes the page's own EventSource receives, without changing what the page does.
    await wallCtx.addInitScript(() => {
      const w = window as unknown as { __wallPushes: number; EventSource: typeof EventSource };
      w.__wallPushes = 0;
      const Native = w.EventSource;
      w.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          this.addEventListener('changed', () => void w.__wallPushes++);
        }
      };
    });
    const page = await wallCtx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let refetches = 0;
    page.on('request', (r) => {
      if (REFETCH.test(r.url())) refetches++;
    });
    await page.goto('/login');
    await page.getByTestId('login-username').fill(LEADER);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-layout').waitFor({ timeout: 60_000 });
    await page.goto('/wall');
    const openTile = page.getByTestId('wall-tile-cases.open').getByTestId('wall-tile-value');
    await openTile.waitFor({ timeout: 60_000 });
    await page.locator('.cg-wall .live').waitFor({ timeout: 30_000 });
    const cdp = await wallCtx.newCDPSession(page);
    await cdp.send('Performance.enable');

    let reports = 0;
    let failures = 0;
    // Each heap is the least of three readings 300 ms apart, each after a full collection: a reading
    // taken while a refetch's reply is being handled holds that reply too.
    const pageReading = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    };
    const sample = async (minute: number): Promise<Sample> => {
      let metric = await pageReading();
      let pageHeap = metric('JSHeapUsedSize');
      let s = await server.heap();
      for (let i = 0; i < 2; i++) {
        await sleep(300);
        metric = await pageReading();
        pageHeap = Math.min(pageHeap, metric('JSHeapUsedSize'));
        const again = await server.heap();
        if (again.heapUsed < s.heapUsed) s = again;
      }
      return {
        minute,
        pageHeap,
        pageHeapTotal: metric('JSHeapTotalSize'),
        nodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
        serverHeap: s.heapUsed,
        serverRss: s.rss,
        streams: s.streams,
        reports,
        pushes: await page.evaluate(() => (window as unknown as { __wallPushes: number }).__wallPushes),
        refetches,
        openTile: (await openTile.innerText()).trim(),
      };
    };
    const samples: Sample[] = [await sample(0)];
    printHeader();
    printRow(samples[0]!);

    // One report a second, on a fixed schedule (a slow reply does not push the next ones later).
    const started = Date.now();
    const end = started + minutes * 60_000;
    const reporter = (async () => {
      for (let i = 0; Date.now() < end; i++) {
        const due = started + i * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        if (Date.now() >= end) break;
        const r = await worker.post('/api/v1/cases', {
          data: {
            categoryCode: '0101',
            description: `大屏长稳测试 第${i + 1}件`,
            location: { ...point, crs: 'wgs84' },
            address: `${me.unitName} 大屏测试点`,
          },
        });
        if (r.ok()) reports++;
        else if (++failures <= 3) log(`report ${i + 1} → HTTP ${r.status()}: ${(await r.text()).slice(0, 200)}`);
      }
    })();
    const snapshotDir = process.env.WALL_SOAK_SNAPSHOTS;
    const snapshots = async (tag: string) => {
      if (!snapshotDir) return;
      fs.mkdirSync(snapshotDir, { recursive: true });
      await server.snapshot(path.resolve(snapshotDir, `server-${tag}.heapsnapshot`));
      const chunks: string[] = [];
      const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      fs.writeFileSync(path.resolve(snapshotDir, `page-${tag}.heapsnapshot`), chunks.join(''));
      log(`heap snapshots of minute ${tag} in ${snapshotDir}`);
    };
    for (let m = 1; m <= minutes; m++) {
      await sleep(Math.max(0, started + m * 60_000 - Date.now()));
      const s = await sample(m);
      samples.push(s);
      printRow(s);
      if (m === 2 || m === minutes) await snapshots(String(m));
    }
    await reporter;

    const verdict = judge(samples, limitKb);
    const say = (t: Trend) =>
      `${fmtRate(t.slope)} (95 % up to ${fmtRate(t.upper95)}): ${t.bounded ? 'bounded' : 'GROWING'}`;
    log(`from minute 2 to ${minutes}: page heap ${say(verdict.page)}; server heap ${say(verdict.server)}`);
    log(
      `DOM nodes ${verdict.nodesPerMinute.toFixed(1)}/min, listeners ${verdict.listenersPerMinute.toFixed(1)}/min; ` +
        `verdict: ${verdict.bounded ? 'BOUNDED' : 'NOT BOUNDED'} (limit ${limitKb} KiB/min on the 95 % upper bound)`,
    );
    if (errors.length) log(`page errors: ${errors.slice(0, 3).join('; ')}`);
    const last = samples[samples.length - 1]!;
    return {
      minutes,
      reports,
      reportFailures: failures,
      pushes: last.pushes,
      refetches: last.refetches,
      pageErrors: errors.length,
      verdict,
      samples,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Trend {
  /** Least-squares growth, bytes a minute, from minute 2 to the end. */
  slope: number;
  /** The slope's 95 % upper bound (Student's t over the samples' scatter). */
  upper95: number;
  growthFromMinute2: number;
  bounded: boolean;
}

/** Student's t, two-sided 95 %, by degrees of freedom (≥ 30: 2.04). */
const T95 = [NaN, 12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12];
const t95 = (df: number) => T95[df] ?? (df < 30 ? 2.1 : 2.04);

/**
 * Bounded: the heap's growth from minute 2 (the page loaded, the caches warm) has a 95 % upper bound
 * below the limit on both sides, and the page's DOM nodes and listeners do not grow (under one a minute).
 */
function judge(samples: Sample[], limitKb: number) {
  const limit = limitKb * 1024;
  const from2 = samples.filter((s) => s.minute >= 2);
  const trend = (pick: (s: Sample) => number): Trend => {
    const { slope, se } = fit(from2, pick);
    const upper95 = slope + t95(from2.length - 2) * se;
    return {
      slope: Math.round(slope),
      upper95: Math.round(upper95),
      growthFromMinute2: pick(from2[from2.length - 1]!) - pick(from2[0]!),
      bounded: upper95 < limit,
    };
  };
  const page = trend((s) => s.pageHeap);
  const server = trend((s) => s.serverHeap);
  const nodesPerMinute = fit(from2, (s) => s.nodes).slope;
  const listenersPerMinute = fit(from2, (s) => s.listeners).slope;
  return {
    limitBytesPerMinute: limit,
    page,
    server,
    nodesPerMinute,
    listenersPerMinute,
    bounded: page.bounded && server.bounded && nodesPerMinute < 1 && listenersPerMinute < 1,
  };
}

/** Least-squares slope of `pick` against the minute, and its standard error. */
function fit(points: Sample[], pick: (s: Sample) => number): { slope: number; se: number } {
  const n = points.length;
  const mx = points.reduce((a, s) => a + s.minute, 0) / n;
  const my = points.reduce((a, s) => a + pick(s), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of points) {
    sxy += (s.minute - mx) * (pick(s) - my);
    sxx += (s.minute - mx) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  const residual = points.reduce((a, s) => a + (pick(s) - my - slope * (s.minute - mx)) ** 2, 0);
  const se = n > 2 && sxx ? Math.sqrt(residual / (n - 2) / sxx) : Infinity;
  return { slope, se };
}

const mb = (b: number) => (b / 2 ** 20).toFixed(2);
const fmtRate = (b: number) => `${b >= 0 ? '+' : ''}${(b / 1024).toFixed(1)} KiB/min`;

function printHeader(): void {
  log(
    'min | page heap MiB (total) | DOM nodes | listeners | server heap MiB | server RSS MiB | streams | reports | pushes | refetches | 在办',
  );
}

function printRow(s: Sample): void {
  log(
    [
      String(s.minute).padStart(3),
      `${mb(s.pageHeap)} (${mb(s.pageHeapTotal)})`.padStart(21),
      String(s.nodes).padStart(9),
      String(s.listeners).padStart(9),
      mb(s.serverHeap).padStart(15),
      mb(s.serverRss).padStart(14),
      String(s.streams).padStart(7),
      String(s.reports).padStart(7),
      String(s.pushes).padStart(6),
      String(s.refetches).padStart(9),
      s.openTile,
    ].join(' | '),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function postOk(req: APIRequestContext, url: string, data: unknown): Promise<void> {
  const r = await req.post(url, { data });
  if (!r.ok()) throw new Error(`POST ${url} → HTTP ${r.status()}: ${(await r.text()).slice(0, 300)}`);
}

interface ServerHeap {
  heapUsed: number;
  rss: number;
  streams: number;
  gc: boolean;
}

async function startServer(port: number, dataDir: string) {
  const entry = fileURLToPath(new URL('./_insights-wall-server.ts', import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      WALL_SOAK_SERVER: '1',
      PORT: String(port),
      CIVICGRID_DATA_DIR: dataDir,
      CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
      CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD,
      CIVICGRID_DEMO: 'on',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', process.stderr, 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => (m?.port ? resolve() : reject(new Error('no port'))));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return {
    heap: () =>
      new Promise<ServerHeap>((resolve) => {
        const on = (m: { heap?: ServerHeap }) => {
          if (!m?.heap) return;
          child.off('message', on);
          if (!m.heap.gc) log('the server has no global.gc: its heap is read without a forced collection');
          resolve(m.heap);
        };
        child.on('message', on);
        child.send({ heap: true });
      }),
    snapshot: (file: string) =>
      new Promise<void>((resolve) => {
        const on = (m: { snapshot?: string }) => {
          if (!m?.snapshot) return;
          child.off('message', on);
          resolve();
        };
        child.on('message', on);
        child.send({ snapshot: file });
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ stop: true });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
