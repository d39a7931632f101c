/**
 * End-to-end steps of patrols (巡查, issue 13), run by e2e/run.ts after the measures and venues steps:
 *
 *   steps.push(...(await patrolSteps({ page, shot, baseURL: base })));
 *
 * The grid worker (wgy_dehua) on a phone (390×844, GPS granted at a point of their grid) opens the phone
 * home, taps 开始巡查, picks their grid and starts: the patrol under way shows. Walking (the position
 * moved with setGeolocation), they tap 上报问题, report a problem (no photo, the patrol's GPS), come
 * back to the patrol (the tile on the home page), see the case counted under 发现问题 and tap 结束巡查.
 * The API shows the patrol ended, with its track points and the new case linked. 德化社区 (console,
 * 1366×768) then opens 巡查覆盖: the grid is patrolled today and its 巡查天数 is one day higher than
 * before the patrol (API and page); 巡查记录 lists the patrol with its case, and its page draws the
 * track on the map.
 *
 * The demo seeds a patrol of wgy_dehua that is still under way on the server (started a few minutes
 * before the server started, never before the start of today). The phone does not know of it (it keeps its own patrol on the device), so its
 * 开始巡查 would be refused (patrol.already_active). The first step ends that patrol through the API
 * before the phone starts — after reading the coverage it is compared with — so the day's rise comes
 * from today's ended patrols (that one and the phone's), and the phone's own share is checked as one
 * more patrol in the grid's roll-up.
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { getJson, pointInGrid } from './fixtures';
import { assert, browserSession, post, shanghaiDay } from './session';

export interface PatrolContext {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  baseURL?: string;
  demoPassword?: string;
}

export interface PatrolStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  unitId: string;
  unitName: string;
}
interface Patrol {
  id: string;
  status: string;
  startDay: string;
  points: number;
  cases: number;
  units: { id: string; name: string }[];
}
interface PatrolDetail extends Patrol {
  track: [number, number, string, boolean][];
  caseLinks: { caseId: string; caseNumber: string; outcome: string }[];
}
interface Coverage {
  days: number;
  grids: { id: string; name: string; patrolledDays: number; patrols: number }[];
}
interface CaseJson {
  id: string;
  caseNumber: string;
  gridId: string | null;
  description: string;
}

const GRID_WORKER = 'wgy_dehua';
const COMMUNITY = 'dehua';
const CATEGORY = { group: '01', code: '0102', name: '暴露垃圾' };
/** The start of the description of the case reported on the way (a number follows); e2e/campaigns.ts finds it by this. */
export const PATROL_CASE_TEXT = '巡查中发现：德化社区路口绿化带内有建筑垃圾堆放';

