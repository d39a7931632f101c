import { chromium } from 'playwright-core';
const who = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto('http://127.0.0.1:8220/login');
await page.getByTestId('login-username').fill(who);
await page.getByTestId('login-password').fill('Demo12345');
await page.getByTestId('login-submit').click();
await page.waitForTimeout(1500);
await page.goto('http://127.0.0.1:8220/screening');
await page.waitForTimeout(2500);
await page.screenshot({ path: `/tmp/scr-${who}-entries.png` });
await page.getByRole('tab', { name: '24小时协查' }).click();
await page.waitForTimeout(1000);
await page.getByText('全部', { exact: true }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: `/tmp/scr-${who}-checks.png` });
if (who === 'dehua') {
  const btn = page.getByTestId('scr-answer').first();
  if (await btn.count()) { await btn.click(); await page.waitForTimeout(800); await page.screenshot({ path: `/tmp/scr-${who}-answer.png` }); }
}
await browser.close();
