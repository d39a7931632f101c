/**
 * End-to-end steps of 场所检查 (venue inspections), run by e2e/run.ts after the door-knocking steps:
 *
 *   steps.push(...(await venueSteps({ page, shot, baseURL: base })));
 *
 * On a phone (390×844) wgy_dehua opens 场所检查, a venue of their grid that is open for business, goes
 * offline and ticks the checklist with one failure (扫码登记 不合格), a photo and a note, with 上报为问题:
 * the inspection waits on the phone (待发送 1 条) and is sent by itself when the network is back, raising
 * a ledger case. The API shows the failed inspection with its case in the grid; 德化社区 (console,
 * 1366×768) sees it on the venue's page as 不合格 with the case number, and the case in the ledger.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { getJson, photo } from './fixtures';

export interface VenueContext {
  /** A page of the run (its browser is reused). */
  page: Page;
  /** Full-page screenshot into the run's artifacts folder. */
  shot(page: Page, name: string): Promise<void>;
  /** The server's origin, e.g. http://127.0.0.1:41234 (else taken from `page`'s URL when the step runs). */
  baseURL?: string;
  /** Password of the demo accounts (CIVICGRID_DEMO_PASSWORD); Demo12345 by default. */
  demoPassword?: string;
}

export interface VenueStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  displayName: string;
  unitId: string;
  unitName: string;
}
interface VenueSummary {
  id: string;
  name: string;
  status: 'open' | 'closed';
  grid: { id: string; name: string };
  lastInspection: { at: string; result: 'pass' | 'fail' } | null;
}
interface Inspection {
  id: string;
  at: string;
  inspector: { id: string; name: string };
  result: 'pass' | 'fail';
  items: { code: string; name: string; result: 'pass' | 'fail' | 'na' }[];
  note: string | null;
  photoIds: string[];
  case: { id: string; number: string } | null;
}
interface VenueDetail extends VenueSummary {
  checklist: { code: string; name: string }[];
  history: ({ kind: 'inspection'; at: string; inspection: Inspection } | { kind: string; at: string })[];
}
interface CaseJson {
  id: string;
  caseNumber: string;
  status: string;
  gridId: string | null;
  description: string;
}

const GRID_WORKER = 'wgy_dehua';
const COMMUNITY = 'dehua';
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const NOTE = '收银台未张贴场所码，顾客进出未扫码登记，已当场要求整改。';

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

const inspectionsOf = (v: VenueDetail): Inspection[] =>
  v.history.flatMap((e) => (e.kind === 'inspection' && 'inspection' in e ? [e.inspection] : []));

