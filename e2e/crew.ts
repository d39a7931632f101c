/**
 * End-to-end steps of 处置通, the handling crew's phone page (/m/crew), run by e2e/run.ts:
 *
 *   steps.push(...(await crewSteps({ page, shot, baseURL: base })));
 *
 * The grid worker reports a problem (API) and 陈州街道 accepts it and dispatches it to 川汇区城市管理局
 * (API). On a phone (390×844, mobile user agent) the 街道 clerk signs in and stays on the office home;
 * the 城管 handler signs in and lands on 处置通, finds the case with its grid outline (a unit outside the
 * grid's scope), goes offline, signs it (签收) and feeds back with an after-photo (处置反馈) — both kept in
 * the outbox (待发送 2 条); back online they are sent by themselves, in order, each once. The grid worker
 * then signs in on a phone, lands on /m and verifies (核查通过) under 待核查: the case is closed.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { photo, pointInGrid } from './fixtures';

export interface CrewContext {
  /** A page of the run (its browser is reused). */
  page: Page;
  /** Full-page screenshot into the run's artifacts folder. */
  shot(page: Page, name: string): Promise<void>;
  /** The server's origin, e.g. http://127.0.0.1:41234 (else taken from `page`'s URL when the step runs). */
  baseURL?: string;
  /** Password of the demo accounts (CIVICGRID_DEMO_PASSWORD); Demo12345 by default. */
  demoPassword?: string;
}

export interface CrewStep {
  name: string;
  run(): Promise<void>;
}

interface CaseJson {
  id: string;
  caseNumber: string;
  status: string;
  gridId: string | null;
  version: number;
  assignedUnitName: string | null;
  actions: { type: string; attachments: { role: string | null }[] }[];
}

