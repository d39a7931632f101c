/**
 * End-to-end steps of 日报告 (daily and zero reporting), run by e2e/run.ts after its own steps:
 *
 *   steps.push(...(await reportingSteps({ page, shot })));
 *
 * The sub-district (陈州街道, account chenzhou) opens 完成情况 of 疫情防控日报 for today and notes 实报 →
 * a community in it (朱庄社区, account zhuzhuang) submits a zero report (今日无新增) for today → the
 * sub-district reloads and sees 实报 one higher and 朱庄社区 gone from today's lists. Before the 16:00
 * deadline an unsent report is 未到期 (not 缺报, not in 应报), after it 缺报: so one of 未到期 or 缺报 is
 * one lower, whichever the community was in. Each step signs in as the account it needs.
 */
import type { Page } from 'playwright-core';
import { consoleLogin } from './console-login';

export interface ReportingContext {
  /** A page of a context whose baseURL is the server (timezoneId Asia/Shanghai). */
  page: Page;
  /** Full-page screenshot into the run's artifacts folder. */
  shot(page: Page, name: string): Promise<void>;
  /** Password of the demo accounts (CIVICGRID_DEMO_PASSWORD); Demo12345 by default. */
  demoPassword?: string;
}

export interface ReportingStep {
  name: string;
  run(): Promise<void>;
}