export async function venueSteps(ctx: VenueContext): Promise<VenueStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let base = '';
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  let phone: { context: BrowserContext; page: Page; req: APIRequestContext } | null = null;
  let me: Me | null = null;
  let venue: VenueDetail | null = null;
  let failed = { code: '', name: '' };
  let inspectionsBefore = 0;
  let caseNumber = '';
  let caseId = '';
  const pageErrors: string[] = [];

  const closeAll = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    phone = null;
  };

  return [
    {
      name: '场所检查：网格员手机离线检查本网格场所，一项不合格并上报问题，进入待发送',
      async run() {
        base = ctx.baseURL ?? new URL(ctx.page.url()).origin;
        assert(/^https?:/.test(base), `no server origin (page is at ${ctx.page.url()}); pass baseURL`);
        browser = ctx.page.context().browser();
        assert(browser, 'the run page has no browser to open contexts in');
        const context = await browser.newContext({
          baseURL: base,
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          userAgent: PHONE_UA,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          // Offline without a reload: the pages are loaded, the venue is kept in IndexedDB.
          serviceWorkers: 'block',
        });
        contexts.push(context);
        const p = await context.newPage();
        p.on('pageerror', (e) => pageErrors.push(String(e)));
        p.setDefaultTimeout(15_000);
        phone = { context, page: p, req: context.request };

        await p.goto('/login');
        await p.getByTestId('login-username').fill(GRID_WORKER);
        await p.getByTestId('login-password').fill(password);
        await p.getByTestId('login-submit').click();
        await p.waitForURL((u) => u.pathname === '/m');
        me = await getJson<Me>(context.request, '/api/v1/auth/me');

        // The venues of my grid, as the server lists them for me; one open for business to inspect.
        const { items } = await getJson<{ items: VenueSummary[] }>(context.request, '/api/v1/venues?limit=200');
        assert(items.length > 0, `no venue listed for ${GRID_WORKER}`);
        const foreignGrid = items.find((v) => v.grid.id !== me!.unitId);
        assert(
          !foreignGrid,
          `${foreignGrid?.name} (${foreignGrid?.grid.name}) is listed but lies outside ${me.unitName}`,
        );
        const pick = items.filter((v) => v.status === 'open').sort((a, b) => a.name.localeCompare(b.name, 'zh'))[0];
        assert(pick, `no venue of ${me.unitName} is open for business`);
        venue = await getJson<VenueDetail>(context.request, `/api/v1/venues/${pick.id}`);
        inspectionsBefore = inspectionsOf(venue).length;
        assert(venue.checklist.length >= 2, `the checklist has ${venue.checklist.length} items`);
        failed = venue.checklist.find((c) => c.code === 'scan') ?? venue.checklist[0];

        await p.getByTestId('m-tab-venues').click();
        await p.getByTestId('m-venues-page').waitFor();
        const cards = p.getByTestId('m-venue-card');
        await cards.first().waitFor();
        assert(
          (await cards.count()) === items.length,
          `the phone lists ${await cards.count()} venues, expected ${items.length}`,
        );
        await ctx.shot(p, 'v01-venues');
        await cards.filter({ hasText: venue.name }).click();
        await p.getByTestId('m-venue-page').waitFor();
        await p.getByTestId('m-venue-name').filter({ hasText: venue.name }).waitFor();

        // Offline from here (the venue's page is kept on the phone).
        await context.setOffline(true);
        await p.getByTestId('m-offline').waitFor();
        const submit = p.getByTestId('m-venue-submit');
        assert(await submit.isDisabled(), 'the inspection can be submitted before every item is ticked');
        for (const c of venue.checklist) {
          const pickText = c.code === failed.code ? '不合格' : '合格';
          const option = p.getByTestId(`check-${c.code}`).getByText(pickText, { exact: true });
          // Centred first: at the viewport's bottom edge the fixed tab bar covers the row.
          await option.evaluate((el) => el.scrollIntoView({ block: 'center' }));
          await option.click();
        }
        await p.getByTestId('m-venue-case').waitFor();
        assert(await p.getByTestId('m-venue-case').isChecked(), '上报为问题 is not ticked by default');
        await p
          .getByTestId('m-venue-photos-input')
          .setInputFiles({ name: 'changsuo.jpg', mimeType: 'image/jpeg', buffer: await photo('未张贴场所码') });
        await p.getByTestId('m-venue-photos').locator('[data-testid="m-photo-thumb"]').first().waitFor();
        await p.getByTestId('m-venue-note').fill(NOTE);
        assert((await submit.innerText()).includes('不合格'), `the submit button reads "${await submit.innerText()}"`);
        await ctx.shot(p, 'v02-inspect-offline');
        // Scrolled to the middle first: at the viewport's bottom edge the fixed tab bar covers the button.
        await submit.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await submit.click();
        await p.getByTestId('m-queue-count').filter({ hasText: /^1$/ }).waitFor();
        await p.getByTestId('m-venue-queued').waitFor();

        await p.getByTestId('m-queue-chip').click();
        const item = p.getByTestId('m-queue-item');
        await item.first().waitFor();
        assert((await item.count()) === 1, `the outbox lists ${await item.count()} items, expected 1`);
        assert((await item.getAttribute('data-kind')) === 'inspection', 'the queued item is not an inspection');
        const text = await item.innerText();
        assert(text.includes(`场所检查：${venue.name}`), `the queued item reads "${text.replace(/\s+/g, ' ')}"`);
        assert(text.includes('1 张照片'), 'the queued inspection does not keep its photo');
        await ctx.shot(p, 'v03-queue-offline');
      },
    },
    {
      name: '场所检查：联网后自动发送，检查不合格并生成问题案卷',
      async run() {
        assert(phone && me && venue, 'no queued inspection (previous step failed)');
        const p = phone.page;
        await phone.context.setOffline(false);
        const sent = p.getByTestId('m-sent-item').filter({ hasText: `场所检查：${venue.name}` });
        await sent.waitFor({ timeout: 20_000 });
        await p.getByTestId('m-queue-item').first().waitFor({ state: 'detached' });
        caseNumber = (await sent.getAttribute('data-case-number')) ?? '';
        assert(/^\d{6}-\d{8}-\d{4}$/.test(caseNumber), `the sent inspection's case number is "${caseNumber}"`);
        assert((await sent.innerText()).includes('不合格'), 'the sent inspection does not say 不合格');
        await ctx.shot(p, 'v04-sent');

        const after = await getJson<VenueDetail>(phone.req, `/api/v1/venues/${venue.id}`);
        const inspections = inspectionsOf(after);
        assert(
          inspections.length === inspectionsBefore + 1,
          `the venue has ${inspections.length} inspections, expected ${inspectionsBefore + 1} (sent once)`,
        );
        const last = inspections.at(-1)!;
        assert(last.result === 'fail', `the inspection's result is ${last.result}`);
        assert(last.inspector.id === me.id, `inspected by ${last.inspector.name}`);
        const fails = last.items.filter((i) => i.result === 'fail').map((i) => i.code);
        assert(fails.length === 1 && fails[0] === failed.code, `failed items: ${fails.join(',')}`);
        assert(last.items.length === venue.checklist.length, `${last.items.length} items recorded`);
        assert(last.note === NOTE, `note "${last.note}"`);
        assert(last.photoIds.length === 1, `${last.photoIds.length} photos recorded`);
        assert(
          last.case?.number === caseNumber,
          `the inspection's case is ${last.case?.number}, the phone said ${caseNumber}`,
        );
        assert(after.lastInspection?.result === 'fail', "the venue's last inspection is not 不合格");
        caseId = last.case.id;
        const c = await getJson<CaseJson>(phone.req, `/api/v1/cases/${caseId}`);
        assert(c.caseNumber === caseNumber, `case ${c.caseNumber}`);
        assert(c.gridId === me.unitId, `the case lies in grid ${c.gridId}, expected ${me.unitName}`);
        assert(
          c.description.includes(venue.name) && c.description.includes(failed.name),
          `the case does not say what failed where: "${c.description}"`,
        );

        // Back on the list: the venue's last check is 不合格.
        await p.getByTestId('m-tab-venues').click();
        await p.getByTestId('m-venue-card').filter({ hasText: venue.name }).filter({ hasText: '不合格' }).waitFor();
      },
    },
    {
      name: '场所检查：社区在电脑端场所页面看到这次检查不合格及上报的案卷号',
      async run() {
        assert(venue && caseNumber && me, 'no inspection sent (previous step failed)');
        const context = await browser!.newContext({
          baseURL: base,
          viewport: { width: 1366, height: 768 },
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        contexts.push(context);
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        page.setDefaultTimeout(15_000);
        await page.goto('/login');
        await page.getByTestId('login-username').fill(COMMUNITY);
        await page.getByTestId('login-password').fill(password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('app-layout').waitFor();

        await page.getByTestId('nav-venues').click();
        const row = page.getByTestId('venue-table').locator('tr.ant-table-row').filter({ hasText: venue.name });
        await row.waitFor();
        assert(
          (await row.innerText()).includes('不合格'),
          `the venue's row does not show 不合格: ${await row.innerText()}`,
        );
        await row.getByRole('link', { name: venue.name }).click();
        await page.getByTestId('venue-title').filter({ hasText: venue.name }).waitFor();

        // Newest first: the phone's inspection, 不合格, by the grid worker, with its case.
        const history = page.getByTestId('venue-history');
        const first = history.locator('.ant-timeline-item').first();
        await first.waitFor();
        const text = (await first.innerText()).replace(/\s+/g, ' ');
        for (const want of ['检查', '不合格', me.displayName, `${failed.name}：不合格`, NOTE, caseNumber])
          assert(text.includes(want), `the newest history entry does not show "${want}": "${text}"`);
        await first.locator('img').first().waitFor();
        const caseLink = first.getByRole('link', { name: caseNumber });
        await caseLink.waitFor();
        await page.waitForTimeout(400);
        await ctx.shot(page, 'v05-console-venue');

        // The case number opens the ledger's case.
        await caseLink.click();
        await page.waitForURL((u) => u.pathname === `/cases/${caseId}`);
        await page.locator(`[data-testid="case-detail-page"][data-case-id="${caseId}"]`).waitFor();
        const shownNumber = (await page.getByTestId('case-number').innerText()).trim();
        assert(shownNumber === caseNumber, `the case page shows ${shownNumber}, expected ${caseNumber}`);
        await page.getByText(`场所检查不合格：${venue.name}`).first().waitFor();
        await page.waitForTimeout(400);
        await ctx.shot(page, 'v06-console-case');

        const errors = [...pageErrors];
        await closeAll();
        if (errors.length) throw new Error(`errors on the pages: ${errors.slice(0, 3).join(' | ')}`);
      },
    },
  ];
}
