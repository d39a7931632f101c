/**
 * End-to-end steps of 督查督办 (supervision of work), run by e2e/run.ts after its own steps:
 *
 *   steps.push(...(await supervisionSteps({ page, shot })));
 *
 * 督查室 (duchashi) records a meeting with a decision and turns the decision into a task for 城管局
 * led by the 区领导, with two milestones, the first already past due → the task shows 滞后 →
 * 城管局 (chengguan) finds it in 本单位待办 and reports progress without finishing the missed
 * milestone → the 区领导 (leader) sees it as 滞后 in 领导视图 → 督查室 sends a 督办 → 城管局 answers
 * it and the answer shows on the task.
 */
import type { Page } from 'playwright-core';
import { consoleLogin } from './console-login';

export interface SupervisionContext {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  demoPassword?: string;
}

export interface SupervisionStep {
  name: string;
  run(): Promise<void>;
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** A local date in Asia/Shanghai, `days` from today. */
function shanghaiDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

export async function supervisionSteps(ctx: SupervisionContext): Promise<SupervisionStep[]> {
  const { page, shot } = ctx;
  const password = ctx.demoPassword ?? 'Demo12345';
  const stamp = String(Date.now()).slice(-5);
  const meetingTitle = `区委常委（扩大）会议 e2e${stamp}`;
  const decision = `责成城管局牵头开展背街小巷环境整治（e2e${stamp}）`;
  const missed = '完成摸底排查';
  let taskPath = '';
  let taskId = '';

  const login = (username: string) => consoleLogin(page, username, password);

  /** Opens 督查督办 › <item> from the sider menu, as a user would. */
  async function openMenu(key: 'tasks' | 'leader' | 'todo' | 'meetings') {
    const item = page.getByTestId(`nav-supervision-${key}`);
    if (!(await item.isVisible().catch(() => false))) {
      await page.locator('.ant-menu-submenu-title').filter({ hasText: '督查督办' }).click();
    }
    await item.click();
  }

  async function taskStatus(): Promise<string | null> {
    const detail = page.getByTestId('task-detail-page');
    await detail.waitFor();
    return detail.getAttribute('data-status');
  }

  return [
    {
      name: '督查督办：督查室记录会议，议定事项转为任务（两个时间节点）',
      async run() {
        await login('duchashi');
        await openMenu('meetings');
        await page.getByTestId('meeting-list-page').waitFor();
        await page.getByTestId('meeting-new-button').click();
        await page.getByTestId('meeting-form-title').fill(meetingTitle);
        await page.getByTestId('meeting-item-content').first().fill(decision);
        await page.getByTestId('meeting-form-submit').click();
        await page.getByTestId('meeting-detail-page').waitFor();
        const item = page.getByTestId('meeting-item').filter({ hasText: decision });
        await item.getByTestId('item-to-task').click();
        const drawer = page.getByTestId('task-form-drawer');
        await drawer.waitFor();
        await page.getByTestId('task-form-leader').click();
        await page.locator('.ant-select-dropdown:visible').getByText('区领导（演示）').click();
        await page.getByTestId('task-form-lead-unit').click();
        await page.keyboard.type('城市管理局');
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: '川汇区城市管理局' })
          .first()
          .click();
        const span = page.getByTestId('task-form-span');
        await span.nth(0).click();
        await span.nth(0).fill(shanghaiDate(-30));
        await span.nth(1).click();
        await span.nth(1).fill(shanghaiDate(60));
        await page.keyboard.press('Enter');
        for (const [title, due] of [
          [missed, shanghaiDate(-5)],
          ['完成集中整治', shanghaiDate(40)],
        ]) {
          await page.getByTestId('task-form-add-milestone').click();
          const row = page.getByTestId('task-form-milestone').last();
          await row.getByTestId('milestone-title').fill(title);
          await row.getByTestId('milestone-due').click();
          await row.getByTestId('milestone-due').fill(due);
          await page.keyboard.press('Enter');
        }
        await drawer.getByTestId('task-form-title').click();
        await shot(page, 'supervision-01-task-form');
        await page.getByTestId('task-form-submit').click();
        await drawer.waitFor({ state: 'hidden' });
        const link = item.getByTestId('task-link');
        await link.waitFor();
        await link.click();
        assert((await taskStatus()) === 'lagging', 'a task whose first milestone is past due is not 滞后');
        taskPath = new URL(page.url()).pathname;
        taskId = taskPath.split('/').at(-1)!;
        const items = page.getByTestId('milestone-item');
        assert((await items.count()) === 2, `the task shows ${await items.count()} milestones, expected 2`);
        assert(
          (await items.first().getAttribute('data-missed')) === 'true',
          'the past-due milestone is not marked missed',
        );
        await shot(page, 'supervision-02-task-lagging');
      },
    },
    {
      name: '督查督办：城管局在本单位待办中找到任务并报送进度',
      async run() {
        assert(taskId, 'no task from the previous step');
        await login('chengguan');
        await openMenu('todo');
        await page.getByTestId('unit-view-page').waitFor();
        // The task's title is the decision's text (the form starts from it).
        const owed = page.getByTestId('owed-row').filter({ hasText: decision }).first();
        await owed.waitFor();
        await shot(page, 'supervision-03-unit-todo');
        await owed.click();
        await page.getByTestId('task-detail-page').waitFor();
        await page.getByTestId('task-report-button').click();
        await page.locator('input[data-testid=report-percent]').fill('30');
        await page.getByTestId('report-content').fill('已完成 12 条背街小巷摸排，建立问题清单。');
        await page.getByTestId('report-submit').click();
        await page.getByTestId('report-modal').waitFor({ state: 'hidden' });
        await page.getByTestId('report-item').first().waitFor();
        const report = await page.getByTestId('report-item').first().innerText();
        assert(report.includes('30'), `the new report shows "${report}"`);
        assert(
          (await taskStatus()) === 'lagging',
          'reporting without finishing the missed milestone should leave the task 滞后',
        );
        await shot(page, 'supervision-04-reported');
      },
    },
    {
      name: '督查督办：区领导在领导视图中看到任务滞后',
      async run() {
        await login('leader');
        await openMenu('leader');
        await page.getByTestId('leader-view-page').waitFor();
        const row = page.locator(`[data-testid="task-row"][data-task-id="${taskId}"]`);
        await row.waitFor();
        assert(
          (await row.getAttribute('data-status')) === 'lagging',
          `the leader view shows the task as ${await row.getAttribute('data-status')}`,
        );
        const lagging = (await page.getByTestId('leader-count-lagging').innerText()).replace(/[^\d]/g, '');
        assert(Number(lagging) >= 1, `滞后 count shows "${lagging}"`);
        await shot(page, 'supervision-05-leader-view');
      },
    },
    {
      name: '督查督办：督查室发出督办，城管局答复',
      async run() {
        await login('duchashi');
        await page.goto(taskPath);
        await page.getByTestId('task-detail-page').waitFor();
        await page.getByTestId('task-notice-button').click();
        await page.getByTestId('notice-kind').getByText('督办').click();
        await page.getByTestId('notice-content').fill(`“${missed}”节点已逾期，请于 3 个工作日内说明原因及整改措施。`);
        await page.getByTestId('notice-submit').click();
        await page.getByTestId('notice-modal').waitFor({ state: 'hidden' });
        await page.getByTestId('notice-item').first().waitFor();
        await login('chengguan');
        await page.goto(taskPath);
        await page.getByTestId('task-detail-page').waitFor();
        const answer = '摸排已于本周补齐，整改方案已报分管领导。';
        await page.getByTestId('notice-reply-input').first().fill(answer);
        await page.getByTestId('notice-reply-submit').first().click();
        const shown = page.getByTestId('notice-reply').first();
        await shown.waitFor();
        assert((await shown.innerText()).includes(answer), 'the answer does not show on the notice');
        assert(
          (await page.getByTestId('notice-item').first().getAttribute('data-replied')) === 'true',
          'the notice is not marked answered',
        );
        await shot(page, 'supervision-06-notice-answered');
      },
    },
  ];
}
