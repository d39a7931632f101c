/**
 * End-to-end steps of what leaders read (issue 15), run by e2e/run.ts:
 *
 *   groups.push(await insightSteps({ page, shot, baseURL: base }));
 *
 * 1. The 区领导 (leader, console 1366×768) lands on the 工作台: its 辖区超期问题 line shows the number
 *    the API gives; clicking it (the red 超期 figure when there is one) opens the ledger filtered to
 *    exactly those cases.
 * 2. The leader opens 态势地图 from the 数据驾驶舱 menu and colours it by 按期结案率: the map draws the
 *    seven 街道 and a legend, and the hover figures come from /insights/areas.
 * 3. The leader opens 指挥大屏 (/wall) at 1920×1080: a case reported through the API by a grid worker
 *    shows in the wall's 在办问题数 without a reload (pushed over the stream), the figure is the
 *    API's, the ranking of 在办 is titled 当前 (a snapshot, not 本月), and nothing overflows sideways.
 * 4. The leader opens 工作简报, generates a briefing for 城北街道 for last week from the first template,
 *    finds each footnoted number equal to the dashboard's figure for 城北 and that week, and downloads
 *    the .docx (a Word file naming 城北).
 *
 * Every step name starts with 驾驶舱 (`CIVICGRID_E2E_ONLY=驾驶舱` runs this file alone). They depend only
 * on the demo data.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { getJson, pointInGrid } from './fixtures';
import { assert, browserSession, fitsWidth, option, post, shanghaiDay } from './session';
import type { AreaFigures, Dashboard, Workbench } from '../src/contracts/insights';
import type { BriefingDetail } from '../src/contracts/briefings';

export interface InsightsContext {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  baseURL?: string;
  demoPassword?: string;
}

export interface InsightsStep {
  name: string;
  run(): Promise<void>;
}

const LEADER = 'leader';
const GRID_WORKER = 'wgy_dehua';
const SUBDISTRICT = '城北街道办事处';

/** Monday to Sunday of the week before the one holding `day` (the briefing page's 上周). */
function lastWeek(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000 - 7 * 86_400_000);
  const iso = (t: Date) => t.toISOString().slice(0, 10);
  return { from: iso(monday), to: iso(new Date(monday.getTime() + 6 * 86_400_000)) };
}

