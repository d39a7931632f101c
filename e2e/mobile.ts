/**
 * End-to-end steps of the grid worker's phone page (/m), run by e2e/run.ts after its own steps:
 *
 *   steps.push(...(await mobileSteps({ page, shot, baseURL: base })));
 *
 * In a phone-sized context of its own (390×844, touch, GPS granted at a point of the worker's grid):
 * wgy_zhuzhuang signs in on /m, the service worker keeps the app shell; offline, the page still opens
 * (reload) and a report with a photo is kept in the outbox (待发送 1 条); back online it is sent by
 * itself and shows under 我的网格 with its case number. Then a report the server refuses (no position
 * anywhere: GPS off, a photo without EXIF, no address) stays in the outbox marked with the server's
 * message, and is sent after 修改 adds an address.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getJson, photo, pointInGrid, waitForOfflineShell } from './fixtures';

export interface MobileContext {
  /** A page of the run (its browser is reused; its origin is the server's unless baseURL is given). */
  page: Page;
  /** Full-page screenshot into the run's artifacts folder. */
  shot(page: Page, name: string): Promise<void>;
  /** The server's origin, e.g. http://127.0.0.1:41234 (else taken from `page`'s URL when the step runs). */
  baseURL?: string;
  /** Password of the demo accounts (CIVICGRID_DEMO_PASSWORD); Demo12345 by default. */
  demoPassword?: string;
}

export interface MobileStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  unitId: string;
  unitName: string;
}
interface CaseJson {
  id: string;
  caseNumber: string;
  status: string;
  gridId: string | null;
  description: string;
  photos: unknown[];
}

