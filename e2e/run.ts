/**
 * End-to-end check of the web console against a real server.
 *
 *   node --import tsx e2e/run.ts
 *
 * Starts `src/main.ts` on a free port with a fresh data directory, drives Debian's chromium through
 * playwright-core, writes screenshots to `.e2e-artifacts/`, prints `e2e: N passed, M failed` and
 * exits non-zero when anything failed. The server is always stopped.
 *
 * Environment:
 *   CIVICGRID_E2E_PORT  the server's port (default: one the system hands out, an ephemeral port).
 *   CIVICGRID_E2E_ONLY  a substring: only the step groups with a step whose name contains it run, e.g.
 *                       `CIVICGRID_E2E_ONLY=巡查 npm run test:e2e`. A group is one step file (cases.ts,
 *                       mobile.ts, patrols.ts …, and this file's own 管理员登录 … 其他页面可打开): its steps
 *                       share state (a phone page, an id made by the step before), so a group runs whole
 *                       or not at all. Groups do not depend on each other (each signs in itself, in its
 *                       own browser context or through consoleLogin), only on the demo data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { apiTokenSteps } from './api-tokens';
import { campaignSteps } from './campaigns';
import { casesSteps } from './cases';
import { crewSteps } from './crew';
import { doorKnockSteps } from './door-knock';
import { measureSteps } from './measures';
import { mobileSteps } from './mobile';
import { patrolSteps } from './patrols';
import { reportingSteps } from './reporting';
import { rolesSteps } from './roles';
import { securitySteps } from './security';
import { starSteps } from './stars';
import { insightSteps } from './insights';
import { supervisionSteps } from './supervision';
import { venueSteps } from './venues';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(ROOT, '.e2e-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_PASSWORD = 'Admin12345';
const DEMO_PASSWORD = 'Demo12345';

interface Unit {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  code: string | null;
  status: string;
  hasBoundary: boolean;
  childCount: number;
}
interface LocateResult {
  point: { lng: number; lat: number };
  found: boolean;
  grid: Unit | null;
  ancestors: Unit[];
}

// ---------------------------------------------------------------- helpers

function log(msg: string) {
  process.stdout.write(`${msg}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuild the console when dist/web is missing or older than web/. */