export async function insightSteps(ctx: InsightsContext): Promise<InsightsStep[]> {
  const session = browserSession(ctx, ctx.demoPassword ?? 'Demo12345');
  let leader: { context: BrowserContext; page: Page } | null = null;
  let current: Page | null = null;
  const shotOnFailure = (name: string, run: () => Promise<void>) => async () => {
    try {
      await run();
    } catch (e) {
      if (current) await ctx.shot(current, `fail-${name}`).catch(() => undefined);
      throw e;
    }
  };
  const openNav = (p: Page, key: string, path: string) => session.openNav(p, '数据驾驶舱', key, path);

  return [
    {
      name: '驾驶舱：区领导登录即见工作台，点击辖区超期问题数进入台账，列表正是这些问题',
      run: shotOnFailure('insights-workbench', async () => {
        leader = await session.consoleAs(LEADER);
        const p = leader.page;
        current = p;
        const api = leader.context.request;
        await p.getByTestId('home-work-items').waitFor();
        const bench = await getJson<Workbench>(api, '/api/v1/workbench');
        const item = bench.items.find((i) => i.code === 'cases.overdueInScope');
        assert(item, `the leader's 工作台 has no 辖区超期问题: ${bench.items.map((i) => i.label).join('、')}`);
        const line = p.getByTestId('work-item-cases.overdueInScope');
        await line.waitFor();
        const shown = Number((await p.getByTestId('work-total-cases.overdueInScope').innerText()).trim());
        assert(shown === item.total, `the 工作台 shows ${shown} overdue cases, the API ${item.total}`);
        await p.waitForTimeout(300);
        await ctx.shot(p, 'i01-leader-workbench');
        await fitsWidth(p, '工作台');

        // The red 超期 figure when there is one (else the total, 0), into the ledger's list behind it.
        const target = item.overdue
          ? p.getByTestId('work-overdue-cases.overdueInScope')
          : p.getByTestId('work-total-cases.overdueInScope');
        await target.click();
        await p.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('deadlineStatus') === 'overdue');
        await p.getByTestId('case-ledger-page').waitFor();
        const listed = await getJson<{ items: { id: string }[] }>(
          api,
          '/api/v1/cases?deadlineStatus=overdue&limit=200',
        );
        assert(
          listed.items.length === Math.min(item.total, 200),
          `the ledger lists ${listed.items.length} overdue cases, the 工作台 said ${item.total}`,
        );
        const rows = p.locator('[data-testid="case-ledger-page"] .ant-table-row');
        if (item.total > 0) await rows.first().waitFor();
        else await p.locator('[data-testid="case-ledger-page"] .ant-empty').first().waitFor();
        await p.waitForTimeout(300);
        await ctx.shot(p, 'i02-overdue-ledger');
      }),
    },
    {
      name: '驾驶舱：区领导打开态势地图，按按期结案率着色，七个街道和图例都在，数值来自接口',
      run: shotOnFailure('insights-map', async () => {
        assert(leader, 'no leader console (previous step failed)');
        const p = leader.page;
        current = p;
        await openNav(p, 'insight-map', '/insights/map');
        await p.getByTestId('map-measure').click();
        await option(p, /^按期结案率$/).click();
        const legend = p.getByTestId('choropleth-legend');
        await legend.waitFor();
        const paths = p.locator('[data-testid="choropleth-map"] .leaflet-overlay-pane svg path');
        await paths.first().waitFor();
        const today = shanghaiDay();
        const month = { from: `${today.slice(0, 8)}01`, to: today };
        const areas = await getJson<AreaFigures>(
          leader.context.request,
          `/api/v1/insights/areas?measure=cases.onTimeCloseRate&from=${month.from}&to=${month.to}`,
        );
        assert(areas.areas.length === 7, `the district has ${areas.areas.length} 街道 on the map's measure`);
        assert((await paths.count()) >= 7, `the map draws ${await paths.count()} areas`);
        // Hover an area: its tooltip names a 街道 and gives a percentage or 无数据. The mouse goes where
        // the area's own path is (a concave outline's box centre may lie in its neighbour).
        const box = await paths.first().boundingBox();
        assert(box, 'the first area has no box on screen');
        await paths.first().dispatchEvent('mouseover', {
          clientX: box.x + box.width / 2,
          clientY: box.y + box.height / 2,
        });
        const tip = p.locator('.leaflet-tooltip').first();
        await tip.waitFor();
        const text = await tip.innerText();
        assert(
          areas.areas.some((a) => text.includes(a.unit.name)),
          `the tooltip names no 街道 of the district: ${text}`,
        );
        assert(/%|无数据/.test(text), `the tooltip gives no rate: ${text}`);
        await p.waitForTimeout(300);
        await ctx.shot(p, 'i03-map-on-time-rate');
        await fitsWidth(p, '态势地图');
      }),
    },
    {
      name: '驾驶舱：区领导打开指挥大屏（1920×1080），网格员上报问题后在办数自动刷新，无需重新加载',
      run: shotOnFailure('insights-wall', async () => {
        const context = await session.newContext({ viewport: { width: 1920, height: 1080 } });
        const p = await context.newPage();
        session.watch(p);
        current = p;
        p.setDefaultTimeout(15_000);
        await p.goto('/login');
        await session.signIn(p, LEADER);
        await p.getByTestId('app-layout').waitFor();
        await p.goto('/wall');
        const open = p.getByTestId('wall-tile-cases.open').getByTestId('wall-tile-value');
        await open.waitFor();
        await p.locator('.cg-wall .live').waitFor();
        const figure = async () => Number((await open.innerText()).replace(/[^\d]/g, ''));
        const before = await figure();
        // A mark on the page itself: gone if the page reloaded instead of refetching.
        await p.evaluate(() => ((window as unknown as { cgWallMark: number }).cgWallMark = 1));
        const title = (await p.getByTestId('wall-ranking-title').innerText()).trim();
        assert(title === '在办问题数排名（当前）', `the wall's ranking is titled ${title}`);

        const worker = await session.newContext({});
        await post(worker.request, '/api/v1/auth/login', {
          username: GRID_WORKER,
          password: ctx.demoPassword ?? 'Demo12345',
        });
        const wme = await getJson<{ unitId: string; unitName: string }>(worker.request, '/api/v1/auth/me');
        const point = await pointInGrid(worker.request, wme.unitId);
        await post(worker.request, '/api/v1/cases', {
          categoryCode: '0101',
          description: `大屏：${wme.unitName}路面积水 ${Date.now() % 100000}`,
          location: { ...point, crs: 'wgs84' },
          address: `${wme.unitName} 大屏测试点`,
        });
        const end = Date.now() + 15_000;
        let shown = await figure();
        while (shown === before && Date.now() < end) {
          await p.waitForTimeout(200);
          shown = await figure();
        }
        assert(
          shown === before + 1,
          `the wall's 在办问题数 went from ${before} to ${shown}, not up by the one reported`,
        );
        const marked = await p.evaluate(() => (window as unknown as { cgWallMark?: number }).cgWallMark);
        assert(marked === 1, 'the wall reloaded instead of refetching');
        const today = shanghaiDay();
        const dash = await getJson<Dashboard>(context.request, `/api/v1/insights/dashboard?from=${today}&to=${today}`);
        const api = dash.figures.find((f) => f.code === 'cases.open');
        assert(api?.numerator === shown, `the wall shows ${shown} open cases, the API ${api?.numerator}`);
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        assert(width <= 1920, `the wall is ${width} px wide at 1920×1080`);
        await p.waitForTimeout(500);
        await ctx.shot(p, 'i04-wall');
      }),
    },
    {
      name: '驾驶舱：区领导为城北街道生成上周工作简报，数字与看板一致，下载 Word 文档',
      run: shotOnFailure('insights-briefing', async () => {
        assert(leader, 'no leader console (previous step failed)');
        const p = leader.page;
        current = p;
        const api = leader.context.request;
        await openNav(p, 'insight-briefings', '/insights/briefings');
        await p.getByTestId('briefing-generate').waitFor();
        await p.getByTestId('briefing-unit').click();
        await p.keyboard.type('城北');
        await p.locator('.ant-select-tree-treenode .ant-select-tree-title', { hasText: SUBDISTRICT }).first().click();
        await p.getByTestId('briefing-generate-submit').click();
        await p.waitForURL((u) => /^\/insights\/briefings\/[0-9a-f-]{36}$/.test(u.pathname));
        const id = new URL(p.url()).pathname.split('/').pop()!;
        const b = await getJson<BriefingDetail>(api, `/api/v1/briefings/${id}`);
        const week = lastWeek(shanghaiDay());
        assert(b.unit.name === SUBDISTRICT, `the briefing is of ${b.unit.name}`);
        assert(b.from === week.from && b.to === week.to, `the briefing covers ${b.from}–${b.to}, not last week`);
        assert(b.text.includes('城北'), `the briefing's text does not name 城北: ${b.text.slice(0, 80)}`);
        // Every footnoted number is the dashboard's for 城北 and that week.
        const dash = await getJson<Dashboard>(
          api,
          `/api/v1/insights/dashboard?unitId=${b.unit.id}&from=${week.from}&to=${week.to}`,
        );
        assert(b.figures.length > 0, 'the briefing has no footnoted figure');
        for (const f of b.figures) {
          const d = dash.figures.find((x) => x.code === f.code);
          assert(d, `the dashboard has no ${f.code}`);
          assert(
            d.numerator === f.numerator && d.denominator === f.denominator,
            `${f.label}: the briefing says ${f.numerator}/${f.denominator}, the dashboard ${d.numerator}/${d.denominator}`,
          );
        }
        await p.waitForTimeout(300);
        await ctx.shot(p, 'i05-briefing-draft');

        const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('briefing-docx').click()]);
        const file = await download.path();
        assert(file, 'the .docx did not download');
        const { readFileSync } = await import('node:fs');
        const bytes = readFileSync(file);
        assert(bytes.subarray(0, 2).toString() === 'PK', 'the download is not a Word (.docx) file');
        assert(download.suggestedFilename().endsWith('.docx'), `the file is named ${download.suggestedFilename()}`);
        await session.finish();
      }),
    },
  ];
}
