/**
 * 「API 令牌」 (issue 16, item 4): the administrator issues a token and sees when it stops working; a
 * community worker opening the page sees its tokens but no button to issue one (no token.create).
 * Every step name starts with API 令牌 (`CIVICGRID_E2E_ONLY=API 令牌` runs this file alone).
 */
import type { Page } from 'playwright-core';
import { consoleLogin } from './console-login';

interface Ctx {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  adminPassword: string;
  demoPassword: string;
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function apiTokenSteps({ page, shot, adminPassword, demoPassword }: Ctx) {
  return [
    {
      name: 'API 令牌：管理员签发令牌，看到失效时间',
      async run() {
        await consoleLogin(page, 'admin', adminPassword);
        await page.getByTestId('nav-api-tokens').click();
        await page.getByTestId('api-tokens-page').waitFor();
        await page.getByTestId('api-token-create').click();
        await page.getByTestId('api-token-name').fill('大屏集成');
        await page.getByTestId('api-token-submit').click();
        const expires = page.getByTestId('api-token-issued-expires');
        await expires.waitFor();
        assert(/失效时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(await expires.innerText()), 'no expiry shown');
        assert((await page.getByTestId('api-token-value').innerText()).startsWith('cgt_'), 'no token shown');
        await shot(page, 'api-tokens-issued');
        await page.getByTestId('api-token-done').click();
        await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
        const cell = page.getByTestId('api-token-expires').first();
        await cell.waitFor();
        assert((await cell.innerText()).includes('剩 90 天'), `expiry cell: ${await cell.innerText()}`);
        await shot(page, 'api-tokens-list');
      },
    },
    {
      name: 'API 令牌：社区工作者没有签发按钮',
      async run() {
        await consoleLogin(page, 'zhuzhuang', demoPassword);
        assert((await page.getByTestId('nav-api-tokens').count()) === 0, 'the menu shows API 令牌');
        await page.goto('/api-tokens');
        await page.getByTestId('api-tokens-page').waitFor();
        await page.getByTestId('api-tokens-table').waitFor();
        assert((await page.getByTestId('api-token-create').count()) === 0, 'the issue button is shown');
        await shot(page, 'api-tokens-worker');
      },
    },
  ];
}