const GRID_WORKER = 'wgy_zhuzhuang';
const CATEGORY = { group: '01', code: '0102', name: '暴露垃圾' };

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function mobileSteps(ctx: MobileContext): Promise<MobileStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  let me: Me | null = null;
  let description = '';
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  const phone = (): Page => {
    assert(page, 'the phone page is not open (previous step failed)');
    return page;
  };

  const apiGet = <T>(url: string): Promise<T> => getJson<T>(context!.request, url);

  /** Picks 市容环境 / 暴露垃圾 in the two-level sheet. */
  async function pickCategory(p: Page) {
    await p.getByTestId('m-category').click();
    await p.getByTestId(`m-category-group-${CATEGORY.group}`).click();
    await p.getByTestId(`m-category-${CATEGORY.code}`).click();
    await p.getByTestId('m-category-value').filter({ hasText: CATEGORY.name }).waitFor();
    await p.getByTestId('m-category-search').waitFor({ state: 'detached' });
  }

  return [
    {
      name: '手机端：网格员在 /m 登录，离线时页面仍能打开，带照片上报进入待发送',
      async run() {
        const base = ctx.baseURL ?? new URL(ctx.page.url()).origin;
        assert(/^https?:/.test(base), `no server origin (page is at ${ctx.page.url()}); pass baseURL`);
        const browser: Browser | null = ctx.page.context().browser();
        assert(browser, 'the run page has no browser to open a phone context in');
        context = await browser.newContext({
          baseURL: base,
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          permissions: ['geolocation'],
          geolocation: { latitude: 33.6, longitude: 114.6, accuracy: 15 },
          serviceWorkers: 'allow',
        });
        // Nothing may leave the machine (no map tiles, fonts, CDNs) — on the phone page either.
        context.on('request', (r) => {
          const url = r.url();
          if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
        });
        page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        page.setDefaultTimeout(15_000);
        const p = page;

        await p.goto('/m');
        await p.waitForURL(/\/login\?redirect=%2Fm/);
        await p.getByTestId('login-username').fill(GRID_WORKER);
        await p.getByTestId('login-password').fill(password);
        await p.getByTestId('login-submit').click();
        await p.waitForURL((u) => u.pathname === '/m');
        await p.getByTestId('m-grid-page').waitFor();
        me = await apiGet<Me>('/api/v1/auth/me');
        const name = (await p.getByTestId('m-grid-name').innerText()).trim();
        assert(name.includes(me.unitName), `我的网格 shows "${name}", expected ${me.unitName}`);
        const point = await pointInGrid(context.request, me.unitId);
        await context.setGeolocation({ latitude: point.lat, longitude: point.lng, accuracy: 15 });
        await waitForOfflineShell(p);
        await ctx.shot(p, 'm01-grid');

        // Offline: the app shell still opens (from the service worker) and the account is known.
        await context.setOffline(true);
        await p.reload();
        await p.getByTestId('m-app').waitFor();
        await p.getByTestId('m-offline').waitFor();

        await p.getByTestId('m-tab-report').click();
        await p.getByTestId('m-report-page').waitFor();
        await p.locator('[data-testid="m-gps"][data-state="ok"]').waitFor();
        const accuracy = await p.getByTestId('m-gps-accuracy').innerText();
        assert(/±\s*15\s*米/.test(accuracy), `GPS accuracy shows "${accuracy}"`);
        await pickCategory(p);
        description = `离线上报：朱庄社区东侧绿化带有生活垃圾堆放 ${Date.now() % 100000}`;
        await p.getByTestId('m-description').fill(description);
        await p
          .getByTestId('m-photos-input')
          .setInputFiles({ name: 'xianchang.jpg', mimeType: 'image/jpeg', buffer: await photo('离线拍摄') });
        await p.getByTestId('m-photos').locator('[data-testid="m-photo-thumb"] img').first().waitFor();
        await ctx.shot(p, 'm02-report-offline');
        await p.getByTestId('m-report-submit').click();
        await p.locator('[data-testid="m-report-result"][data-result="queued"]').waitFor();
        const count = await p.getByTestId('m-queue-count').innerText();
        assert(count.trim() === '1', `待发送 shows ${count}, expected 1`);
        await ctx.shot(p, 'm03-report-queued');

        await p.getByTestId('m-report-queue').click();
        const item = p.getByTestId('m-queue-item');
        await item.first().waitFor();
        assert((await item.count()) === 1, `the outbox lists ${await item.count()} items, expected 1`);
        assert((await item.first().getAttribute('data-state')) === 'pending', 'the queued report is not pending');
        assert((await item.first().innerText()).includes('1 张照片'), 'the queued report does not keep its photo');
        await ctx.shot(p, 'm04-queue-offline');
      },
    },
    {
      name: '手机端：联网后自动发送，我的网格列出新案卷（案卷号）',
      async run() {
        const p = phone();
        assert(me && description, 'no queued report (previous step failed)');
        await context!.setOffline(false);
        // Sent by itself on `online`: the outbox empties and the sent list shows the case number.
        const sent = p.getByTestId('m-sent-item').first();
        await sent.waitFor({ timeout: 20_000 });
        await p.getByTestId('m-queue-item').first().waitFor({ state: 'detached' });
        const caseNumber = (await sent.getAttribute('data-case-number')) ?? '';
        assert(
          /^\d{6}-\d{8}-\d{4}$/.test(caseNumber),
          `sent case number "${caseNumber}" is not like 411602-20260806-0001`,
        );
        assert(!(await p.getByTestId('m-queue-chip').count()), 'the 待发送 chip is still shown');
        await ctx.shot(p, 'm05-sent');

        await p.getByTestId('m-tab-grid').click();
        const card = p.locator(`[data-testid="m-case-card"][data-case-number="${caseNumber}"]`);
        await card.waitFor();
        assert((await card.innerText()).includes(CATEGORY.name), 'the case card does not name the category');
        await ctx.shot(p, 'm06-grid-listed');

        const { items } = await apiGet<{ items: CaseJson[] }>('/api/v1/cases?status=reported&limit=50');
        const listed = items.find((c) => c.caseNumber === caseNumber);
        assert(listed, `${caseNumber} is not in the grid worker's list`);
        const c = await apiGet<CaseJson>(`/api/v1/cases/${listed.id}`);
        assert(c.description === description, `case description "${c.description}"`);
        assert(c.gridId === me.unitId, `case placed in grid ${c.gridId}, expected ${me.unitId}`);
        assert(c.photos.length === 1, `case has ${c.photos.length} photos, expected 1`);

        await card.click();
        await p.getByTestId('m-case-page').waitFor();
        await p.getByTestId('m-case-number').filter({ hasText: caseNumber }).waitFor();
        await p.locator('[data-testid="m-timeline-item"][data-action="report"]').waitFor();
        await ctx.shot(p, 'm07-case');
      },
    },
    {
      name: '手机端：服务器拒收的上报留在待发送并显示原因，修改后发送成功',
      async run() {
        const p = phone();
        await p.getByTestId('m-tab-report').click();
        await p.getByTestId('m-report-page').waitFor();
        await p.locator('[data-testid="m-gps"][data-state="ok"]').waitFor();
        await context!.setOffline(true);
        await pickCategory(p);
        await p.getByTestId('m-description').fill('无定位的上报：路边有垃圾');
        // No position anywhere: GPS not used, a photo without EXIF GPS, no address.
        await p.getByTestId('m-gps-clear').click();
        await p
          .getByTestId('m-photos-input')
          .setInputFiles({ name: 'nogps.jpg', mimeType: 'image/jpeg', buffer: await photo('无定位') });
        await p.getByTestId('m-photos').locator('[data-testid="m-photo-thumb"]').first().waitFor();
        await p.getByTestId('m-report-submit').click();
        await p.locator('[data-testid="m-report-result"][data-result="queued"]').waitFor();
        await context!.setOffline(false);

        await p.getByTestId('m-queue-chip').click();
        const item = p.locator('[data-testid="m-queue-item"][data-state="rejected"]');
        await item.waitFor({ timeout: 20_000 });
        const error = (await item.getByTestId('m-queue-item-error').innerText()).trim();
        assert(/位置|地址|GPS/.test(error), `the refusal does not carry the server's message: "${error}"`);
        assert((await p.getByTestId('m-queue-count').innerText()).trim() === '1', 'the refused report left the outbox');
        await ctx.shot(p, 'm08-queue-refused');

        // 修改: add an address and send again.
        await item.getByTestId('m-queue-edit').click();
        await p.getByTestId('m-report-editing').waitFor();
        await p.getByTestId('m-address').fill('朱庄社区交通路 18 号门前');
        await p.getByTestId('m-report-submit').click();
        await p.locator('[data-testid="m-report-result"][data-result="sent"]').waitFor({ timeout: 20_000 });
        const caseNumber = (await p.getByTestId('m-report-case-number').innerText()).trim();
        assert(/^\d{6}-\d{8}-\d{4}$/.test(caseNumber), `case number "${caseNumber}"`);
        assert(!(await p.getByTestId('m-queue-chip').count()), 'the outbox is not empty after the resend');
        await ctx.shot(p, 'm09-resent');
        if (foreign.length)
          throw new Error(`requests left the machine: ${[...new Set(foreign)].slice(0, 5).join(', ')}`);
        if (pageErrors.length) throw new Error(`errors on the phone page: ${pageErrors.slice(0, 3).join(' | ')}`);
        await context!.close();
        context = null;
        page = null;
      },
    },
  ];
}
