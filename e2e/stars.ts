/**
 * End-to-end steps of the "五星"支部 cycle (issue 14), run by e2e/run.ts after the supervision steps:
 *
 *   groups.push(await starSteps({ page, shot, baseURL: base }));
 *
 * 德化社区 (dehua, the branch's community worker) on a phone (390×844) opens 支部周报 from the tile on
 * /m, writes this week's progress and sends it: the API holds the report, on time. 陈州街道
 * (chenzhou, console 1366×768) opens 每周推进 from the 五星支部 menu group: 德化社区党支部's cell of this
 * week says 按时报送 and opens the report's text. Back on the phone, 德化 uploads 佐证 (a photo and a
 * line) for the star it goes for this quarter — the first star of the urban set in force whose
 * indicators the rating panel scores all and one of which asks for evidence — and the API lists it.
 *
 * Every step name starts with 五星 (`CIVICGRID_E2E_ONLY=五星` runs this file alone). The steps depend
 * only on the demo data: the star is picked from the set in force, the week from today.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { getJson, photo } from './fixtures';

export interface StarsContext {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  baseURL?: string;
  demoPassword?: string;
}

export interface StarsStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  unitId: string;
  unitName: string;
}
type WeekStatus = 'reported' | 'late' | 'missing' | 'pending' | 'exempt' | 'none';
interface WeekCell {
  week: string;
  status: WeekStatus;
  reportId: string | null;
}
interface WeeklyReport {
  id: string;
  week: string;
  text: string;
  fileIds: string[];
  revision: number;
  status: 'reported' | 'late';
}
interface WeeklyGrid {
  unit: { id: string; name: string };
  today: string;
  weeks: { week: string; dueDay: string | null }[];
  rows: { branchId: string; branchName: string; parentName: string; cells: WeekCell[] }[];
}
interface BranchWeekly {
  branch: { id: string; name: string };
  weeks: { week: string; dueDay: string | null; cell: WeekCell; report: WeeklyReport | null }[];
}
interface Indicator {
  key: string;
  name: string;
  kind: 'computed' | 'scored';
  maxScore: number;
  evidence: string | null;
  evidenceRequired: boolean;
}
interface StarDefinition {
  key: string;
  name: string;
  threshold: number;
  indicators: Indicator[];
}
interface StarSetList {
  quarter: string;
  urban: { id: string; stars: StarDefinition[] } | null;
}
interface Evidence {
  id: string;
  starKey: string;
  indicatorKey: string | null;
  fileId: string | null;
  note: string | null;
}
interface EvidenceList {
  branch: { id: string; name: string; kind: 'village' | 'urban' | null };
  quarter: string;
  items: Evidence[];
}

const COMMUNITY = 'dehua';
const SUBDISTRICT = 'chenzhou';
const BRANCH = '德化社区党支部';
const WEEK_LABEL: Record<WeekStatus, string> = {
  reported: '按时报送',
  late: '逾期报送',
  missing: '未报送',
  pending: '待报送',
  exempt: '无需报送',
  none: '—',
};

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Today in Shanghai (YYYY-MM-DD). */
const shanghaiDay = (d = new Date()) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The Monday of the ISO week holding `day`. */
const mondayOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** The open dropdown's option whose text is `text` (antd renders the list outside the select). */
const option = (p: Page, text: string | RegExp) =>
  p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();