const GRID_WORKER = 'wgy_zhuzhuang';
/** 朱庄社区 lies in 陈州街道: its staff triage and dispatch the grid worker's reports. */
const TRIAGE = 'chenzhou';
const CREW = 'chengguan';
const CREW_UNIT = '川汇区城市管理局';
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function crewSteps(ctx: CrewContext): Promise<CrewStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  const contexts: BrowserContext[] = [];
  let base = '';
  let browser: Browser | null = null;
  let caseId = '';
  let caseNumber = '';
  let gridId = '';
  let phone: { context: BrowserContext; page: Page } | null = null;
  const pageErrors: string[] = [];

  async function call<T>(req: APIRequestContext, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
    const res = method === 'GET' ? await req.get(url) : await req.post(url, { data });
    assert(res.ok(), `${method} ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  }

  /** A signed-in API session of its own (cookies kept in a context of its own). */
  async function apiAs(username: string): Promise<APIRequestContext> {
    const c = await browser!.newContext({ baseURL: base });
    contexts.push(c);
    await call(c.request, 'POST', '/api/v1/auth/login', { username, password });
    return c.request;
  }

  /** A phone: narrow, touch, a mobile browser's user agent; signed in through the login page. */
  async function phoneAs(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({
      baseURL: base,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: PHONE_UA,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return { context, page };
  }

  const crewPhone = (): Page => {
    assert(phone, 'the crew phone is not open (previous step failed)');
    return phone.page;
  };

  const closeAll = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    phone = null;
  };

  return [
    {
      name: '处置通：街道派遣到城管局；手机登录时街道留在电脑首页，城管经办人进入处置通并看到网格边界',
      async run() {
        base = ctx.baseURL ?? new URL(ctx.page.url()).origin;
        browser = ctx.page.context().browser();
        assert(browser, 'the run page has no browser to open contexts in');

        // The grid worker reports (API) in its grid; the 街道 accepts and dispatches to 城管局 (API).
        const worker = await apiAs(GRID_WORKER);
        const me = await call<{ unitId: string; unitName: string }>(worker, 'GET', '/api/v1/auth/me');
        gridId = me.unitId;
        const point = await pointInGrid(worker, gridId);
        const reported = await call<CaseJson>(worker, 'POST', '/api/v1/cases', {
          categoryCode: '0102',
          description: `处置通：${me.unitName}路边生活垃圾堆放 ${Date.now() % 100000}`,
          location: { ...point, crs: 'wgs84' },
          address: `${me.unitName} 交通路口东侧`,
        });
        caseId = reported.id;
        caseNumber = reported.caseNumber;
        const office = await apiAs(TRIAGE);
        const { items: targets } = await call<{ items: { id: string; name: string }[] }>(
          office,
          'GET',
          '/api/v1/cases/dispatch-units',
        );
        const unit = targets.find((u) => u.name === CREW_UNIT);
        assert(unit, `${CREW_UNIT} is not a dispatch target`);
        await call(office, 'POST', `/api/v1/cases/${caseId}/actions`, { type: 'accept' });
        const dispatched = await call<CaseJson>(office, 'POST', `/api/v1/cases/${caseId}/actions`, {
          type: 'dispatch',
          payload: { unitId: unit.id },
        });
        assert(dispatched.status === 'dispatched', `status ${dispatched.status} after dispatch`);

        // An office role signing in on a phone stays on the office home.
        const clerk = await phoneAs(TRIAGE);
        await clerk.page.getByTestId('app-layout').waitFor();
        const clerkPath = new URL(clerk.page.url()).pathname;
        assert(clerkPath === '/', `the 街道 clerk landed on ${clerkPath}, expected the office home /`);

        // The crew lands on 处置通 and finds the case there.
        phone = await phoneAs(CREW);
        const p = phone.page;
        await p.waitForURL((u) => u.pathname === '/m/crew');
        await p.getByTestId('m-crew-page').waitFor();
        assert((await p.getByTestId('m-crew-unit').innerText()).includes(CREW_UNIT), '处置通 does not name the unit');
        const card = p.locator(`[data-testid="m-case-card"][data-case-number="${caseNumber}"]`);
        await card.waitFor();
        assert((await card.getAttribute('data-status')) === 'dispatched', 'the case is not listed as 已派遣');
        await ctx.shot(p, 'w01-crew-list');

        // Where: the grid outline through the case, although the unit tree keeps the grid closed to 城管.
        const own = await p.request.get(`/api/v1/units/${gridId}/boundary`);
        assert(own.status() === 404, `城管 reads the grid itself: HTTP ${own.status()}`);
        const viaCase = await p.request.get(`/api/v1/cases/${caseId}/boundary`);
        assert(viaCase.ok(), `the case's grid boundary → HTTP ${viaCase.status()}`);
        await card.click();
        await p.getByTestId('m-case-page').waitFor();
        // The grid's polygon and the case's point: two paths on the map, not a lone dot.
        await p.locator('[data-testid="m-case-map"] .leaflet-overlay-pane svg path').nth(1).waitFor();
        await p.getByTestId('m-crew-start').waitFor();
        await ctx.shot(p, 'w02-crew-case');
      },
    },
    {
      name: '处置通：离线签收并带处置后照片反馈，进入待发送；联网后按顺序自动发送',
      async run() {
        const p = crewPhone();
        assert(caseId, 'no dispatched case (previous step failed)');
        await phone!.context.setOffline(true);
        await p.getByTestId('m-offline').waitFor();

        await p.getByTestId('m-crew-start').click();
        await p.getByTestId('m-queue-count').filter({ hasText: '1' }).waitFor();
        // Signed (on the phone): 处置反馈 is offered next, before anything was sent.
        await p.getByTestId('m-crew-feedback').click();
        await p.getByTestId('m-crew-sheet').waitFor();
        await p.getByTestId('m-crew-submit').click();
        await p.locator('.cgm-field-error', { hasText: '处置后照片' }).waitFor();
        await p.getByTestId('m-crew-comment').fill('已组织环卫人员清运，现场已清理干净。');
        await p
          .getByTestId('m-crew-photos-input')
          .setInputFiles({ name: 'chuzhihou.jpg', mimeType: 'image/jpeg', buffer: await photo('处置后') });
        await p.getByTestId('m-crew-photos').locator('[data-testid="m-photo-thumb"]').first().waitFor();
        await ctx.shot(p, 'w03-crew-feedback-offline');
        await p.getByTestId('m-crew-submit').click();
        await p.getByTestId('m-crew-sheet').waitFor({ state: 'hidden' });
        await p.getByTestId('m-queue-count').filter({ hasText: '2' }).waitFor();
        const queued = p.getByTestId('m-case-queued');
        assert((await queued.count()) === 2, `the case shows ${await queued.count()} queued steps, expected 2`);
        assert(!(await p.getByTestId('m-crew-actionbar').count()), 'steps are still offered after 处置反馈');
        await ctx.shot(p, 'w04-crew-queued');

        await phone!.context.setOffline(false);
        await p.getByTestId('m-queue-chip').waitFor({ state: 'detached', timeout: 20_000 });
        const c = await call<CaseJson>(p.request, 'GET', `/api/v1/cases/${caseId}`);
        assert(c.status === 'pending_verification', `status ${c.status} after the outbox was sent`);
        const types = c.actions.map((a) => a.type);
        assert(types.filter((t) => t === 'start').length === 1, `签收 recorded ${types.join(',')}`);
        const feedback = c.actions.filter((a) => a.type === 'feedback');
        assert(feedback.length === 1, `处置反馈 recorded ${feedback.length} times`);
        assert(
          feedback[0].attachments.some((f) => f.role === 'after'),
          'the feedback has no after-photo',
        );
        await p.locator('[data-testid="m-timeline-item"][data-action="feedback"] img').first().waitFor();
        await p.getByTestId('m-tab-crew-done').click();
        await p.locator(`[data-testid="m-case-card"][data-case-number="${caseNumber}"]`).waitFor();
        await ctx.shot(p, 'w05-crew-sent');

        // The phone reaches the office console and comes back.
        await p.getByTestId('m-user').click();
        await p.getByTestId('m-open-console').click();
        await p.getByTestId('app-layout').waitFor();
        await p.goto('/crew');
        await p.waitForURL((u) => u.pathname === '/m/crew');
        await p.getByTestId('m-crew-page').waitFor();
      },
    },
    {
      name: '处置通：网格员手机登录进入 /m，在待核查中核查通过，案卷结案',
      async run() {
        assert(caseId, 'no handled case (previous step failed)');
        const { page: p } = await phoneAs(GRID_WORKER);
        await p.waitForURL((u) => u.pathname === '/m');
        await p.getByTestId('m-grid-page').waitFor();
        await p.getByTestId('m-tab-verify').click();
        const card = p.locator(`[data-testid="m-case-card"][data-case-number="${caseNumber}"]`);
        await card.waitFor();
        await card.click();
        await p.getByTestId('m-case-page').waitFor();
        await p.locator('[data-testid="m-timeline-item"][data-action="feedback"] img').first().waitFor();
        await p.getByTestId('m-verify-pass').click();
        await p.getByTestId('m-verify-comment').fill('现场核查，垃圾已清运。');
        await p.getByTestId('m-verify-submit').click();
        await p.locator('[data-testid="m-status-tag"]', { hasText: '已结案' }).first().waitFor({ timeout: 20_000 });
        await ctx.shot(p, 'w06-verified');
        const c = await call<CaseJson>(p.request, 'GET', `/api/v1/cases/${caseId}`);
        assert(c.status === 'closed', `status ${c.status} after 核查通过`);
        const errors = [...pageErrors];
        await closeAll();
        if (errors.length) throw new Error(`errors on the phone pages: ${errors.slice(0, 3).join(' | ')}`);
      },
    },
  ];
}
