import type { Page } from 'playwright-core';

/** Signs the console in as `username`, logging out first (or clearing cookies) if someone is signed in. */
export async function consoleLogin(page: Page, username: string, password: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) {
    const logout = page.getByTestId('logout');
    if (await logout.isVisible().catch(() => false)) {
      await logout.click();
      await page.waitForURL(/\/login/);
    } else {
      await page.context().clearCookies();
      await page.goto('/login');
    }
  }
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByTestId('app-layout').waitFor();
}
