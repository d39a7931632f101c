/**
 * End-to-end steps of the problem ledger (问题台账), run by e2e/run.ts after its own steps:
 *
 *   steps.push(...(await casesSteps({ page, shot })));
 *
 * A grid worker reports a problem with a photo (its GPS places it) → the sub-district that triages the
 * grid accepts (after losing a race to a colleague: 409, reload) and dispatches to the category's default
 * unit → the unit handler gets the message, starts and feeds back with a photo → the grid worker verifies
 * → closed; the ledger shows it closed and exports; the sub-district checks it off (对账销号) and sees
 * the KPIs. Each step signs in as the account it needs, so it does not depend on the run's session.
 */
import type { Page } from 'playwright-core';
import { consoleLogin } from './console-login';
import { photo, pointInGrid } from './fixtures';

export interface CasesContext {
  /** A page of a context whose baseURL is the server. */
  page: Page;
  /** Full-page screenshot into the run's artifacts folder. */
  shot(page: Page, name: string): Promise<void>;
  /** Password of the demo accounts (CIVICGRID_DEMO_PASSWORD); Demo12345 by default. */
  demoPassword?: string;
}

export interface CasesStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  username: string;
  unitId: string;
  unitName: string;
}
interface CaseJson {
  id: string;
  caseNumber: string;
  status: string;
  gridId: string | null;
  gridName: string | null;
  subdistrictName: string | null;
  assignedUnitName: string | null;
  deadline: string | null;
  version: number;
  photos: unknown[];
  reconciledAt: string | null;
}

