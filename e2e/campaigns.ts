/**
 * End-to-end steps of campaigns and work indicators (集中整治, 工作量指标, 工作成效; issue 13), run by
 * e2e/run.ts right after the patrol steps:
 *
 *   steps.push(...(await campaignSteps({ page, shot, baseURL: base })));
 *
 * 德化社区 (console, 1366×768) opens 集中整治 from the 整治与成效 menu group, starts a campaign today for
 * 德化社区 (整治问题类别 市容环境) and, on its page, links the case the patrol steps reported on the way
 * (found by the description e2e/patrols.ts exports; when the patrol steps did not run — a
 * CIVICGRID_E2E_ONLY filter — the grid worker reports one through the API first, so this file stands
 * alone). The grid worker (wgy_dehua, phone 390×844) then opens 录入工作量 from its tab and sends
 * 清理小广告 30 张 tagged with the campaign. 德化社区 sees 工作量指标 (汇总) for 德化社区 this month
 * rise by exactly 30 (API and page), 工作成效 say it, and the campaign's page list the quantity.
 *
 * Every step name starts with 整治 (`CIVICGRID_E2E_ONLY=整治` runs this file alone); the first also
 * names 巡查, so `CIVICGRID_E2E_ONLY=巡查` runs it after the patrol steps, with the patrol's own case.
 */
import type { APIRequestContext, BrowserContext, Locator, Page } from 'playwright-core';
import { getJson, pointInGrid } from './fixtures';
import { PATROL_CASE_TEXT } from './patrols';
import { assert, browserSession, fitsWidth, option, post, shanghaiDay } from './session';

export interface CampaignContext {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  baseURL?: string;
  demoPassword?: string;
}

export interface CampaignStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  unitId: string;
  unitName: string;
}
interface CaseSummary {
  id: string;
  caseNumber: string;
  description: string;
  reportedAt: string;
}
interface CampaignDetail {
  id: string;
  title: string;
  scopeUnitId: string;
  startDay: string;
  endDay: string;
  categories: string[];
  caseCount: number;
  cases: { id: string; caseNumber: string; description: string }[];
  quantities: { indicatorId: string; name: string; measureUnit: string; total: number; entries: number }[];
}
interface Indicator {
  id: string;
  name: string;
  measureUnit: string;
  kind: string;
  active: boolean;
}
interface Entry {
  id: string;
  indicatorId: string;
  unitId: string;
  day: string;
  quantity: number;
  measureUnit: string;
  campaignId: string | null;
}
interface SumsTable {
  months: string[];
  total: { unitId: string; unitName: string; values: number[]; total: number };
}
interface Achievement {
  unitName: string;
  figures: { indicatorId: string; value: number; measureUnit: string }[];
  sentence: string;
}

const GRID_WORKER = 'wgy_dehua';
const COMMUNITY = 'dehua';
const INDICATOR = { name: '清理小广告', measureUnit: '张', phrase: '清理小广告' };
const QUANTITY = 30;
const CATEGORY = { code: '01', name: '市容环境' };

/** A quantity as the console writes it (web/src/modules/campaigns/labels.ts `qty`). */
const qty = (v: number) => (Number.isInteger(v) ? v.toLocaleString('zh-CN') : String(Math.round(v * 100) / 100));

