/**
 * Security steps (issue 16, items 3 and 5), in browser contexts of their own:
 * - a page served from a second origin (another port of 127.0.0.1, a tiny server started here)
 *   auto-submits form posts to bodiless routes (password reset, mark the inbox read) while the admin is
 *   signed in: the state must not change;
 * - a unit named `<img src=x onerror=…>` on the /org map: no script runs, the name shows as text;
 * - the console under its Content-Security-Policy: signing in and a map page log no violation.
 *
 *   groups.push(securitySteps({ browser, baseURL, shot, adminPassword }));
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { consoleLogin } from './console-login';

export interface SecurityContext {
  browser: Browser;
  baseURL: string;
  shot(page: Page, name: string): Promise<void>;
  adminPassword: string;
}

interface Step {
  name: string;
  run(): Promise<void>;
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

const XSS_NAME = '<img src=x onerror=window.__x=1>';

/** Messages Chromium logs for a blocked resource or script under the page's policy. */
const isCspViolation = (m: ConsoleMessage) => /Content Security Policy|Refused to /i.test(m.text());

export function securitySteps(ctx: SecurityContext): Step[] {
  const { browser, baseURL, shot } = ctx;
  const contexts: BrowserContext[] = [];
  let attacker: Server | null = null;
  let attackerPage = '';

  async function signedIn(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
    const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (isCspViolation(m)) violations.push(m.text());
    });
    // Every violation is also reported to the server, logged or not in the page's console.
    page.on('request', (r) => {
      if (r.url().endsWith('/csp-report')) violations.push(`report: ${r.postData()?.slice(0, 200)}`);
    });
    await page.goto('/login');
    await consoleLogin(page, 'admin', ctx.adminPassword);
    return { context, page, violations };
  }

  async function json<T>(req: APIRequestContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) {
    const res = await req.fetch(url, { method, ...(data !== undefined ? { data } : {}) });
    assert(res.ok(), `${method} ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  }

  /** Serves one HTML page (what the attacker's site would host) on a port of its own; returns its origin. */
  async function serveAttacker(html: string): Promise<string> {
    attackerPage = html;
    if (!attacker) {
      attacker = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(attackerPage);
      });
      await new Promise<void>((resolve) => attacker!.listen(0, '127.0.0.1', resolve));
    }
    return `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  }

  const close = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    const a = attacker;
    attacker = null;
    if (a) await new Promise<void>((resolve) => a.close(() => resolve()));
  };

  return [
    {
      name: '安全：另一来源页面的表单提交不改变任何状态',
      async run() {
        try {
          const { page } = await signedIn();
          const api = page.request;
          const district = (await json<{ items: { id: string }[] }>(api, 'GET', '/api/v1/units')).items[0];
          const username = `csrf_${Date.now() % 100000}`;
          const created = await json<{ account: { id: string }; temporaryPassword: string }>(
            api,
            'POST',
            '/api/v1/accounts',
            {
              username,
              displayName: '跨站测试',
              unitId: district.id,
              roles: ['grid_worker'],
            },
          );
          const inboxBefore = (await json<{ unreadCount: number }>(api, 'GET', '/api/v1/inbox')).unreadCount;
          const target = (p: string) => `${baseURL}/api/v1${p}`;
          // The attacker's page: forms a browser submits with the admin's cookie (same site, other port).
          const forms: [string, string][] = [
            [`/accounts/${created.account.id}/reset-password`, 'text/plain'],
            ['/inbox/read-all', 'text/plain'],
            ['/inbox/read-all', 'application/x-www-form-urlencoded'],
            ['/inbox/read-all', 'multipart/form-data'],
          ];
          for (const [p, enctype] of forms) {
            const origin = await serveAttacker(
              `<!doctype html><form method="POST" action="${target(p)}" enctype="${enctype}">` +
                `<input name="x" value="1"></form><script>document.forms[0].submit()</script>`,
            );
            const answered = page.waitForResponse((r) => r.url() === target(p) && r.request().method() === 'POST');
            await page.goto(`${origin}/`);
            const res = await answered;
            assert(res.status() === 403, `${enctype} form post to ${p} answered ${res.status()}, not 403`);
          }
          // Nothing changed: the temporary password still signs in, the inbox is as unread as before.
          const login = await browser.newContext({ baseURL });
          contexts.push(login);
          const still = await login.request.post('/api/v1/auth/login', {
            data: { username, password: created.temporaryPassword },
          });
          assert(still.ok(), `the temporary password no longer signs in (${still.status()}): the reset went through`);
          const inboxAfter = (await json<{ unreadCount: number }>(api, 'GET', '/api/v1/inbox')).unreadCount;
          assert(
            inboxAfter === inboxBefore,
            `unread messages ${inboxBefore} → ${inboxAfter}: the inbox was marked read`,
          );
          await shot(page, 'security-csrf');
        } finally {
          await close();
        }
      },
    },
    {
      name: '安全：地图提示中的单位名称按文字显示，不执行脚本',
      async run() {
        let renamed: { id: string; name: string } | null = null;
        const { page, violations } = await signedIn();
        try {
          const api = page.request;
          const district = (await json<{ items: { id: string }[] }>(api, 'GET', '/api/v1/units')).items[0];
          const children = (
            await json<{ items: { id: string; name: string; hasBoundary: boolean; status: string }[] }>(
              api,
              'GET',
              `/api/v1/units?parentId=${district.id}`,
            )
          ).items;
          const child = children.find((u) => u.hasBoundary && u.status === 'active');
          assert(child, 'no subdistrict with a boundary in the demo');
          renamed = { id: child.id, name: child.name };
          await json(api, 'PATCH', `/api/v1/units/${child.id}`, { name: XSS_NAME });
          await page.goto('/org');
          await page.getByTestId('org-page').waitFor();
          const label = page.locator('.leaflet-tooltip', { hasText: '<img src=x' });
          await label.first().waitFor();
          assert((await label.first().textContent())?.includes(XSS_NAME), 'the name is not shown as its characters');
          assert((await page.locator('.leaflet-tooltip img').count()) === 0, 'the name became an <img> element');
          await page.waitForTimeout(300);
          assert((await page.evaluate(() => (window as { __x?: number }).__x)) === undefined, 'the onerror script ran');
          assert(violations.length === 0, `CSP violations: ${violations.slice(0, 3).join(' | ')}`);
          await shot(page, 'security-map-text');
        } finally {
          if (renamed)
            await page.request.fetch(`/api/v1/units/${renamed.id}`, { method: 'PATCH', data: { name: renamed.name } });
          await close();
        }
      },
    },
    {
      name: '安全：控制台在内容安全策略下运行无违规',
      async run() {
        try {
          const { context, page, violations } = await signedIn();
          const res = await context.request.get('/');
          const csp = res.headers()['content-security-policy'] ?? '';
          assert(/script-src 'self'/.test(csp) && /frame-ancestors 'none'/.test(csp), `CSP: ${csp}`);
          assert(res.headers()['x-content-type-options'] === 'nosniff', 'no nosniff');
          for (const p of ['/', '/org', '/cases']) {
            await page.goto(p);
            await page.getByTestId('app-layout').waitFor();
            await page.waitForLoadState('networkidle');
          }
          await page
            .locator('.leaflet-container')
            .first()
            .waitFor()
            .catch(() => undefined);
          assert(violations.length === 0, `CSP violations: ${violations.slice(0, 3).join(' | ')}`);
          // An inline handler slipped into the page is blocked, and the browser reports it to /csp-report.
          const reported = page.waitForRequest((r) => r.url().endsWith('/csp-report') && r.method() === 'POST');
          await page.evaluate(() => {
            const img = document.createElement('img');
            img.setAttribute('onerror', 'window.__y = 1');
            img.src = '/no-such-image.png';
            document.body.append(img);
          });
          const report = await reported;
          assert(/script-src-attr|script-src/.test(report.postData() ?? ''), `report: ${report.postData()}`);
          assert((await page.evaluate(() => (window as { __y?: number }).__y)) === undefined, 'the inline handler ran');
        } finally {
          await close();
        }
      },
    },
  ];
}
