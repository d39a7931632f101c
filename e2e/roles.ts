/**
 * Every role's menu, walked (issue 11 C1): for each demo account, sign in, open every menu entry the
 * console shows it and fail on any 401/403/404 answered by /api/, on a page that says 无权访问 or
 * 页面不存在, and on any page error. A menu entry a role cannot use should not be there at all.
 *
 *   steps.push(...rolesSteps({ browser, baseURL, shot }));
 *
 * One browser context per account (its own cookie jar), closed after its walk.
 */
import type { Browser, Page, Response } from 'playwright-core';

export interface RolesContext {
  browser: Browser;
  baseURL: string;
  shot(page: Page, name: string): Promise<void>;
  adminPassword?: string;
  demoPassword?: string;
}

export interface RolesStep {
  name: string;
  run(): Promise<void>;
}

/** The demo accounts of README, one per line there; each gets its own walk. */
export const DEMO_ACCOUNTS = [
  'admin',
  'leader',
  'duchashi',
  'chengbei',
  'chenzhou',
  'zhuzhuang',
  'dehua',
  'wgy_zhuzhuang',
  'wgy_dehua',
  'dianxin',
  'chengguan',
  'jiandu',
  'zhiyuanzhe',
  'tianwei',
  'minjing',
  'yisheng',
] as const;

/** Menu entries each account must (and must not) see: the cases named in the issue. */
const EXPECT: Partial<Record<(typeof DEMO_ACCOUNTS)[number], { sees?: string[]; hidden?: string[] }>> = {
  admin: { sees: ['cases', 'org', 'people', 'accounts', 'audit', 'supervision-leader'] },
  leader: { sees: ['cases', 'supervision-leader', 'audit'] },
  zhuzhuang: { sees: ['cases'], hidden: ['supervision-leader'] },
  wgy_zhuzhuang: { sees: ['cases'], hidden: ['people', 'supervision-leader'] },
  jiandu: { hidden: ['cases', 'case-reconcile', 'case-kpis', 'supervision-assessment'] },
  chengguan: { sees: ['crew'], hidden: ['supervision-leader', 'people'] },
  tianwei: { sees: ['proposals', 'supervision-topics'], hidden: ['cases', 'supervision-assessment'] },
  dehua: { sees: ['measures', 'patrols', 'patrol-coverage', 'campaigns', 'achievements', 'duty-roster'] },
  // 四包一's police officer and doctor: nothing of the district's people in the console; 居家措施 lists
  // only the measures they own.
  minjing: { sees: ['measures'], hidden: ['population', 'door-knocking', 'venues', 'people', 'cases'] },
  yisheng: { sees: ['measures'], hidden: ['population', 'door-knocking', 'venues', 'people', 'cases'] },
};

const SETTLE_MS = 500;
const SETTLE_CAP_MS = 8000;

/** Accounts walked at once, each in its own context: the walks mostly wait on the server. */
const PARALLEL = 3;

export function rolesSteps(ctx: RolesContext): RolesStep[] {
  // The first step starts every walk (PARALLEL at a time); each step reports its own account.
  let walks: Map<string, Promise<string[]>> | null = null;
  const start = () => (walks ??= runPooled(DEMO_ACCOUNTS, PARALLEL, (u) => walkAccount(ctx, u)));
  return DEMO_ACCOUNTS.map((username) => ({
    name: `角色菜单：${username} 逐项打开无 401/403/404`,
    async run() {
      const problems = await start().get(username)!;
      if (problems.length)
        throw new Error(`${problems.length} problem(s): ${[...new Set(problems)].slice(0, 12).join('; ')}`);
    },
  }));
}

function runPooled<T>(keys: readonly string[], width: number, work: (key: string) => Promise<T>) {
  const results = new Map<string, Promise<T>>();
  const starters = new Map<string, () => void>();
  for (const k of keys)
    results.set(
      k,
      new Promise<void>((go) => starters.set(k, go)).then(() => work(k)),
    );
  const queue = [...keys];
  const next = () => {
    const k = queue.shift();
    if (!k) return;
    starters.get(k)!();
    void results.get(k)!.finally(next);
  };
  for (let i = 0; i < width; i++) next();
  return results;
}