export async function starSteps(ctx: StarsContext): Promise<StarsStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let base = '';
  const contexts: BrowserContext[] = [];
  let phone: { context: BrowserContext; page: Page } | null = null;
  let branchId = '';
  let week = '';
  let weeklyText = '';
  const pageErrors: string[] = [];
  const foreign: string[] = [];

  async function newContext(browser: Browser, opts: Parameters<Browser['newContext']>[0]) {
    const c = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts });
    c.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    contexts.push(c);
    return c;
  }
  async function signIn(p: Page, username: string) {
    await p.getByTestId('login-username').fill(username);
    await p.getByTestId('login-password').fill(password);
    await p.getByTestId('login-submit').click();
  }
  /** A console signed in as `username` at 1366×768. */
  async function consoleAs(username: string) {
    const browser = ctx.page.context().browser();
    assert(browser, 'the run page has no browser to open contexts in');
    const context = await newContext(browser, { viewport: { width: 1366, height: 768 } });
    const p = await context.newPage();
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    p.setDefaultTimeout(15_000);
    await p.goto('/login');
    await signIn(p, username);
    await p.getByTestId('app-layout').waitFor();
    return { context, page: p };
  }
  /** A menu entry of the 五星支部 group (its sub-menu opened first when closed). */
  async function openNav(p: Page, key: string, path: string) {
    const item = p.getByTestId(`nav-${key}`);
    if (!(await item.isVisible())) {
      await p.locator('.ant-menu-submenu-title').filter({ hasText: '五星支部' }).click();
    }
    await item.click();
    await p.waitForURL((u) => u.pathname === path);
  }
  /** The console page fits 1366 px wide (no horizontal scrolling). */
  const fitsWidth = async (p: Page, what: string) => {
    const w = await p.evaluate(() => document.documentElement.scrollWidth);
    assert(w <= 1366, `${what} is ${w} px wide at 1366×768`);
  };
  const thisWeekOf = async (req: APIRequestContext) => {
    const b = await getJson<BranchWeekly>(req, `/api/v1/stars/branches/${branchId}/weekly`);
    const w = b.weeks.find((x) => x.week === week);
    assert(w, `the branch's weeks do not hold ${week}: ${b.weeks.map((x) => x.week).join(', ')}`);
    return w;
  };

  let current: Page | null = null;
  const shotOnFailure = (name: string, run: () => Promise<void>) => async () => {
    try {
      await run();
    } catch (e) {
      if (current) await ctx.shot(current, `fail-${name}`).catch(() => undefined);
      throw e;
    }
  };

  return [
    {
      name: '五星：德化社区在手机上报送本周支部周报，街道的每周推进显示本周按时报送',
      run: shotOnFailure('stars-weekly', async () => {
        base = ctx.baseURL ?? new URL(ctx.page.url()).origin;
        const browser = ctx.page.context().browser();
        assert(browser, 'the run page has no browser to open contexts in');
        const today = shanghaiDay();
        week = mondayOf(today);

        const context = await newContext(browser, {
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          serviceWorkers: 'block',
        });
        const p = await context.newPage();
        current = p;
        p.on('pageerror', (e) => pageErrors.push(String(e)));
        p.setDefaultTimeout(15_000);
        phone = { context, page: p };
        const api = context.request;
        await p.goto('/m');
        await p.waitForURL(/\/login\?redirect=%2Fm/);
        await signIn(p, COMMUNITY);
        await p.waitForURL((u) => u.pathname === '/m');
        const me = await getJson<Me>(api, '/api/v1/auth/me');
        const own = await getJson<WeeklyGrid>(api, `/api/v1/stars/weekly/grid?unitId=${me.unitId}`);
        const row = own.rows.find((r) => r.branchName === BRANCH);
        assert(row, `${me.unitName} has no ${BRANCH}: ${own.rows.map((r) => r.branchName).join('、')}`);
        branchId = row.branchId;

        // This week, not reported yet (the demo reports the four weeks before it): due, pending.
        const before = await thisWeekOf(api);
        assert(
          before.cell.status === 'pending' || before.cell.status === 'missing',
          `this week (${week}) stands ${before.cell.status} before the report`,
        );
        assert(!before.report, `this week (${week}) already has a report`);
        const expected: WeekStatus = before.dueDay && today > before.dueDay ? 'late' : 'reported';

        await p.getByTestId('m-stars-tile').waitFor();
        await ctx.shot(p, 's01-phone-home');
        await p.getByTestId('m-stars-weekly').click();
        await p.waitForURL((u) => u.pathname === '/m/weekly');
        await p.getByTestId('m-star-weekly').waitFor();
        await p
          .getByTestId('m-weekly-weeks')
          .locator('.cgm-week')
          .filter({ hasText: `${week.slice(5)} 周` })
          .click();
        await p.getByText(`${week} 这一周`).waitFor();
        weeklyText = `召开支部委员会部署“五星”支部创建，组织党员志愿者入户走访 40 户（e2e ${Date.now() % 100000}）`;
        await p.getByTestId('m-weekly-text').fill(weeklyText);
        await ctx.shot(p, 's02-phone-weekly');
        await p.getByTestId('m-weekly-send').click();
        await p
          .locator('.ant-message')
          .getByText(expected === 'late' ? '已补报' : '已报送')
          .waitFor({ timeout: 20_000 });
        await p.getByTestId('m-weekly-send').filter({ hasText: '保存修改' }).waitFor();
        await ctx.shot(p, 's03-phone-weekly-sent');

        const after = await thisWeekOf(api);
        assert(
          after.cell.status === expected && after.report?.text === weeklyText && after.report.revision === 1,
          `this week after the report: ${after.cell.status}, ${JSON.stringify(after.report)}`,
        );

        // 陈州街道 sees the week marked in 每周推进 (the grid's default: the last 8 weeks up to today).
        const office = await consoleAs(SUBDISTRICT);
        current = office.page;
        const o = office.page;
        const sme = await getJson<Me>(office.context.request, '/api/v1/auth/me');
        const from = addDays(week, -7 * 7);
        const grid = await getJson<WeeklyGrid>(
          office.context.request,
          `/api/v1/stars/weekly/grid?unitId=${sme.unitId}&from=${from}&to=${today}`,
        );
        const col = grid.weeks.findIndex((w) => w.week === week);
        const srow = grid.rows.find((r) => r.branchId === branchId);
        assert(col >= 0 && srow, `${sme.unitName}'s grid has no ${BRANCH} / week ${week}`);
        assert(
          srow.cells[col]!.status === expected && srow.cells[col]!.reportId === after.report.id,
          `the 街道's grid says ${JSON.stringify(srow.cells[col])}`,
        );
        await openNav(o, 'star-weekly', '/stars/weekly');
        const table = o.getByTestId('weekly-grid');
        const trow = table.locator('tr.ant-table-row').filter({ hasText: BRANCH });
        await trow.waitFor();
        // Columns: 社区/村, 党支部, then one per week in the grid's order.
        const cell = trow.locator('td').nth(2 + col);
        await cell.getByText(WEEK_LABEL[expected]).waitFor();
        await table
          .locator('th')
          .filter({ hasText: `${week.slice(5)} 周` })
          .first()
          .waitFor();
        await o.mouse.move(0, 0);
        await o.waitForTimeout(300);
        await ctx.shot(o, 's04-subdistrict-weekly-grid');
        await fitsWidth(o, '每周推进');
        await cell.getByTestId('grid-report').click();
        const drawer = o.locator('.ant-drawer-content');
        await drawer.getByText(weeklyText).waitFor();
        await drawer.getByText(`${BRANCH} · ${week} 周`).waitFor();
        await o.waitForTimeout(300);
        await ctx.shot(o, 's05-subdistrict-weekly-report');
        await office.context.close();
      }),
    },
    {
      name: '五星：德化社区在手机上为争创的星上传佐证（照片和说明），服务器上有这份佐证',
      run: shotOnFailure('stars-evidence', async () => {
        assert(phone && branchId, 'no phone signed in (previous step failed)');
        const p = phone.page;
        current = p;
        const api = phone.context.request;
        const before = await getJson<EvidenceList>(api, `/api/v1/stars/evidence?branchId=${branchId}`);
        assert(before.branch.kind === 'urban', `${BRANCH} is rated on the ${before.branch.kind} set`);
        const sets = await getJson<StarSetList>(api, `/api/v1/stars/sets?quarter=${before.quarter}`);
        assert(sets.urban, `no urban star set in force in ${before.quarter}`);
        // The star it goes for: every indicator scored by the panel, one asking for evidence it lacks.
        const star = sets.urban.stars.find(
          (s) =>
            s.indicators.every((i) => i.kind === 'scored') &&
            s.indicators.some(
              (i) => i.evidenceRequired && !before.items.some((e) => e.starKey === s.key && e.indicatorKey === i.key),
            ) &&
            !before.items.some((e) => e.starKey === s.key && e.indicatorKey === null),
        );
        assert(star, `no star of the urban set is scored by the panel alone and lacks evidence`);
        const ind = star.indicators.find((i) => i.evidenceRequired)!;
        const note = `${ind.evidence ?? ind.name}：本季度台账 ${Date.now() % 100000}`;
        const countBefore = before.items.filter((e) => e.starKey === star.key).length;

        await p.goto('/m');
        await p.getByTestId('m-stars-evidence').click();
        await p.waitForURL((u) => u.pathname === '/m/evidence');
        await p.getByTestId('m-star-evidence').waitFor();
        const pick = p.getByTestId('m-evidence-stars').locator('.cgm-week').filter({ hasText: star.name });
        await pick.getByText(`${countBefore} 份`).waitFor();
        await pick.click();
        await p.getByTestId('m-evidence-indicator').click();
        await option(p, ind.name).click();
        await p
          .getByTestId('m-evidence-photo-input')
          .setInputFiles({ name: 'taizhang.jpg', mimeType: 'image/jpeg', buffer: await photo(ind.evidence ?? '佐证') });
        await p.getByTestId('m-photo-thumb').waitFor();
        await p.getByTestId('m-evidence-note').fill(note);
        await ctx.shot(p, 's06-phone-evidence');
        await p.getByTestId('m-evidence-send').click();
        await p.locator('.ant-message').getByText(`已上传：${star.name} · ${ind.name}`).waitFor({ timeout: 20_000 });
        await pick.getByText(`${countBefore + 1} 份`).waitFor();
        await ctx.shot(p, 's07-phone-evidence-sent');

        const after = await getJson<EvidenceList>(api, `/api/v1/stars/evidence?branchId=${branchId}`);
        const added = after.items.filter((e) => !before.items.some((b) => b.id === e.id));
        assert(after.quarter === before.quarter, `the quarter moved from ${before.quarter} to ${after.quarter}`);
        assert(
          added.length === 1 &&
            added[0]!.starKey === star.key &&
            added[0]!.indicatorKey === ind.key &&
            added[0]!.note === note &&
            !!added[0]!.fileId,
          `the evidence added: ${JSON.stringify(added)}`,
        );

        if (foreign.length)
          throw new Error(`requests left the machine: ${[...new Set(foreign)].slice(0, 5).join(', ')}`);
        assert(pageErrors.length === 0, `page errors: ${pageErrors.slice(0, 3).join('; ')}`);
        for (const x of contexts.splice(0)) await x.close().catch(() => undefined);
      }),
    },
  ];
}