const GRID_WORKER = 'wgy_zhuzhuang';
/** 朱庄社区 lies in 陈州街道, so 陈州's staff triage the grid worker's reports. */
const TRIAGE = 'chenzhou';
const TRIAGE_SUBDISTRICT = '陈州街道办事处';
const HANDLER = 'chengguan';
const HANDLER_UNIT = '川汇区城市管理局';
const CATEGORY = { code: '0102', name: '暴露垃圾' };

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  assert(res.ok(), `GET ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

export async function casesSteps(ctx: CasesContext): Promise<CasesStep[]> {
  const { page, shot } = ctx;
  const password = ctx.demoPassword ?? 'Demo12345';
  let caseId = '';
  let caseNumber = '';
  let point: { lng: number; lat: number } | null = null;

  const login = (username: string) => consoleLogin(page, username, password);

  async function openCase(id: string) {
    await page.goto(`/cases/${id}`);
    await page.getByTestId('case-detail-page').waitFor();
  }

  async function waitStatus(status: string) {
    await page.locator(`[data-testid="case-status"][data-status="${status}"]`).waitFor({ timeout: 10_000 });
  }

  /** Clicks an action button, fills the modal with `fill`, submits, waits for the new status. */
  async function act(type: string, status: string, fill?: (modal: ReturnType<Page['locator']>) => Promise<void>) {
    const button = page.getByTestId(`case-action-${type}`);
    await button.waitFor();
    await button.click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('case-action-submit') });
    await modal.waitFor();
    if (fill) await fill(modal);
    await page.getByTestId('case-action-submit').click();
    await waitStatus(status);
    await modal.waitFor({ state: 'hidden' });
  }

  async function uploadInto(testId: string, name: string, buffer: Buffer) {
    const box = page.getByTestId(testId);
    await box.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
    // A failed upload is dropped from the list with an error message naming the file.
    const failed = page.locator('.ant-message-error').filter({ hasText: name });
    await box.locator('.ant-upload-list-item-done').or(failed).first().waitFor({ timeout: 15_000 });
    if (await failed.count()) throw new Error(`upload of ${name} failed: ${(await failed.first().innerText()).trim()}`);
  }

  return [
    {
      name: '问题台账：网格员带照片上报问题（照片 GPS 定位、重复提示）',
      async run() {
        await login(GRID_WORKER);
        const me = await apiGet<Me>(page, '/api/v1/auth/me');
        point = await pointInGrid(page.request, me.unitId);
        assert(await page.getByTestId('nav-cases').isVisible(), 'grid worker has no 问题台账 menu item');
        assert(!(await page.getByTestId('nav-case-categories').isVisible()), 'grid worker sees 问题类别 (admin only)');
        await page.getByTestId('nav-case-report').click();
        await page.getByTestId('case-report-page').waitFor();
        await page.locator('[data-testid="case-report-map"] .leaflet-overlay-pane svg path').first().waitFor();

        // Category: type to search, pick the 小类.
        await page.getByTestId('case-report-category').click();
        await page.keyboard.type(CATEGORY.name);
        await page
          .locator('.ant-select-tree-treenode .ant-select-tree-title', { hasText: CATEGORY.name })
          .first()
          .click();
        await page.getByTestId('case-report-category-info').waitFor();
        await page
          .getByTestId('case-report-description')
          .fill('朱庄社区路口东侧绿化带旁有生活垃圾堆放，约两立方米，有异味。');

        // A click on the map places the point.
        const map = page.locator('[data-testid="case-report-map"] .leaflet-container');
        const box = await map.boundingBox();
        assert(box, 'report map not laid out');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const picked = await page.getByTestId('case-report-lng').inputValue();
        assert(picked.trim() !== '', 'a map click did not fill the longitude');
        await page.getByTestId('case-report-grid').waitFor();

        // Clear it again: the photo's GPS position is used when no location is set.
        await page.getByTestId('case-report-lng').fill('');
        await page.getByTestId('case-report-lat').fill('');
        await page.getByTestId('case-report-description').click();
        await uploadInto('case-report-photos', 'xianchang.jpg', await photo('现场照片', point));
        await page.getByTestId('case-report-gps-note').waitFor({ timeout: 5_000 });
        const lng = Number(await page.getByTestId('case-report-lng').inputValue());
        const lat = Number(await page.getByTestId('case-report-lat').inputValue());
        assert(
          Math.abs(lng - point.lng) < 1e-4 && Math.abs(lat - point.lat) < 1e-4,
          `photo GPS not used: ${lng}, ${lat} vs ${point.lng}, ${point.lat}`,
        );
        const grid = page.getByTestId('case-report-grid');
        await grid.filter({ hasText: me.unitName }).waitFor();
        // The duplicates panel answers (nothing here yet on a fresh database).
        await page.getByTestId('case-report-no-duplicates').or(page.getByTestId('case-duplicate').first()).waitFor();
        await page.waitForTimeout(300);
        await shot(page, 'c01-case-report');

        await page.getByTestId('case-report-submit').click();
        await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
        await waitStatus('reported');
        caseId = new URL(page.url()).pathname.split('/').pop()!;
        caseNumber = (await page.getByTestId('case-number').innerText()).trim();
        assert(/^\d{6}-\d{8}-\d{4}$/.test(caseNumber), `case number "${caseNumber}" is not like 411602-20260806-0001`);
        const c = await apiGet<CaseJson>(page, `/api/v1/cases/${caseId}`);
        assert(c.gridId === me.unitId, `case placed in ${c.gridName}, expected ${me.unitName}`);
        assert(c.photos.length === 1, `case has ${c.photos.length} photos, expected 1`);
        assert(
          c.subdistrictName === TRIAGE_SUBDISTRICT,
          `case triaged by ${c.subdistrictName}, expected ${TRIAGE_SUBDISTRICT}`,
        );
        await page.getByTestId('case-photos').locator('img').first().waitFor();
        await page.locator('[data-testid="case-map"] .leaflet-overlay-pane svg path').first().waitFor();
        // The grid worker can only comment on a fresh report.
        assert(!(await page.getByTestId('case-action-accept').count()), 'grid worker is offered 立案');
        await page.waitForTimeout(400);
        await shot(page, 'c02-case-reported');

        // A second report at the same place is warned about as a duplicate.
        await page.goto('/cases/report');
        await page.getByTestId('case-report-category').click();
        await page.keyboard.type(CATEGORY.name);
        await page
          .locator('.ant-select-tree-treenode .ant-select-tree-title', { hasText: CATEGORY.name })
          .first()
          .click();
        await page.getByTestId('case-report-lng').fill(String(point.lng));
        await page.getByTestId('case-report-lat').fill(String(point.lat));
        await page.getByTestId('case-report-description').click();
        const dup = page.getByTestId('case-duplicate').filter({ hasText: caseNumber });
        await dup.waitFor();
        await shot(page, 'c03-case-report-duplicate');
      },
    },
    {
      name: '问题台账：街道立案（并发冲突提示）并派遣到类别默认单位',
      async run() {
        assert(caseId, 'no case (previous step failed)');
        await login(TRIAGE);
        await page.getByTestId('nav-cases').click();
        await page.getByTestId('case-ledger-page').waitFor();
        await page.getByTestId('case-filter-q').fill(caseNumber);
        await page.getByTestId('case-filter-q').press('Enter');
        const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
        await row.waitFor();
        await shot(page, 'c04-ledger-triage');
        await row.click();
        await page.getByTestId('case-detail-page').waitFor();
        await waitStatus('reported');

        // A colleague acts first (a note through the API): our 立案 meets a 409, the page reloads.
        const before = await apiGet<CaseJson>(page, `/api/v1/cases/${caseId}`);
        const res = await page.request.post(`/api/v1/cases/${caseId}/actions`, {
          data: { type: 'comment', comment: '已电话联系社区核实。', expectedVersion: before.version },
        });
        assert(res.ok(), `colleague's comment failed: HTTP ${res.status()}`);
        await page.getByTestId('case-action-accept').click();
        const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('case-action-submit') });
        await dialog.waitFor();
        // The click must reach the server (a click during the dialog's opening animation can miss):
        // wait for the 409 itself, not only for the warning it brings.
        const conflict = page.waitForResponse(
          (r) => r.url().endsWith(`/api/v1/cases/${caseId}/actions`) && r.request().method() === 'POST',
        );
        await page.getByTestId('case-action-submit').click();
        const answer = await conflict;
        assert(answer.status() === 409, `立案 after a colleague's note: HTTP ${answer.status()}, not 409`);
        const warning = page.locator('.ant-modal-confirm').filter({ hasText: '案卷已被他人处理' });
        await warning.waitFor();
        await page.waitForTimeout(400);
        await shot(page, 'c05-case-conflict');
        await warning.getByRole('button').click();
        await page.locator('[data-testid="case-timeline-item"][data-action="comment"]').waitFor();

        await act('accept', 'accepted');
        await act('dispatch', 'dispatched', async (modal) => {
          const unit = modal.getByTestId('case-action-field-unit');
          await unit.locator('.ant-select-selection-item').filter({ hasText: HANDLER_UNIT }).waitFor();
          const limit = await modal.getByTestId('case-action-field-limit').inputValue();
          assert(limit.trim() !== '', 'the category time limit was not prefilled');
          await page.waitForTimeout(400);
          await shot(page, 'c06-case-dispatch');
        });
        const c = await apiGet<CaseJson>(page, `/api/v1/cases/${caseId}`);
        assert(c.assignedUnitName === HANDLER_UNIT, `dispatched to ${c.assignedUnitName}`);
        assert(c.deadline, 'dispatched case has no deadline');
        await page.getByTestId('case-deadline').waitFor();
        await page.waitForTimeout(300);
        await shot(page, 'c07-case-dispatched');
      },
    },
    {
      name: '问题台账：责任单位收到消息、签收处置并反馈（带照片）',
      async run() {
        assert(caseId, 'no case (previous step failed)');
        await login(HANDLER);
        // The dispatch notice is in the inbox, with the unread count on the menu.
        await page.locator('[data-testid="inbox-nav-badge"] .ant-badge-count').waitFor();
        await page.getByTestId('nav-inbox').click();
        await page.getByTestId('inbox-page').waitFor();
        const msg = page.getByTestId('inbox-item').filter({ hasText: caseNumber }).first();
        await msg.waitFor();
        await page.waitForTimeout(400);
        await shot(page, 'c08-inbox');
        await msg.click();
        await page.waitForURL(new RegExp(`/cases/${caseId}$`));
        await waitStatus('dispatched');
        assert(!(await page.getByTestId('case-action-verify_pass').count()), 'the handler is offered 核查通过');
        await act('start', 'handling');
        await act('feedback', 'pending_verification', async () => {
          await page.getByTestId('case-action-field-comment').fill('已组织环卫人员清运，现场已清理干净。');
          await uploadInto('case-action-field-photos', 'chuzhi.jpg', await photo('处置后', point));
        });
        await page.locator('[data-testid="case-timeline-item"][data-action="feedback"] img').first().waitFor();
        await page.waitForTimeout(300);
        await shot(page, 'c09-case-feedback');
      },
    },
    {
      name: '问题台账：网格员核查通过，案卷结案，台账显示已结案并可导出',
      async run() {
        assert(caseId, 'no case (previous step failed)');
        await login(GRID_WORKER);
        await openCase(caseId);
        await waitStatus('pending_verification');
        await act('verify_pass', 'closed', async (modal) => {
          await modal.getByTestId('case-action-field-comment').fill('现场核查，垃圾已清理。');
        });
        const c = await apiGet<CaseJson>(page, `/api/v1/cases/${caseId}`);
        assert(c.status === 'closed', `status ${c.status}, expected closed`);
        await page.waitForTimeout(300);
        await shot(page, 'c10-case-closed');

        await page.getByTestId('nav-cases').click();
        await page.getByTestId('case-ledger-page').waitFor();
        await page.getByTestId('case-filter-status').click();
        await page.locator('.ant-select-item-option', { hasText: '已结案' }).click();
        await page.keyboard.press('Escape');
        const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
        await row.waitFor();
        await page
          .locator('.ant-select-dropdown:visible')
          .waitFor({ state: 'hidden' })
          .catch(() => undefined);
        await page.waitForTimeout(400);
        const tag = await row.getByTestId('case-status-tag').innerText();
        assert(tag.includes('已结案'), `ledger row shows "${tag}"`);
        await shot(page, 'c11-ledger-closed');

        const href = await page.getByTestId('case-export').getAttribute('href');
        assert(
          href && href.includes('/api/v1/cases/export.xlsx') && href.includes('status=closed'),
          `export link is ${href}`,
        );
        const xlsx = await page.request.get(href);
        assert(xlsx.ok(), `export → HTTP ${xlsx.status()}`);
        assert(
          (xlsx.headers()['content-type'] ?? '').includes('spreadsheetml'),
          `export content-type ${xlsx.headers()['content-type']}`,
        );
        const body = await xlsx.body();
        assert(body.subarray(0, 2).toString() === 'PK', 'export is not an .xlsx (zip) file');
      },
    },
    {
      name: '问题台账：街道打印台账、案卷与派遣单（A4，打印时只留纸面）',
      async run() {
        assert(caseId, 'no case (previous step failed)');
        await login(TRIAGE);
        await page.goto('/cases?status=closed');
        await page.getByTestId('case-ledger-page').waitFor();
        await page.getByTestId('case-print-ledger').click();
        const title = (await page.getByTestId('print-ledger-title').innerText()).trim();
        assert(title === `${TRIAGE_SUBDISTRICT}问题台账`, `printed ledger titled "${title}"`);
        const c = await apiGet<CaseJson>(page, `/api/v1/cases/${caseId}`);
        const row = page.getByTestId('print-ledger-row').filter({ hasText: c.caseNumber });
        await row.waitFor();
        const text = await row.innerText();
        assert(text.includes('已整改销号') || text.includes('已整改'), `printed row says "${text}"`);
        await shot(page, 'c12-ledger-print');
        // Printed, the console's frame is gone: only the sheet is on paper.
        await page.emulateMedia({ media: 'print' });
        assert(!(await page.locator('.cg-sider').isVisible()), 'the side menu is printed');
        assert(!(await page.getByTestId('print-button').isVisible()), 'the 打印 toolbar is printed');
        await page.emulateMedia({ media: 'screen' });

        await openCase(caseId);
        await page.getByTestId('case-print').click();
        await page.getByTestId('print-case-number').filter({ hasText: c.caseNumber }).waitFor();
        const steps = await page.getByTestId('print-case-timeline').locator('tbody tr').count();
        assert(steps >= 6, `the printed 案卷 lists ${steps} steps`);
        await shot(page, 'c13-case-print');
        await page.getByRole('button', { name: '返回' }).click();
        await page.getByTestId('case-detail-page').waitFor();
        await page.getByTestId('case-print-dispatch').click();
        await page
          .getByTestId('print-dispatch-number')
          .filter({ hasText: `${c.caseNumber}-01` })
          .waitFor();
        const unit = (await page.getByTestId('print-dispatch-unit').innerText()).trim();
        assert(unit === HANDLER_UNIT, `派遣单 names "${unit}", expected ${HANDLER_UNIT}`);
        await shot(page, 'c14-dispatch-print');
      },
    },
    {
      name: '问题台账：街道对账销号与统计指标',
      async run() {
        assert(caseId, 'no case (previous step failed)');
        await login(TRIAGE);
        await page.getByTestId('nav-case-reconcile').click();
        await page.getByTestId('case-reconcile-page').waitFor();
        const row = page.locator(`[data-testid="reconcile-row"][data-case-id="${caseId}"]`);
        await row.waitFor();
        await page.getByTestId('reconcile-count-pending').filter({ hasText: /[1-9]/ }).waitFor();
        await page.waitForTimeout(300);
        await shot(page, 'c12-reconcile');
        await row.getByTestId('reconcile-button').click();
        await row.waitFor({ state: 'detached' });
        const c = await apiGet<CaseJson>(page, `/api/v1/cases/${caseId}`);
        assert(c.reconciledAt, 'case not reconciled');
        await page.getByTestId('reconcile-view').getByText('已销号').click();
        await page.locator(`[data-testid="reconcile-row"][data-case-id="${caseId}"]`).waitFor();

        await page.getByTestId('nav-case-kpis').click();
        await page.getByTestId('case-kpis-page').waitFor();
        const close = page.getByTestId('kpi-closeRate');
        await close.filter({ hasText: '%' }).waitFor();
        await page.getByTestId('kpi-counts').waitFor();
        await page.waitForTimeout(300);
        await shot(page, 'c13-kpis');
        await page.getByTestId('logout').click();
        await page.waitForURL(/\/login/);
      },
    },
  ];
}