/** Signs `username` in and opens every menu entry; returns what went wrong. */
async function walkAccount(ctx: RolesContext, username: string): Promise<string[]> {
  const password = username === 'admin' ? (ctx.adminPassword ?? 'Admin12345') : (ctx.demoPassword ?? 'Demo12345');
  const context = await ctx.browser.newContext({
    baseURL: ctx.baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const problems: string[] = [];
  // Nothing may leave the machine (map tiles, fonts, CDNs), as in run.ts's own context.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(ctx.baseURL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request leaves the machine: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Before sign-in the login page asks who is signed in (401): not a finding.
  let where: string | null = null;
  const inFlight = new Set<unknown>();
  let lastActivity = Date.now();
  page.on('request', (r) => {
    if (!r.url().includes('/api/')) return;
    inFlight.add(r);
    lastActivity = Date.now();
  });
  const done = (r: unknown) => {
    if (inFlight.delete(r)) lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (res: Response) => {
    const url = new URL(res.url());
    if (where === null || !url.pathname.startsWith('/api/')) return;
    if ([401, 403, 404].includes(res.status()))
      problems.push(`${where}: ${res.request().method()} ${url.pathname}${url.search} → ${res.status()}`);
  });
  page.on('pageerror', (e) => problems.push(`${where}: page error ${String(e).split('\n')[0]}`));

  /** Waits until no /api/ request has been in flight for a moment (pages load in several rounds). */
  async function settle() {
    const started = Date.now();
    while (Date.now() - started < SETTLE_CAP_MS) {
      if (inFlight.size === 0 && Date.now() - lastActivity >= SETTLE_MS) return;
      await page.waitForTimeout(100);
    }
  }

  try {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    where = '登录后';
    // A phone landing (/m) is not this walk's business; the console is one click away.
    if (
      !(await page
        .getByTestId('app-layout')
        .isVisible()
        .catch(() => false))
    )
      await page.goto('/');
    await page.getByTestId('app-layout').waitFor();
    where = '首页';
    await settle();

    // Open every sub-menu, then read the entries shown.
    const submenus = page.locator('[data-testid="side-menu"] .ant-menu-submenu:not(.ant-menu-submenu-open)');
    for (let guard = 0; guard < 20 && (await submenus.count()) > 0; guard++) {
      await submenus.first().locator('.ant-menu-submenu-title').click();
    }
    const keys = await page
      .locator('[data-testid="side-menu"] [data-testid^="nav-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('nav-'.length)));
    if (keys.length === 0) throw new Error('the menu is empty');

    const expect = EXPECT[username as keyof typeof EXPECT];
    for (const k of expect?.sees ?? []) if (!keys.includes(k)) problems.push(`菜单缺少 nav-${k}`);
    for (const k of expect?.hidden ?? []) if (keys.includes(k)) problems.push(`菜单不应有 nav-${k}`);

    for (const key of keys) {
      // 手机巡查, 处置通 and 今日随访 leave the console for the phone pages; e2e/mobile.ts, e2e/crew.ts and
      // e2e/measures.ts walk those. 指挥大屏 leaves it for the full-screen wall (no menu to walk on from).
      if (key === 'mobile' || key === 'crew' || key === 'followups' || key === 'insight-wall') continue;
      where = `菜单 ${key}`;
      const t0 = Date.now();
      // The page's chunk loads before its first API call: count the quiet window from the click.
      lastActivity = t0;
      await page.getByTestId(`nav-${key}`).click();
      await settle();
      if (process.env.E2E_TRACE) process.stdout.write(`    ${username} ${key} ${Date.now() - t0} ms\n`);
      const refused = page.locator('.ant-result-403, .ant-result-404');
      if (await refused.count())
        problems.push(`${where}: the page says ${(await refused.first().innerText()).split('\n')[0]}`);
    }
    if (username === 'admin' || username === 'leader' || username === 'zhuzhuang') {
      where = '截图';
      await page.getByTestId('nav-home').click();
      await settle();
      await ctx.shot(page, `roles-${username}-home`);
    }
  } catch (e) {
    problems.push(`${where ?? '登录'}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await context.close().catch(() => undefined);
  }
  return problems;
}
