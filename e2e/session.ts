/**
 * What the step files that open their own browser contexts share: contexts that stay on this
 * machine (every request elsewhere is noted), signing in, a console at 1366×768, the menu, and the
 * end-of-group check that no request left the machine and no page threw.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function post<T = unknown>(req: APIRequestContext, url: string, data: unknown): Promise<T> {
  const res = await req.post(url, { data });
  if (!res.ok()) throw new Error(`POST ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** Today in Shanghai (YYYY-MM-DD). */
export const shanghaiDay = (d = new Date()) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The open dropdown's option whose text is `text` (antd renders the list outside the select). */
export const option = (p: Page, text: string | RegExp) =>
  p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();

/** The console page fits 1366 px wide (no horizontal scrolling). */
export async function fitsWidth(p: Page, what: string): Promise<void> {
  const w = await p.evaluate(() => document.documentElement.scrollWidth);
  assert(w <= 1366, `${what} is ${w} px wide at 1366×768`);
}

export interface BrowserSession {
  /** The server's origin (the run page's, unless the run names one). */
  readonly base: string;
  /** A browser context on the server, in zh-CN and Shanghai time; requests leaving the machine are noted. */
  newContext(opts: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  /** Fills the login form on `p` and submits it. */
  signIn(p: Page, username: string): Promise<void>;
  /** A console signed in as `username` at 1366×768, its layout shown, page errors noted. */
  consoleAs(username: string): Promise<{ context: BrowserContext; page: Page }>;
  /** A menu entry (its group's sub-menu opened first when closed), waiting for its path. */
  openNav(p: Page, group: string, key: string, path: string): Promise<void>;
  /** Notes the page's uncaught errors (consoleAs does it for its own pages). */
  watch(p: Page): void;
  /** Fails when a request left the machine or a page threw, then closes every context opened. */
  finish(): Promise<void>;
}

export function browserSession(ctx: { page: Page; baseURL?: string }, password: string): BrowserSession {
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const foreign: string[] = [];
  const base = () => ctx.baseURL ?? new URL(ctx.page.url()).origin;
  const browser = () => {
    const b = ctx.page.context().browser();
    assert(b, 'the run page has no browser to open contexts in');
    return b;
  };
  const session: BrowserSession = {
    get base() {
      return base();
    },
    async newContext(opts) {
      const origin = base();
      const c = await browser().newContext({ baseURL: origin, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts });
      c.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      contexts.push(c);
      return c;
    },
    async signIn(p, username) {
      await p.getByTestId('login-username').fill(username);
      await p.getByTestId('login-password').fill(password);
      await p.getByTestId('login-submit').click();
    },
    async consoleAs(username) {
      const context = await session.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      session.watch(page);
      page.setDefaultTimeout(15_000);
      await page.goto('/login');
      await session.signIn(page, username);
      await page.getByTestId('app-layout').waitFor();
      return { context, page };
    },
    async openNav(p, group, key, path) {
      const item = p.getByTestId(`nav-${key}`);
      // An entry at the foot of a 1366×768 menu, clicked while its group was still opening, sometimes
      // took no click (CI, twice): the group opened, the entry in view, then clicked again if the
      // address did not change.
      for (let attempt = 1; ; attempt++) {
        if (!(await item.isVisible())) await p.locator('.ant-menu-submenu-title').filter({ hasText: group }).click();
        await item.scrollIntoViewIfNeeded();
        await item.click();
        try {
          await p.waitForURL((u) => u.pathname === path, { timeout: attempt < 3 ? 5_000 : 15_000 });
          return;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      }
    },
    watch(p) {
      p.on('pageerror', (e) => pageErrors.push(String(e)));
    },
    async finish() {
      try {
        if (foreign.length)
          throw new Error(`requests left the machine: ${[...new Set(foreign)].slice(0, 5).join(', ')}`);
        assert(pageErrors.length === 0, `page errors: ${pageErrors.slice(0, 3).join('; ')}`);
      } finally {
        for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
      }
    },
  };
  return session;
}