function ensureWebBuild() {
  const index = path.join(ROOT, 'dist/web/index.html');
  const stale =
    process.env.E2E_BUILD === '1' ||
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(newestMtime(path.join(ROOT, 'web')), statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  if (!stale) return;
  log('e2e: building the web console (vite build)…');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

async function waitForHealth(base: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`server exited early with code ${server.exitCode}; see .e2e-artifacts/server.log`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms (${lastError}); see .e2e-artifacts/server.log`);
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
    }, 5000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  assert(res.ok(), `GET ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A point inside `ring`-bounded geometry that the server itself places in `gridId`. */
async function pointInGrid(page: Page, grid: Unit): Promise<{ lng: number; lat: number } | null> {
  const feature = await apiGet<{ geometry: { type: string; coordinates: unknown } }>(
    page,
    `/api/v1/units/${grid.id}/boundary`,
  );
  const rings: number[][][] =
    feature.geometry.type === 'Polygon'
      ? [(feature.geometry.coordinates as number[][][])[0]]
      : (feature.geometry.coordinates as number[][][][]).map((p) => p[0]);
  const ring = rings[0];
  const xs = ring.map((c) => c[0]);
  const ys = ring.map((c) => c[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const avg = { lng: xs.reduce((a, b) => a + b, 0) / xs.length, lat: ys.reduce((a, b) => a + b, 0) / ys.length };
  const candidates = [{ lng: (minX + maxX) / 2, lat: (minY + maxY) / 2 }, avg];
  for (let i = 1; i < 5; i++)
    for (let j = 1; j < 5; j++)
      candidates.push({ lng: minX + ((maxX - minX) * i) / 5, lat: minY + ((maxY - minY) * j) / 5 });
  for (const c of candidates) {
    const r = await apiGet<LocateResult>(page, `/api/v1/grids/locate?lng=${c.lng}&lat=${c.lat}&crs=wgs84`);
    if (r.found && r.grid?.id === grid.id) return { lng: Number(c.lng.toFixed(6)), lat: Number(c.lat.toFixed(6)) };
  }
  return null;
}

/** Walks down the tree (breadth first, few requests) to a small grid that has a boundary. */
async function findSmallGrid(page: Page, rootId: string): Promise<Unit | null> {
  const queue = [rootId];
  let requests = 0;
  while (queue.length && requests < 40) {
    const id = queue.shift()!;
    requests++;
    const { items } = await apiGet<{ items: Unit[] }>(page, `/api/v1/units?parentId=${encodeURIComponent(id)}`);
    const grid = items.find((u) => u.kind === 'grid_small' && u.hasBoundary && u.status === 'active');
    if (grid) return grid;
    const territorial = ['subdistrict', 'township', 'community', 'village', 'grid_large'];
    // Depth first along the first branch keeps the walk short.
    queue.unshift(
      ...items
        .filter((u) => territorial.includes(u.kind) && u.childCount > 0)
        .map((u) => u.id)
        .slice(0, 3),
    );
  }
  return null;
}

// ---------------------------------------------------------------- run

interface Step {
  name: string;
  run(): Promise<void>;
}

async function main(): Promise<number> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  ensureWebBuild();

  const port = Number(process.env.CIVICGRID_E2E_PORT) || (await freePort());
  const only = process.env.CIVICGRID_E2E_ONLY?.trim() ?? '';
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civicgrid-e2e-'));
  const serverLog = createWriteStream(path.join(ARTIFACTS, 'server.log'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CIVICGRID_DATA_DIR: dataDir,
      CIVICGRID_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(serverLog);
  server.stderr?.pipe(serverLog);
  const onSignal = () => {
    server.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser: Browser | null = null;
  let passed = 0;
  let failed = 0;
  try {
    await waitForHealth(base, server, 90_000);
    log(`e2e: server up at ${base} (data ${dataDir})`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    // Nothing may leave the machine: any request to another origin is a bug (map tiles, fonts, CDNs).
    const foreign: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      foreign.push(url);
      return route.abort();
    });

    let districtId = '';
    let smallGrid: Unit | null = null;

    const groups: Step[][] = [];
    const steps: Step[] = [
      {
        name: '管理员登录',
        async run() {
          await page.goto('/');
          await page.waitForURL(/\/login/);
          await page.getByTestId('login-username').fill('admin');
          await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
          await shot(page, '01-login');
          await page.getByTestId('login-submit').click();
          await page.waitForURL((u) => !u.pathname.startsWith('/login'));
          if (new URL(page.url()).pathname === '/change-password') {
            // A generated admin password must be changed first; ours comes from the environment,
            // but cope either way so the rest of the run still works.
            await page.getByTestId('cp-current').fill(ADMIN_PASSWORD);
            await page.getByTestId('cp-new').fill('Admin123456');
            await page.getByTestId('cp-confirm').fill('Admin123456');
            await page.getByTestId('cp-submit').click();
            await page.waitForURL((u) => u.pathname === '/');
          }
          await page.getByTestId('app-layout').waitFor();
          const district = await page.getByTestId('header-district').innerText();
          assert(district.includes('川汇区'), `header shows "${district}", expected 川汇区`);
          const user = await page.getByTestId('header-user').innerText();
          assert(user.trim().length > 0, 'header shows no user');
          for (const key of ['org', 'people', 'accounts', 'calendar', 'audit']) {
            assert(await page.getByTestId(`nav-${key}`).isVisible(), `menu item nav-${key} missing for admin`);
          }
          await page.getByTestId('home-page').waitFor();
          await shot(page, '02-home');
        },
      },
      {
        name: '组织机构：单位树与边界地图',
        async run() {
          await page.getByTestId('nav-org').click();
          await page.waitForURL(/\/org/);
          const tree = page.getByTestId('unit-tree');
          await tree.getByText('川汇区', { exact: true }).waitFor();
          const roots = await apiGet<{ items: Unit[] }>(page, '/api/v1/units');
          const district = roots.items.find((u) => u.kind === 'district');
          assert(district, 'no district among the scope roots');
          districtId = district.id;
          const { items: children } = await apiGet<{ items: Unit[] }>(page, `/api/v1/units?parentId=${districtId}`);
          const subdistricts = children.filter((u) => u.kind === 'subdistrict' || u.kind === 'township');
          assert(subdistricts.length > 0, 'the district has no sub-districts');
          assert(
            subdistricts.some((u) => u.name === '城北街道办事处'),
            `城北街道办事处 not among the sub-districts: ${subdistricts.map((u) => u.name).join('、')}`,
          );
          for (const s of subdistricts) await tree.getByText(s.name, { exact: true }).first().waitFor();
          // The district's own boundary plus its children's, drawn as SVG paths.
          const paths = page.locator('[data-testid="unit-map"] .leaflet-overlay-pane svg path');
          await paths.first().waitFor();
          const n = await paths.count();
          const withBoundary = children.filter((u) => u.hasBoundary).length;
          assert(n >= Math.max(1, withBoundary), `map shows ${n} polygons, expected at least ${withBoundary}`);
          assert(
            await page
              .getByTestId('unit-detail-name')
              .innerText()
              .then((t) => t.includes('川汇区')),
            'detail panel does not show 川汇区',
          );
          await page.waitForTimeout(400);
          await shot(page, '03-org');

          // Selecting a sub-district in the tree redraws the map with its communities.
          const chengbei = subdistricts.find((u) => u.name === '城北街道办事处')!;
          await tree.getByText(chengbei.name, { exact: true }).first().click();
          await page.getByTestId('unit-detail-name').filter({ hasText: chengbei.name }).waitFor();
          await page.waitForTimeout(600);
          await shot(page, '04-org-subdistrict');
        },
      },
      {
        name: '定位：点位落入小网格',
        async run() {
          assert(districtId, 'district unknown (previous step failed)');
          smallGrid = await findSmallGrid(page, districtId);
          assert(smallGrid, 'no small grid with a boundary found under the district');
          const point = await pointInGrid(page, smallGrid);
          assert(point, `could not find a point the server places in ${smallGrid.name}`);
          await page.getByTestId('locate-lng').fill(String(point.lng));
          await page.getByTestId('locate-lat').fill(String(point.lat));
          await page.getByTestId('locate-submit').click();
          const name = page.getByTestId('locate-grid-name');
          await name.waitFor();
          const shown = (await name.innerText()).trim();
          assert(shown === smallGrid.name, `locate shows "${shown}", expected "${smallGrid.name}"`);
          const result = await page.getByTestId('locate-result').innerText();
          assert(result.includes('小网格'), 'locate result does not say 小网格');
          assert(result.includes('川汇区'), 'locate result does not show the ancestor path');
          await page.locator('[data-testid="unit-map"] path.cg-locate-marker').waitFor();
          await page.waitForTimeout(500);
          await shot(page, '05-locate');
          // The found grid can be shown in the tree.
          await page.getByTestId('locate-reveal').click();
          await page.getByTestId('unit-detail-name').filter({ hasText: smallGrid.name }).waitFor();
          await page.waitForTimeout(500);
          await shot(page, '06-locate-reveal');
        },
      },
      {
        name: '定位：网格外的点',
        async run() {
          await page.getByTestId('locate-lng').fill('100');
          await page.getByTestId('locate-lat').fill('30');
          await page.getByTestId('locate-submit').click();
          const nf = page.getByTestId('locate-not-found');
          await nf.waitFor();
          assert((await nf.innerText()).includes('不在任何网格内'), 'not-found message missing');
        },
      },
      {
        name: '其他页面可打开',
        async run() {
          const pages: [string, string][] = [
            ['people', 'people-page'],
            ['accounts', 'accounts-page'],
            ['calendar', 'calendar-page'],
            ['audit', 'audit-page'],
          ];
          for (const [nav, testId] of pages) {
            await page.getByTestId(`nav-${nav}`).click();
            await page.getByTestId(testId).waitFor();
            await page
              .locator('.ant-spin-spinning')
              .first()
              .waitFor({ state: 'detached', timeout: 10_000 })
              .catch(() => undefined);
            await page.waitForTimeout(400);
            await shot(page, `07-${nav}`);
          }
          const rows = await page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').count();
          assert(rows > 0, 'audit log is empty after a login');
          await page.getByTestId('logout').click();
          await page.waitForURL(/\/login/);
        },
      },
    ];
    groups.push(steps);
    groups.push(await casesSteps({ page, shot }));
    groups.push(await mobileSteps({ page, shot, baseURL: base }));
    groups.push(await crewSteps({ page, shot, baseURL: base }));
    groups.push(await doorKnockSteps({ page, shot, baseURL: base }));
    groups.push(await measureSteps({ page, shot, baseURL: base }));
    groups.push(await venueSteps({ page, shot, baseURL: base }));
    groups.push(await patrolSteps({ page, shot, baseURL: base }));
    groups.push(await campaignSteps({ page, shot, baseURL: base }));
    groups.push(await reportingSteps({ page, shot }));
    groups.push(await supervisionSteps({ page, shot }));
    groups.push(await starSteps({ page, shot, baseURL: base }));
    groups.push(await insightSteps({ page, shot, baseURL: base }));
    groups.push(apiTokenSteps({ page, shot, adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD }));
    groups.push(securitySteps({ browser, baseURL: base, shot, adminPassword: ADMIN_PASSWORD }));
    // Last, so every page has the data the steps above made; each account in its own context.
    groups.push(
      rolesSteps({ browser, baseURL: base, shot, adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD }),
    );
    const chosen = groups.filter((g) => !only || g.some((s) => s.name.includes(only))).flat();
    if (only) log(`e2e: CIVICGRID_E2E_ONLY=${only}: ${chosen.length} of ${groups.flat().length} steps`);
    if (chosen.length === 0) throw new Error(`no step's name contains "${only}"`);

    for (const step of chosen) {
      const started = Date.now();
      try {
        await step.run();
        passed++;
        log(`  ✓ ${step.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        log(`  ✗ ${step.name}: ${(e as Error).message.split('\n')[0]}`);
        await shot(page, `fail-${passed + failed}`).catch(() => undefined);
      }
    }
    if (consoleErrors.length) log(`e2e: page errors:\n    ${consoleErrors.join('\n    ')}`);
    if (foreign.length) {
      failed++;
      log(`  ✗ no requests leave the machine: ${[...new Set(foreign)].slice(0, 5).join(', ')}`);
    }
  } catch (e) {
    failed++;
    log(`  ✗ setup: ${(e as Error).message}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
    serverLog.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