export async function patrolSteps(ctx: PatrolContext): Promise<PatrolStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let phone: { context: BrowserContext; page: Page } | null = null;
  let me: Me | null = null;
  let today = '';
  let monthStart = '';
  let before: Coverage['grids'][number] | null = null;
  let beforeTodayPatrols = 0;
  let patrolId = '';
  let caseNumber = '';
  let description = '';
  const session = browserSession(ctx, password);
  const { newContext, signIn } = session;

  const coverageOf = async (req: APIRequestContext, gridId: string) => {
    const c = await getJson<Coverage>(req, `/api/v1/patrols/coverage?from=${monthStart}&to=${today}`);
    const g = c.grids.find((x) => x.id === gridId);
    assert(g, `grid ${gridId} is not in 德化社区's coverage`);
    return g;
  };
  const todaysPatrols = async (req: APIRequestContext, gridId: string) =>
    (
      await getJson<{ items: Patrol[] }>(
        req,
        `/api/v1/patrols?from=${today}&to=${today}&unitId=${gridId}&status=ended&limit=500`,
      )
    ).items.length;

  let current: Page | null = null;
  /** On a failure, a screenshot of the page the step was on (the run's own shot is of its console page). */
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
      name: '巡查：网格员手机开始巡查，途中上报问题，回到巡查后结束巡查，轨迹和案卷都在服务器上',
      run: shotOnFailure('patrol-phone', async () => {
        today = shanghaiDay();
        monthStart = `${today.slice(0, 8)}01`;

        const context = await newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          permissions: ['geolocation'],
          geolocation: { latitude: 33.6, longitude: 114.6, accuracy: 15 },
          serviceWorkers: 'allow',
        });
        const p = await context.newPage();
        session.watch(p);
        p.setDefaultTimeout(15_000);
        phone = { context, page: p };
        current = p;
        const api = context.request;

        await p.goto('/m');
        await p.waitForURL(/\/login\?redirect=%2Fm/);
        await signIn(p, GRID_WORKER);
        await p.waitForURL((u) => u.pathname === '/m');
        me = await getJson<Me>(api, '/api/v1/auth/me');
        const grid = me.unitId;

        // The coverage 德化社区 will compare with, read before anything of today's patrols changes.
        const office = await newContext({});
        await post(office.request, '/api/v1/auth/login', { username: COMMUNITY, password });
        before = await coverageOf(office.request, grid);
        beforeTodayPatrols = await todaysPatrols(office.request, grid);
        assert(beforeTodayPatrols === 0, `the grid already has ${beforeTodayPatrols} ended patrol(s) today`);

        // The demo's patrol still under way on the server (see the header): ended, so the phone may start.
        const { patrol: held } = await getJson<{ patrol: Patrol | null }>(api, '/api/v1/patrols/active');
        if (held) await post(api, `/api/v1/patrols/${held.id}/end`, { endedAt: new Date().toISOString() });

        // Walking in the grid: a start inside it, then steps of some tens of metres (≥ 5 m apart).
        const start = await pointInGrid(api, grid);
        const walk = [0, 1, 2, 3, 4, 5].map((i) => ({
          latitude: start.lat + i * 0.00012,
          longitude: start.lng + (i % 2) * 0.0001,
          accuracy: 12,
        }));
        await context.setGeolocation(walk[0]!);

        const tile = p.getByTestId('m-patrol-tile');
        await tile.filter({ hasText: '开始巡查' }).waitFor();
        await ctx.shot(p, 'p01-phone-home');
        await tile.click();
        await p.getByTestId('m-patrol-start').waitFor();
        // The grid's checkbox, by its label (antd puts the test id on the hidden input).
        await p.getByTestId('m-patrol-start').getByText(me.unitName, { exact: true }).click();
        await p.getByTestId('m-patrol-people').fill('青年志愿者');
        await ctx.shot(p, 'p02-patrol-start');
        await p.getByTestId('m-patrol-go').click();
        const active = p.getByTestId('m-patrol-active');
        await active.waitFor();
        assert((await active.innerText()).includes(me.unitName), 'the patrol under way does not name the grid');

        // The server has the patrol (the phone chose its id) as under way.
        for (const until = Date.now() + 20_000; ;) {
          const { patrol } = await getJson<{ patrol: Patrol | null }>(api, '/api/v1/patrols/active');
          if (patrol && patrol.id !== held?.id) {
            patrolId = patrol.id;
            break;
          }
          assert(Date.now() < until, 'the server has no patrol under way 20 s after 开始巡查');
          await p.waitForTimeout(300);
        }
        for (const pos of walk.slice(1, 4)) {
          await context.setGeolocation(pos);
          await p.waitForTimeout(1_200);
        }
        const fixes = Number(await p.getByTestId('m-patrol-fixes').innerText());
        assert(fixes >= 3, `the patrol shows ${fixes} track points after walking four positions`);
        await ctx.shot(p, 'p03-patrol-active');

        // 上报问题 on the way: the report page with the patrol's GPS, no photo.
        await p.getByTestId('m-patrol-report').click();
        await p.getByTestId('m-report-page').waitFor();
        await p.locator('[data-testid="m-gps"][data-state="ok"]').waitFor();
        await p.getByTestId('m-category').click();
        await p.getByTestId(`m-category-group-${CATEGORY.group}`).click();
        await p.getByTestId(`m-category-${CATEGORY.code}`).click();
        await p.getByTestId('m-category-value').filter({ hasText: CATEGORY.name }).waitFor();
        await p.getByTestId('m-category-search').waitFor({ state: 'detached' });
        description = `${PATROL_CASE_TEXT} ${Date.now() % 100000}`;
        await p.getByTestId('m-description').fill(description);
        await ctx.shot(p, 'p04-patrol-report');
        await p.getByTestId('m-report-submit').click();
        await p.locator('[data-testid="m-report-result"][data-result="sent"]').waitFor({ timeout: 20_000 });
        caseNumber = (await p.getByTestId('m-report-case-number').innerText()).trim();
        assert(/^\d{6}-\d{8}-\d{4}$/.test(caseNumber), `case number "${caseNumber}"`);

        // Back to the patrol from the home page: still under way, the case counted.
        await context.setGeolocation(walk[4]!);
        await p.getByTestId('m-tab-grid').click();
        await tile.filter({ hasText: '巡查中' }).waitFor();
        await tile.click();
        await p.getByTestId('m-patrol-cases').filter({ hasText: /^1$/ }).waitFor();
        await context.setGeolocation(walk[5]!);
        await p.waitForTimeout(1_200);
        await ctx.shot(p, 'p05-patrol-back');

        await p.getByTestId('m-patrol-end').click();
        await p.locator('.ant-modal-confirm').getByRole('button', { name: '结束巡查' }).click();
        await p.getByTestId('m-patrol-start').waitFor();
        await p.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
        for (const until = Date.now() + 30_000; ;) {
          const d = await getJson<PatrolDetail>(api, `/api/v1/patrols/${patrolId}`);
          if (d.status === 'ended' && d.caseLinks.length > 0) break;
          assert(
            Date.now() < until,
            `the patrol is ${d.status} with ${d.caseLinks.length} case(s) 30 s after 结束巡查`,
          );
          await p.waitForTimeout(500);
        }
        await p.getByTestId('m-patrol-queue').waitFor({ state: 'detached' });
        await ctx.shot(p, 'p06-patrol-ended');

        const d = await getJson<PatrolDetail>(api, `/api/v1/patrols/${patrolId}`);
        assert(d.units.map((u) => u.id).join() === grid, `the patrol walked ${d.units.map((u) => u.name).join('、')}`);
        assert(d.startDay === today, `the patrol's day is ${d.startDay}, expected ${today}`);
        assert(
          d.points >= 4 && d.track.length === d.points,
          `the patrol has ${d.points} points (${d.track.length} shown)`,
        );
        assert(!d.track.some((t) => t[3]), 'a track point inside the grid is flagged as far outside it');
        assert(d.caseLinks.length === 1, `the patrol links ${d.caseLinks.length} cases`);
        assert(d.caseLinks[0]!.caseNumber === caseNumber, `the patrol links ${d.caseLinks[0]!.caseNumber}`);
        const c = await getJson<CaseJson>(api, `/api/v1/cases/${d.caseLinks[0]!.caseId}`);
        assert(c.description === description, `the linked case says "${c.description}"`);
        assert(c.gridId === grid, `the case lies in grid ${c.gridId}, expected ${grid}`);
      }),
    },
    {
      name: '巡查覆盖：德化社区看到该网格今日已巡查（巡查天数加一），巡查记录里有这次巡查、问题和轨迹地图',
      run: shotOnFailure('patrol-console', async () => {
        assert(me && before && patrolId && phone, 'no patrol recorded (previous step failed)');
        await phone.context.close();
        const context = await newContext({ viewport: { width: 1366, height: 768 } });
        const p = await context.newPage();
        current = p;
        session.watch(p);
        p.setDefaultTimeout(15_000);
        await p.goto('/patrol-coverage');
        await p.waitForURL(/\/login/);
        await signIn(p, COMMUNITY);
        await p.waitForURL((u) => u.pathname === '/patrol-coverage');
        const api = context.request;

        const after = await coverageOf(api, me.unitId);
        assert(
          after.patrolledDays === before.patrolledDays + 1,
          `巡查天数 ${before.patrolledDays} → ${after.patrolledDays}, expected one more (today)`,
        );
        const day = await getJson<Coverage>(api, `/api/v1/patrols/coverage?from=${today}&to=${today}`);
        const todayRow = day.grids.find((g) => g.id === me!.unitId);
        assert(todayRow?.patrolledDays === 1, `today's coverage of the grid: ${JSON.stringify(todayRow)}`);
        // Today's ended patrols of the grid: the demo's one ended above and the phone's.
        const todays = await todaysPatrols(api, me.unitId);
        assert(todays === beforeTodayPatrols + 2, `today's ended patrols ${beforeTodayPatrols} → ${todays}`);
        assert(after.patrols === before.patrols + 2, `巡查次数 ${before.patrols} → ${after.patrols}`);

        const row = p.locator(`[data-testid="coverage-table"] tr[data-row-key="${me.unitId}"]`);
        await p.locator('[data-testid="coverage-table"] tr.ant-table-row').first().waitFor();
        if (!(await row.isVisible())) {
          // The grid may be on another page of the table: sort by 巡查天数 descending brings it up.
          const header = p.locator('[data-testid="coverage-table"] th').filter({ hasText: '巡查天数' });
          await header.click();
          await header.click();
        }
        await row.filter({ hasText: `${after.patrolledDays} / ` }).waitFor();
        const cells = await row.locator('td').allInnerTexts();
        assert(
          cells.some((t) => t.trim() === String(after.patrols)),
          `the row shows ${cells.join(' | ')}`,
        );
        await p.locator('[data-testid="coverage-people"] tr').filter({ hasText: '青年志愿者' }).first().waitFor();
        await p.mouse.move(0, 0);
        await p.waitForTimeout(300);
        await ctx.shot(p, 'p07-coverage');

        // 巡查记录 sits in the 巡查值守 group of the side menu: opened first when it is closed.
        if (!(await p.getByTestId('nav-patrols').isVisible()))
          await p.locator('.ant-menu-submenu-title').filter({ hasText: '巡查值守' }).click();
        await p.getByTestId('nav-patrols').click();
        await p.waitForURL((u) => u.pathname === '/patrols');
        const listed = p.locator(`[data-testid="patrol-table"] tr[data-row-key="${patrolId}"]`);
        await listed.waitFor();
        const text = await listed.innerText();
        assert(text.includes(me.unitName), `the patrol's row does not name the grid: ${text}`);
        assert(text.includes('青年志愿者'), `the patrol's row does not name the volunteer: ${text}`);
        await ctx.shot(p, 'p08-patrol-list');

        // 当日轨迹: today's tracks of the community on the map, the phone's among them.
        await p.getByRole('tab', { name: '当日轨迹' }).click();
        await p.getByTestId('patrol-day-map').locator('.leaflet-overlay-pane svg path').first().waitFor();
        await p.getByText(/共 [1-9]\d* 条轨迹/).waitFor();
        await p.waitForTimeout(600);
        await ctx.shot(p, 'p09-day-tracks');
        await p.getByRole('tab', { name: '巡查列表' }).click();

        await listed.getByTestId('patrol-link').click();
        await p.waitForURL((u) => u.pathname === `/patrols/${patrolId}`);
        await p.getByTestId('patrol-detail').filter({ hasText: '已结束' }).waitFor();
        await p
          .getByTestId('patrol-cases')
          .locator('tr')
          .filter({ hasText: caseNumber })
          .filter({ hasText: '发现上报' })
          .waitFor();
        // The track drawn as a line on the map (beside the grid's outline).
        const track = p.getByTestId('patrol-track').locator('.leaflet-overlay-pane svg path');
        await track.first().waitFor();
        assert((await track.count()) >= 1, 'the patrol page draws no track');
        await p.waitForTimeout(600);
        await ctx.shot(p, 'p10-patrol-detail');

        await session.finish();
      }),
    },
  ];
}