const FORM = '疫情防控日报';
const COMMUNITY_ACCOUNT = 'zhuzhuang';
const COMMUNITY = '朱庄社区';
const SUBDISTRICT_ACCOUNT = 'chenzhou';

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Today's period id of a daily form: the calendar day in Asia/Shanghai. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export async function reportingSteps(ctx: ReportingContext): Promise<ReportingStep[]> {
  const { page, shot } = ctx;
  const password = ctx.demoPassword ?? 'Demo12345';
  const today = todayInShanghai();
  let submittedBefore = -1;
  let missingBefore = -1;
  let notDueBefore = -1;

  const login = (username: string) => consoleLogin(page, username, password);

  /** Opens 日报告 › <item> from the sider menu. */
  async function openMenu(key: 'reporting-fill' | 'reporting-completeness') {
    const item = page.getByTestId(`nav-${key}`);
    if (!(await item.isVisible().catch(() => false))) {
      await page.locator('.ant-menu-submenu-title').filter({ hasText: '日报告' }).click();
    }
    await item.click();
  }

  async function pickForm(selectTestId: string) {
    const select = page.getByTestId(selectTestId);
    await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: FORM })
      .first()
      .click();
  }

  /** 完成情况 of FORM for today only; returns the figures shown once the reply for that range is in. */
  async function completenessToday(): Promise<{
    submitted: number;
    missing: number;
    notDue: number;
    expected: number;
    communityMissing: boolean;
    communityNotDue: boolean;
  }> {
    await openMenu('reporting-completeness');
    await page.getByTestId('reporting-completeness-page').waitFor();
    await pickForm('comp-form-select');
    await page.getByTestId('comp-range').first().click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-presets li').filter({ hasText: '今天' }).click();
    await page.locator(`[data-testid="comp-cards"][data-form="${FORM}"][data-range="${today}|${today}"]`).waitFor();
    const num = async (key: string) => {
      const text = (await page.getByTestId(`comp-${key}-value`).innerText()).replace(/[^\d]/g, '');
      assert(text !== '', `comp-${key} shows no number`);
      return Number(text);
    };
    const figures = {
      submitted: await num('submitted'),
      missing: await num('missing'),
      notDue: await num('notDue'),
      expected: await num('expected'),
    };
    await page.getByTestId('comp-missing-tab').click();
    const table = page.getByTestId('comp-missing-table');
    await table.waitFor();
    const communityMissing = (await table.locator(`tr[data-unit="${COMMUNITY}"][data-period="${today}"]`).count()) > 0;
    // 未到期 is read when its tab opens: wait for its rows (陈州 has six communities, one page).
    await page.getByTestId('comp-notdue-tab').click();
    const open = page.getByTestId('comp-notdue-table');
    await open.waitFor();
    if (figures.notDue > 0) await open.locator('tr[data-period]').first().waitFor();
    const communityNotDue = (await open.locator(`tr[data-unit="${COMMUNITY}"][data-period="${today}"]`).count()) > 0;
    await page.getByTestId('comp-missing-tab').click();
    return { ...figures, communityMissing, communityNotDue };
  }

  return [
    {
      name: '日报告：街道查看今日完成情况',
      async run() {
        await login(SUBDISTRICT_ACCOUNT);
        const before = await completenessToday();
        assert(
          before.expected + before.notDue > 0,
          `${FORM}: 应报 and 未到期 are 0 for ${SUBDISTRICT_ACCOUNT} today (${today})`,
        );
        assert(
          before.communityMissing !== before.communityNotDue,
          `${COMMUNITY} should be in exactly one of today's 缺报 / 未到期 lists before it reports (missing: ${before.communityMissing}, not due: ${before.communityNotDue})`,
        );
        assert(
          before.missing === before.expected - before.submitted,
          `缺报 ${before.missing} ≠ 应报 ${before.expected} − 实报 ${before.submitted}`,
        );
        submittedBefore = before.submitted;
        missingBefore = before.missing;
        notDueBefore = before.notDue;
        await page.waitForTimeout(300);
        await shot(page, 'reporting-01-completeness-before');
      },
    },
    {
      name: '日报告：社区报送零报告',
      async run() {
        await login(COMMUNITY_ACCOUNT);
        await openMenu('reporting-fill');
        await page.getByTestId('reporting-fill-page').waitFor();
        await pickForm('fill-form-select');
        await page.getByTestId('fill-form').waitFor();
        const unit = await page.getByTestId('fill-unit-select').innerText();
        assert(unit.includes(COMMUNITY), `报送单位 shows "${unit}", expected ${COMMUNITY}`);
        const periodText = await page.getByTestId('fill-period-label').innerText();
        const [y, m, d] = today.split('-').map(Number);
        assert(periodText.includes(`${y}年${m}月${d}日`), `报告期 shows "${periodText}", expected today ${today}`);
        await page.getByTestId('fill-pending').waitFor();
        await shot(page, 'reporting-02-fill');
        await page.getByTestId('fill-zero').click();
        await page.getByTestId('fill-zero-confirm').click();
        const result = page.getByTestId('fill-result');
        await result.waitFor();
        const title = await page.getByTestId('fill-result-title').innerText();
        assert(/已报送|迟报/.test(title) && title.includes('零报告'), `result title "${title}"`);
        const revision = await page.getByTestId('fill-result-revision').innerText();
        assert(revision.includes('首次报送'), `a first report shows "${revision}"`);
        await shot(page, 'reporting-03-zero-submitted');
      },
    },
    {
      name: '日报告：街道看到实报加一、缺报名单更新',
      async run() {
        assert(submittedBefore >= 0, 'the figures before the zero report are unknown (first step failed)');
        await login(SUBDISTRICT_ACCOUNT);
        const after = await completenessToday();
        assert(after.submitted === submittedBefore + 1, `实报 ${after.submitted}, expected ${submittedBefore} + 1`);
        assert(
          after.missing + after.notDue === missingBefore + notDueBefore - 1,
          `缺报 ${after.missing} + 未到期 ${after.notDue}, expected ${missingBefore} + ${notDueBefore} − 1`,
        );
        assert(
          after.missing === after.expected - after.submitted,
          `缺报 ${after.missing} ≠ 应报 ${after.expected} − 实报 ${after.submitted}`,
        );
        assert(
          !after.communityMissing && !after.communityNotDue,
          `${COMMUNITY} is still listed for today after its zero report`,
        );
        await page.waitForTimeout(300);
        await shot(page, 'reporting-04-completeness-after');
        await page.getByTestId('logout').click();
        await page.waitForURL(/\/login/);
      },
    },
  ];
}