export async function campaignSteps(ctx: CampaignContext): Promise<CampaignStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let office: { context: BrowserContext; page: Page } | null = null;
  let community: Me | null = null;
  let today = '';
  let month = '';
  let quarterStart = '';
  let campaign: CampaignDetail | null = null;
  let linked: CaseSummary | null = null;
  let indicator: Indicator | null = null;
  let sumBefore = 0;
  let achievedBefore = 0;
  const session = browserSession(ctx, password);
  const { newContext, signIn } = session;

  /** A menu entry of the 整治与成效 group (its sub-menu opened first when closed). */
  const openNav = (p: Page, key: string, path: string) => session.openNav(p, '整治与成效', key, path);
  const monthSum = async (req: APIRequestContext) => {
    const t = await getJson<SumsTable>(
      req,
      `/api/v1/indicators/${indicator!.id}/sums?unitId=${community!.unitId}&from=${month}&to=${month}`,
    );
    assert(t.total.unitId === community!.unitId, `the sums' total is of ${t.total.unitName}`);
    return t.total.values[0] ?? 0;
  };
  const achieved = async (req: APIRequestContext) => {
    const a = await getJson<Achievement>(
      req,
      `/api/v1/indicators/achievements?unitId=${community!.unitId}&from=${quarterStart}&to=${today}`,
    );
    return a.figures.find((f) => f.indicatorId === indicator!.id)?.value ?? 0;
  };
  /** An antd InputNumber's <input> (the test id lands on the input or on its wrapper). */
  const inputOf = async (l: Locator) =>
    (await l.evaluate((e) => e.tagName)) === 'INPUT' ? l : l.locator('input').first();

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
      name: '整治：德化社区开展集中整治（市容环境），关联巡查途中上报的问题，活动页显示该问题',
      run: shotOnFailure('campaign-open', async () => {
        today = shanghaiDay();
        month = today.slice(0, 7);
        const m = Number(today.slice(5, 7));
        quarterStart = `${today.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

        const context = await newContext({ viewport: { width: 1366, height: 768 } });
        const p = await context.newPage();
        current = p;
        session.watch(p);
        p.setDefaultTimeout(15_000);
        office = { context, page: p };
        const api = context.request;
        await p.goto('/login');
        await signIn(p, COMMUNITY);
        await p.getByTestId('app-layout').waitFor();
        community = await getJson<Me>(api, '/api/v1/auth/me');

        // The case the patrol reported on the way (today, in 德化社区); reported here when that step did not run.
        const findCase = async () => {
          const q = encodeURIComponent(PATROL_CASE_TEXT);
          const page = await getJson<{ items: CaseSummary[] }>(
            api,
            `/api/v1/cases?unitId=${community!.unitId}&q=${q}&from=${today}&limit=50`,
          );
          return (
            page.items
              .filter((c) => c.description.startsWith(PATROL_CASE_TEXT))
              .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))[0] ?? null
          );
        };
        linked = await findCase();
        if (!linked) {
          const worker = await newContext({});
          await post(worker.request, '/api/v1/auth/login', { username: GRID_WORKER, password });
          const wme = await getJson<Me>(worker.request, '/api/v1/auth/me');
          const point = await pointInGrid(worker.request, wme.unitId);
          await post(worker.request, '/api/v1/cases', {
            categoryCode: '0102',
            description: `${PATROL_CASE_TEXT} ${Date.now() % 100000}`,
            location: { ...point, crs: 'wgs84' },
            address: `${wme.unitName} 路口绿化带`,
          });
          linked = await findCase();
          assert(linked, 'the case reported through the API is not found in 德化社区');
        }

        await openNav(p, 'campaigns', '/campaigns');
        await p.getByTestId('campaign-table').waitFor();
        await ctx.shot(p, 'c01-campaign-list');
        await p.getByTestId('open-campaign').click();
        const form = p.getByTestId('open-campaign-form');
        await form.waitFor();
        const title = `德化社区市容环境集中整治（${Date.now() % 100000}）`;
        await form.getByLabel('活动名称').fill(title);
        // The scope defaults to the community itself, the window to today – today.
        await form.locator('.ant-form-item').filter({ hasText: '范围' }).getByText(community.unitName).waitFor();
        const cat = form.locator('.ant-form-item').filter({ hasText: '整治问题类别' }).locator('.ant-select');
        await cat.click();
        await p.keyboard.type(CATEGORY.name);
        await option(p, new RegExp(`^${CATEGORY.name}$`)).click();
        await p.keyboard.press('Escape');
        await form.getByLabel('志愿者人数').fill('12');
        await ctx.shot(p, 'c02-campaign-form');
        await p.locator('.ant-modal-footer .ant-btn-primary').click();
        await p.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
        const id = new URL(p.url()).pathname.split('/').pop()!;
        await p.getByTestId('campaign-title').filter({ hasText: title }).waitFor();

        // 关联问题: search the ledger by the case's number and link it.
        await p.getByTestId('link-case-select').click();
        await p.keyboard.type(linked.caseNumber);
        await option(p, linked.caseNumber).click();
        await p.getByTestId('link-case').click();
        const row = p.getByTestId('campaign-cases').locator('tr.ant-table-row').filter({ hasText: linked.caseNumber });
        await row.waitFor();
        assert(
          (await row.innerText()).includes(PATROL_CASE_TEXT),
          `the linked case's row says ${await row.innerText()}`,
        );
        await p.getByText('关联问题（1）').waitFor();
        await p.mouse.move(0, 0);
        await p.waitForTimeout(300);
        await ctx.shot(p, 'c03-campaign-case');
        await fitsWidth(p, 'the campaign page with a case picked to link');

        const c = await getJson<CampaignDetail>(api, `/api/v1/campaigns/${id}`);
        assert(
          c.title === title && c.scopeUnitId === community.unitId,
          `the campaign is ${c.title} over ${c.scopeUnitId}`,
        );
        assert(c.startDay === today && c.endDay === today, `the campaign runs ${c.startDay} – ${c.endDay}`);
        assert(c.categories.join() === CATEGORY.code, `the campaign's categories are ${c.categories.join()}`);
        assert(
          c.cases.length === 1 && c.cases[0]!.id === linked.id && c.caseCount === 1,
          `the campaign links ${c.cases.map((x) => x.caseNumber).join('、') || 'no case'}`,
        );
        campaign = c;
      }),
    },
    {
      name: '整治：网格员在手机上录入工作量（清理小广告 30 张，属于该集中整治），服务器上有这条录入',
      run: shotOnFailure('campaign-entry', async () => {
        assert(office && community && campaign, 'no campaign opened (previous step failed)');
        const api = office.context.request;
        const { items } = await getJson<{ items: Indicator[] }>(api, '/api/v1/indicators');
        indicator = items.find((i) => i.name === INDICATOR.name && i.kind === 'entered' && i.active) ?? null;
        assert(indicator, `the demo has no entered indicator ${INDICATOR.name}`);
        assert(indicator.measureUnit === INDICATOR.measureUnit, `${INDICATOR.name} counts in ${indicator.measureUnit}`);
        // The figures the console will be compared with, read before the entry.
        sumBefore = await monthSum(api);
        achievedBefore = await achieved(api);

        const context = await newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          serviceWorkers: 'allow',
        });
        const p = await context.newPage();
        current = p;
        session.watch(p);
        p.setDefaultTimeout(15_000);
        await p.goto('/m');
        await p.waitForURL(/\/login\?redirect=%2Fm/);
        await signIn(p, GRID_WORKER);
        await p.waitForURL((u) => u.pathname === '/m');
        const worker = await getJson<Me>(context.request, '/api/v1/auth/me');

        await p.getByTestId('m-tab-entry').click();
        await p.waitForURL((u) => u.pathname === '/m/entry');
        await p.getByTestId('m-entry').waitFor();
        await p.getByTestId('m-entry-indicator').click();
        await option(p, `${INDICATOR.name}（${INDICATOR.measureUnit}）`).click();
        const quantity = await inputOf(p.getByTestId('m-entry-quantity'));
        await quantity.fill(String(QUANTITY));
        await p.getByTestId('m-entry').getByText(INDICATOR.measureUnit, { exact: true }).waitFor();
        await p.getByTestId('m-entry-campaign').click();
        await option(p, campaign.title).click();
        await p
          .getByTestId('m-entry')
          .locator('.ant-select-selection-item')
          .filter({ hasText: campaign.title })
          .waitFor();
        await ctx.shot(p, 'c04-phone-entry');
        await p.getByTestId('m-entry-submit').click();
        await p
          .locator('.ant-message')
          .getByText(`已录入：${INDICATOR.name} ${QUANTITY}${INDICATOR.measureUnit}`)
          .waitFor({ timeout: 20_000 });
        await ctx.shot(p, 'c05-phone-entry-sent');

        const { items: entries } = await getJson<{ items: Entry[] }>(
          api,
          `/api/v1/indicator-entries?campaignId=${campaign.id}`,
        );
        assert(entries.length === 1, `the campaign has ${entries.length} entries`);
        const e = entries[0]!;
        assert(
          e.indicatorId === indicator.id &&
            e.quantity === QUANTITY &&
            e.measureUnit === INDICATOR.measureUnit &&
            e.unitId === worker.unitId &&
            e.day === today,
          `the entry is ${JSON.stringify(e)}`,
        );
        await context.close();
      }),
    },
    {
      name: '整治成效：德化社区的工作量指标汇总本月增加 30 张，工作成效和集中整治页都显示这一数量',
      run: shotOnFailure('campaign-figures', async () => {
        assert(office && community && campaign && indicator, 'no entry made (previous step failed)');
        const p = office.page;
        current = p;
        const api = office.context.request;

        const sumAfter = await monthSum(api);
        assert(
          sumAfter === sumBefore + QUANTITY,
          `本月${INDICATOR.name} ${sumBefore} → ${sumAfter}, expected +${QUANTITY}`,
        );
        const achievedAfter = await achieved(api);
        assert(
          achievedAfter === achievedBefore + QUANTITY,
          `工作成效 ${INDICATOR.name} ${achievedBefore} → ${achievedAfter}, expected +${QUANTITY}`,
        );

        // 工作量指标 · 汇总: the community's own total row, this month's column (the last month shown).
        await openNav(p, 'indicators', '/indicators');
        await p.getByTestId('sums-indicator').click();
        await option(p, `${INDICATOR.name}（${INDICATOR.measureUnit}）`).click();
        const total = p.locator('.ant-table-summary tr').filter({ hasText: `${community.unitName}（含本级录入）` });
        await total.waitFor();
        await p
          .getByTestId('sums-table')
          .locator('th')
          .filter({ hasText: `${Number(month.slice(5))}月` })
          .first()
          .waitFor();
        for (const until = Date.now() + 10_000; ;) {
          const cells = (await total.locator('td').allInnerTexts()).map((t) => t.trim());
          if (cells[cells.length - 2] === qty(sumAfter)) break;
          assert(Date.now() < until, `the 汇总 row shows ${cells.join(' | ')}, expected ${qty(sumAfter)} this month`);
          await p.waitForTimeout(300);
        }
        await p.mouse.move(0, 0);
        await p.waitForTimeout(300);
        await ctx.shot(p, 'c06-indicator-sums');
        await fitsWidth(p, '工作量指标');

        // 工作成效: the community over this quarter so far (the page's default) says it.
        await openNav(p, 'achievements', '/achievements');
        const phrase = `${INDICATOR.phrase}${achievedAfter}${INDICATOR.measureUnit}`;
        await p.getByTestId('achievement-sentence').filter({ hasText: phrase }).waitFor();
        await p.getByTestId('achievement-figure').filter({ hasText: INDICATOR.name }).waitFor();
        await p.waitForTimeout(300);
        await ctx.shot(p, 'c07-achievements');
        await fitsWidth(p, '工作成效');

        // The campaign's page: the quantity entered under it.
        await openNav(p, 'campaigns', '/campaigns');
        await p
          .getByTestId('campaign-table')
          .locator('tr.ant-table-row')
          .filter({ hasText: campaign.title })
          .getByTestId('campaign-link')
          .click();
        await p.waitForURL((u) => u.pathname === `/campaigns/${campaign!.id}`);
        await p
          .getByTestId('campaign-quantities')
          .locator('tr.ant-table-row')
          .filter({ hasText: INDICATOR.name })
          .filter({ hasText: `${QUANTITY} ${INDICATOR.measureUnit}` })
          .waitFor();
        await p.mouse.move(0, 0);
        await p.waitForTimeout(300);
        await ctx.shot(p, 'c08-campaign-quantity');
        await fitsWidth(p, 'the campaign page');
        const c = await getJson<CampaignDetail>(api, `/api/v1/campaigns/${campaign.id}`);
        const q = c.quantities.find((x) => x.indicatorId === indicator!.id);
        assert(
          q?.total === QUANTITY && q.entries === 1,
          `the campaign's quantities are ${JSON.stringify(c.quantities)}`,
        );
        assert(c.cases.length === 1, `the campaign now links ${c.cases.length} cases`);

        await session.finish();
      }),
    },
  ];
}
