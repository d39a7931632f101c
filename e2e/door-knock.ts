/**
 * End-to-end steps of 敲门行动 (door-knocking), run by e2e/run.ts after the phone and crew steps:
 *
 *   steps.push(...(await doorKnockSteps({ page, shot, baseURL: base })));
 *
 * On a phone (390×844, service worker allowed) wgy_dehua opens 敲门, the demo's open round over 德化社区
 * and the 未走访 doors of their grid; once the service worker keeps the shell and the phone keeps the
 * round's doors, the phone goes offline and reloads. At a door not yet visited the worker ticks a member
 * 在家, adds a person found living there (a returnee: 流动人口, a GB 11643 ID number whose check character
 * the test computes from the MOD 11-2 definition), 在家已核实, and saves: 待发送 1 条. Back online the
 * visit is sent by itself; the API shows the visit, the person registered in that household and the
 * grid's coverage one household higher. Then 德化社区 (console, 1366×768) opens the round, sees the new
 * 已走访 count in the coverage table, drills down to the grid and finds the visit in its 走访记录.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { getJson, waitForOfflineShell } from './fixtures';

export interface DoorKnockContext {
  /** A page of the run (its browser is reused). */
  page: Page;
  /** Full-page screenshot into the run's artifacts folder. */
  shot(page: Page, name: string): Promise<void>;
  /** The server's origin, e.g. http://127.0.0.1:41234 (else taken from `page`'s URL when the step runs). */
  baseURL?: string;
  /** Password of the demo accounts (CIVICGRID_DEMO_PASSWORD); Demo12345 by default. */
  demoPassword?: string;
}

export interface DoorKnockStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  displayName: string;
  unitId: string;
  unitName: string;
}
interface Coverage {
  households: number;
  visited: number;
  verified: number;
  absentOnly: number;
  rate: number | null;
}
interface Round {
  id: string;
  name: string;
  phase: string;
  scope: { id: string; name: string };
  coverage: Coverage;
}
interface CoverageReport {
  unit: { id: string; name: string };
  total: Coverage;
  rows: (Coverage & { unitId: string; unitName: string; unitKind: string })[];
}
interface RoundHousehold {
  id: string;
  address: string;
  members: { id: string; name: string }[];
  lastResult: string | null;
  visits: number;
}
interface Visit {
  id: string;
  household: { id: string; address: string };
  grid: { id: string };
  result: string;
  visitedAt: string;
  visitorName: string;
  presentCount: number;
  addedNames: string[];
}
interface Resident {
  id: string;
  name: string;
  idNumber: string | null;
  masked: boolean;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  household: { id: string } | null;
  relation: string | null;
  residenceKind: string;
  tags: string[];
  status: string;
}

const GRID_WORKER = 'wgy_dehua';
const COMMUNITY = 'dehua';
const ROUND_NAME = '冬季入户走访（敲门行动）';
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

/** GB 11643-1999's MOD 11-2 weights Wᵢ = 2^(17−i) mod 11, and the check character for each Σ mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of a 17-digit body, written here from the standard's definition (not the app's code). */
export function idCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error(`not a 17-digit body: ${body17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function doorKnockSteps(ctx: DoorKnockContext): Promise<DoorKnockStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let base = '';
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  let phone: { context: BrowserContext; page: Page } | null = null;
  let me: Me | null = null;
  let round: Round | null = null;
  let door: RoundHousehold | null = null;
  let gridBefore: Coverage | null = null;
  let communityBefore: Coverage | null = null;
  /** The units from below the round's scope down to my grid (e.g. 德化社区第1网格 → 德化社区第1网格-1). */
  let drillPath: { id: string; name: string }[] = [];
  const newcomer = { name: '', idNumber: '', birthDate: '', phone: '13938860417' };
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  async function call<T>(req: APIRequestContext, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
    const res = method === 'GET' ? await req.get(url) : await req.post(url, { data });
    assert(res.ok(), `${method} ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  }

  /** A signed-in API session of its own (cookies kept in a context of its own). */
  async function apiAs(username: string): Promise<APIRequestContext> {
    const c = await browser!.newContext({ baseURL: base });
    contexts.push(c);
    await call(c.request, 'POST', '/api/v1/auth/login', { username, password });
    return c.request;
  }

  const phonePage = (): Page => {
    assert(phone, 'the phone page is not open (previous step failed)');
    return phone.page;
  };

  /** The phone keeps the round's doors and the tags (IndexedDB civicgrid-mobile › kv) for offline use; polled from Node too. */
  async function waitForKeptDoors(p: Page, key: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const kept = await p.evaluate(
        (k) =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('civicgrid-mobile');
            open.onerror = () => resolve(-1);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('kv')) return resolve(-1);
              const get = db.transaction('kv').objectStore('kv').get(k);
              get.onsuccess = () => {
                const row = get.result as { data?: { items?: unknown[] } | unknown[] } | undefined;
                const d = row?.data;
                resolve(Array.isArray(d) ? d.length : (d?.items?.length ?? -1));
                db.close();
              };
              get.onerror = () => resolve(-1);
            };
          }),
        key,
      );
      if (kept > 0) return;
      assert(Date.now() < deadline, `the phone did not keep the round's doors (${key}) within 15 s`);
      await p.waitForTimeout(300);
    }
  }

  /** The number shown in a Segmented option such as "未走访 5". */
  async function filterCount(p: Page, label: string): Promise<number> {
    const text = await p
      .getByTestId('m-knock-filter')
      .locator('.ant-segmented-item')
      .filter({ hasText: label })
      .innerText();
    const m = /(\d+)\s*$/.exec(text.trim());
    assert(m, `the filter option "${label}" shows no count: "${text}"`);
    return Number(m[1]);
  }

  /** Picks a Segmented option (未走访 / 不在家 / 全部) and lets its sliding thumb settle. */
  async function showFilter(p: Page, label: string) {
    const option = p.getByTestId('m-knock-filter').locator('.ant-segmented-item').filter({ hasText: label });
    await option.click();
    await p.getByTestId('m-knock-filter').locator('.ant-segmented-item-selected').filter({ hasText: label }).waitFor();
    await p
      .locator('.ant-segmented-thumb')
      .waitFor({ state: 'detached', timeout: 2000 })
      .catch(() => undefined);
    await p.waitForTimeout(300);
  }

  const closeAll = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    phone = null;
  };

  return [
    {
      name: '敲门行动：网格员手机打开进行中的行动和本网格未走访的户，离线后页面仍能打开',
      async run() {
        base = ctx.baseURL ?? new URL(ctx.page.url()).origin;
        assert(/^https?:/.test(base), `no server origin (page is at ${ctx.page.url()}); pass baseURL`);
        browser = ctx.page.context().browser();
        assert(browser, 'the run page has no browser to open contexts in');
        // The check character helper against the standard's own worked example and a well-known number.
        assert(idCheckChar('11010519491231002') === 'X', 'MOD 11-2 helper is wrong for 11010519491231002X');
        assert(idCheckChar('44052418800101001') === '4', 'MOD 11-2 helper is wrong for 440524188001010014');

        const context = await browser.newContext({
          baseURL: base,
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          userAgent: PHONE_UA,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          serviceWorkers: 'allow',
        });
        contexts.push(context);
        context.on('request', (r) => {
          const url = r.url();
          if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
        });
        const p = await context.newPage();
        p.on('pageerror', (e) => pageErrors.push(String(e)));
        p.setDefaultTimeout(15_000);
        phone = { context, page: p };

        await p.goto('/m');
        await p.waitForURL(/\/login\?redirect=%2Fm/);
        await p.getByTestId('login-username').fill(GRID_WORKER);
        await p.getByTestId('login-password').fill(password);
        await p.getByTestId('login-submit').click();
        await p.waitForURL((u) => u.pathname === '/m');
        await p.getByTestId('m-grid-page').waitFor();
        me = await getJson<Me>(context.request, '/api/v1/auth/me');

        // The round and where it stands, as the server sees it (the grid worker reads their grid).
        const { items: rounds } = await getJson<{ items: Round[] }>(context.request, '/api/v1/door-knock-rounds');
        round = rounds.find((r) => r.name === ROUND_NAME && r.phase === 'open') ?? null;
        assert(round, `no open round named ${ROUND_NAME} among ${rounds.map((r) => r.name).join('、') || 'none'}`);
        gridBefore = round.coverage;
        const list = await getJson<{ grid: { id: string }; items: RoundHousehold[] }>(
          context.request,
          `/api/v1/door-knock-rounds/${round.id}/households`,
        );
        assert(list.grid.id === me.unitId, `the phone's doors are of grid ${list.grid.id}, not ${me.unitName}`);
        const todo = list.items.filter((h) => h.lastResult === null);
        assert(todo.length > 0, `every door of ${me.unitName} is visited already: nothing left to knock on`);
        assert(
          gridBefore.households === list.items.length && gridBefore.visited === list.items.length - todo.length,
          `the round's coverage ${gridBefore.visited}/${gridBefore.households} disagrees with the door list (${list.items.length - todo.length}/${list.items.length})`,
        );
        const office = await apiAs(COMMUNITY);
        communityBefore = (await call<CoverageReport>(office, 'GET', `/api/v1/door-knock-rounds/${round.id}/coverage`))
          .total;
        drillPath = [];
        for (let id: string | null = me.unitId; id && id !== round.scope.id && drillPath.length < 6;) {
          const u: { id: string; name: string; parentId: string | null } = await call(
            office,
            'GET',
            `/api/v1/units/${id}`,
          );
          drillPath.unshift({ id: u.id, name: u.name });
          id = u.parentId;
        }
        assert(drillPath.at(-1)?.id === me.unitId && drillPath.length >= 1, "my grid is not under the round's scope");

        // 敲门 → the round (its coverage as the server counts it) → my grid's 未走访 doors.
        await p.getByTestId('m-tab-knock').click();
        await p.getByTestId('m-knock-rounds').waitFor();
        const card = p.getByTestId('m-knock-round').filter({ hasText: ROUND_NAME });
        await card.waitFor();
        const cardText = await card.innerText();
        assert(
          cardText.includes(`已走访 ${gridBefore.visited}/${gridBefore.households} 户`),
          `the round card says "${cardText.replace(/\s+/g, ' ')}", expected 已走访 ${gridBefore.visited}/${gridBefore.households} 户`,
        );
        await ctx.shot(p, 'k01-knock-rounds');
        await card.click();
        await p.getByTestId('m-knock-households').waitFor();
        await p.getByTestId('m-knock-door').first().waitFor();
        assert(
          (await filterCount(p, '未走访')) === todo.length,
          `未走访 shows ${await filterCount(p, '未走访')}, expected ${todo.length}`,
        );
        const shown = p.getByTestId('m-knock-door');
        assert(
          (await shown.count()) === todo.length,
          `the 未走访 list has ${await shown.count()} doors, expected ${todo.length}`,
        );
        for (const s of await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
          assert(s === 'none', `a door in 未走访 is in state ${s}`);

        // The door to knock on: the first not yet visited that has somebody on record.
        const hrefs = await shown.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
        const ids = hrefs.map((h) => h.split('/').pop() ?? '');
        door = ids.map((id) => todo.find((h) => h.id === id)).find((h) => h && h.members.length > 0) ?? null;
        assert(door, 'no door in 未走访 has a resident on record to tick 在家');
        await ctx.shot(p, 'k02-knock-doors');

        // Offline: the shell from the service worker, the doors from the phone's own copy.
        await waitForKeptDoors(p, `${me.id}:knock:households:${round.id}`);
        await waitForKeptDoors(p, `${me.id}:knock:tags`);
        await waitForOfflineShell(p);
        await context.setOffline(true);
        await p.reload();
        await p.getByTestId('m-app').waitFor();
        await p.getByTestId('m-offline').waitFor();
        await p.getByTestId('m-knock-households').waitFor();
        await p.locator(`[data-testid="m-knock-door"][href$="/${door.id}"]`).waitFor();
        assert(
          (await filterCount(p, '未走访')) === todo.length,
          'the offline copy does not list the same 未走访 doors',
        );
      },
    },
    {
      name: '敲门行动：离线走访一户——勾选在家、新增返乡人员（校验身份证号）、在家已核实，进入待发送',
      async run() {
        const p = phonePage();
        assert(me && round && door, 'no door to knock on (previous step failed)');
        const todoBefore = await filterCount(p, '未走访');
        await p.locator(`[data-testid="m-knock-door"][href$="/${door.id}"]`).click();
        await p.getByTestId('m-knock-visit').waitFor();
        assert(
          (await p.getByTestId('m-title').innerText()).includes('敲门行动'),
          'the visit page is not titled 敲门行动',
        );
        const members = p.getByTestId('m-knock-member');
        assert(
          (await members.count()) === door.members.length,
          `the door lists ${await members.count()} residents, expected ${door.members.length}`,
        );

        // Without a result nothing is saved.
        await p.getByTestId('m-knock-submit').click();
        await p.locator('.cgm-field-error', { hasText: '请选择走访结果' }).waitFor();

        await members.filter({ hasText: door.members[0].name }).getByTestId('m-knock-present').check();

        // 新增人员: a returnee (返乡) working away until now, 流动人口, born on a leap day; male (odd 17th digit).
        const body = `411602${'19960229'}${'137'}`;
        newcomer.idNumber = body + idCheckChar(body);
        newcomer.birthDate = '1996-02-29';
        newcomer.name = '郭春归';
        const wrong = body + (idCheckChar(body) === '0' ? '1' : '0');
        await p.getByTestId('m-knock-add-person').click();
        await p.getByTestId('m-newcomer-name').fill(newcomer.name);
        await p.getByTestId('m-newcomer-id').fill(wrong);
        await p.getByTestId('m-newcomer-phone').fill(newcomer.phone);
        await p.getByTestId('m-newcomer-kind').getByText('流动人口', { exact: true }).click();
        // 与户主关系 (a Select without a testid of its own): 子女.
        await p.getByTestId('m-newcomer-relation').click();
        await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '子女' }).click();
        await p.getByTestId('m-newcomer-tags').click();
        await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '返乡人员' }).click();
        await p.keyboard.press('Escape');
        await p.getByTestId('m-newcomer-add').click();
        const idError = p.locator('.cgm-field-error', { hasText: '校验位' });
        await idError.waitFor();
        await ctx.shot(p, 'k03-newcomer-bad-id');
        await p.getByTestId('m-newcomer-id').fill(newcomer.idNumber);
        await p.getByTestId('m-newcomer-add').click();
        await p.getByTestId('m-newcomer-name').waitFor({ state: 'hidden' });
        const added = p.getByTestId('m-knock-newcomer');
        assert((await added.count()) === 1, `the visit lists ${await added.count()} newcomers, expected 1`);
        const addedText = await added.innerText();
        assert(
          addedText.includes(newcomer.name) && addedText.includes('流动人口'),
          `the newcomer line reads "${addedText}"`,
        );

        await p.getByTestId('m-knock-result-verified').click();
        await p.getByTestId('m-knock-note').fill('春节前从外地务工返乡，与户主同住，已登记联系方式。');
        const submit = p.getByTestId('m-knock-submit');
        assert(
          (await submit.innerText()).includes('保存，联网后发送'),
          `offline, the button reads "${await submit.innerText()}"`,
        );
        await ctx.shot(p, 'k04-visit-offline');
        await submit.click();

        // Back on the list: the door left 未走访 and waits on the phone.
        await p.getByTestId('m-knock-households').waitFor();
        await p.getByTestId('m-queue-count').filter({ hasText: /^1$/ }).waitFor();
        // The list re-reads the outbox after the save: polled, not read once.
        for (let waited = 0; (await filterCount(p, '未走访')) !== todoBefore - 1; waited += 250) {
          assert(waited < 10_000, `未走访 did not drop to ${todoBefore - 1}`);
          await p.waitForTimeout(250);
        }
        await showFilter(p, '全部');
        const queuedDoor = p.locator(`[data-testid="m-knock-door"][href$="/${door.id}"]`);
        assert((await queuedDoor.getAttribute('data-state')) === 'queued', 'the knocked door is not shown as 待发送');
        assert((await queuedDoor.innerText()).includes('待发送'), 'the knocked door has no 待发送 tag');
        await ctx.shot(p, 'k05-doors-queued');

        await p.getByTestId('m-queue-chip').click();
        const item = p.getByTestId('m-queue-item');
        await item.first().waitFor();
        assert((await item.count()) === 1, `the outbox lists ${await item.count()} items, expected 1`);
        assert((await item.getAttribute('data-kind')) === 'visit', 'the queued item is not a visit');
        assert((await item.getAttribute('data-state')) === 'pending', 'the queued visit is not pending');
        const text = await item.innerText();
        for (const want of [door.address, '在家已核实', '新增 1 人'])
          assert(text.includes(want), `the queued visit does not show ${want}: "${text.replace(/\s+/g, ' ')}"`);
        await ctx.shot(p, 'k06-queue-offline');
      },
    },
    {
      name: '敲门行动：联网后自动发送；走访、新登记的人员和网格走访率（+1 户）都在服务器上',
      async run() {
        const p = phonePage();
        assert(me && round && door && gridBefore && newcomer.idNumber, 'no queued visit (previous step failed)');
        await phone!.context.setOffline(false);
        const sent = p.getByTestId('m-sent-item').filter({ hasText: `敲门：${door.address}` });
        await sent.waitFor({ timeout: 20_000 });
        await p.getByTestId('m-queue-item').first().waitFor({ state: 'detached' });
        assert(!(await p.getByTestId('m-queue-chip').count()), 'the 待发送 chip is still shown');
        assert((await sent.innerText()).includes('在家已核实'), 'the sent visit does not say 在家已核实');
        await ctx.shot(p, 'k07-sent');

        const req = phone!.context.request;
        // The visit, once (the outbox's Idempotency-Key), by this worker, with the person found.
        const { items: visits } = await getJson<{ items: Visit[] }>(
          req,
          `/api/v1/door-knock-rounds/${round.id}/visits?householdId=${door.id}`,
        );
        assert(visits.length === 1, `the door has ${visits.length} visits in the round, expected 1`);
        const v = visits[0];
        assert(v.result === 'verified', `visit result ${v.result}`);
        assert(v.visitorName === me.displayName, `visit by ${v.visitorName}, expected ${me.displayName}`);
        assert(v.grid.id === me.unitId, `visit placed in grid ${v.grid.id}`);
        // The member ticked 在家 and the returnee met at the door.
        assert(v.presentCount === 2, `visit records ${v.presentCount} at home, expected 2`);
        assert(
          v.addedNames.length === 1 && v.addedNames[0] === newcomer.name,
          `visit added ${v.addedNames.join('、') || 'nobody'}`,
        );

        // The returnee now lives in that household: one record, ID masked, birth date and sex from the number.
        const { items: residents } = await getJson<{ items: Resident[] }>(
          req,
          `/api/v1/residents?householdId=${door.id}`,
        );
        const found = residents.filter((r) => r.name === newcomer.name);
        assert(found.length === 1, `${found.length} residents named ${newcomer.name} in the household, expected 1`);
        const r = found[0];
        assert(r.household?.id === door.id, `${r.name} is registered in household ${r.household?.id}`);
        assert(r.residenceKind === 'floating', `residence kind ${r.residenceKind}, expected floating (流动人口)`);
        assert(r.tags.includes('returnee'), `tags ${r.tags.join(',')}, expected 返乡人员 (returnee)`);
        assert(r.relation === 'child', `relation ${r.relation}, expected child (子女)`);
        assert(r.status === 'active', `status ${r.status}`);
        assert(r.birthDate === newcomer.birthDate, `birth date ${r.birthDate}, expected ${newcomer.birthDate}`);
        assert(r.sex === 'male', `sex ${r.sex}, expected male (odd 17th digit)`);
        assert(
          r.masked &&
            !!r.idNumber &&
            r.idNumber !== newcomer.idNumber &&
            r.idNumber.endsWith(newcomer.idNumber.slice(-4)),
          `the ID number is not shown masked: ${r.idNumber}`,
        );
        assert(
          residents.length === door.members.length + 1,
          `the household has ${residents.length} residents, expected ${door.members.length + 1}`,
        );

        // Coverage: one more household visited, and verified, in the grid.
        const { items: rounds } = await getJson<{ items: Round[] }>(req, '/api/v1/door-knock-rounds');
        const now = rounds.find((x) => x.id === round!.id)?.coverage;
        assert(now, 'the round is gone from the list');
        assert(now.households === gridBefore.households, `households ${gridBefore.households} → ${now.households}`);
        assert(now.visited === gridBefore.visited + 1, `visited ${gridBefore.visited} → ${now.visited}, expected +1`);
        assert(
          now.verified === gridBefore.verified + 1,
          `verified ${gridBefore.verified} → ${now.verified}, expected +1`,
        );

        // The phone's list learns it too: the door is 已核实, the round card one household further.
        await p.getByTestId('m-tab-knock').click();
        const card = p.getByTestId('m-knock-round').filter({ hasText: ROUND_NAME });
        await card.filter({ hasText: `已走访 ${now.visited}/${now.households} 户` }).waitFor();
        await card.click();
        await showFilter(p, '全部');
        const doneDoor = p.locator(`[data-testid="m-knock-door"][href$="/${door.id}"]`);
        await p.locator(`[data-testid="m-knock-door"][data-state="verified"][href$="/${door.id}"]`).waitFor();
        assert((await doneDoor.innerText()).includes('已核实'), 'the visited door has no 已核实 tag');
        await ctx.shot(p, 'k08-doors-after');
      },
    },
    {
      name: '敲门行动：社区在电脑端看到走访户数加一，下钻到网格看到这次走访',
      async run() {
        assert(me && round && door && gridBefore && communityBefore, 'no visit sent (previous step failed)');
        const context = await browser!.newContext({
          baseURL: base,
          viewport: { width: 1366, height: 768 },
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        contexts.push(context);
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        page.setDefaultTimeout(15_000);
        await page.goto('/login');
        await page.getByTestId('login-username').fill(COMMUNITY);
        await page.getByTestId('login-password').fill(password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('app-layout').waitFor();

        const visited = communityBefore.visited + 1;
        // 人口与房屋 › 敲门行动.
        const nav = page.getByTestId('nav-door-knocking');
        if (!(await nav.isVisible().catch(() => false)))
          await page.locator('.ant-menu-submenu-title').filter({ hasText: '人口与房屋' }).click();
        await nav.click();
        await page.getByTestId('rounds-page').waitFor();
        const row = page.getByTestId('round-table').locator('tr.ant-table-row').filter({ hasText: ROUND_NAME });
        await row.waitFor();
        const rowText = (await row.innerText()).replace(/\s+/g, ' ');
        assert(
          rowText.includes(`${visited} / ${communityBefore.households}`),
          `the round's row reads "${rowText}", expected ${visited} / ${communityBefore.households}`,
        );
        await row.getByRole('link', { name: ROUND_NAME }).click();
        await page.getByTestId('round-page').waitFor();

        // The community's total and its table: one household more than before the phone's visit.
        const stat = (title: string) =>
          page
            .getByTestId('coverage-total')
            .locator('.ant-statistic')
            .filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) })
            .locator('.ant-statistic-content-value');
        await stat('已走访')
          .filter({ hasText: String(visited) })
          .waitFor();
        assert(
          (await stat('户数').innerText()).trim() === String(communityBefore.households),
          `户数 shows ${await stat('户数').innerText()}`,
        );
        const cell = async (r: ReturnType<Page['locator']>, n: number) =>
          (await r.locator('td').nth(n).innerText()).trim();
        const rows = page.getByTestId('coverage-row');
        await rows.first().waitFor();
        let sum = 0;
        for (let i = 0; i < (await rows.count()); i++) sum += Number(await cell(rows.nth(i), 2));
        assert(sum === visited, `the coverage table's 已走访 add up to ${sum}, expected ${visited}`);
        await ctx.shot(page, 'k09-console-round');

        // Down to my grid (社区 → 大网格 → 小网格): a row per unit, its name in the first cell.
        const rowOf = (name: string) =>
          rows.filter({ has: page.locator('td').first().getByText(name, { exact: true }) });
        for (const u of drillPath.slice(0, -1)) {
          await rowOf(u.name).click();
          await page.getByTestId('coverage-path').filter({ hasText: u.name }).waitFor();
        }
        const gridRow = rowOf(me.unitName);
        await gridRow.first().waitFor();
        assert(
          (await cell(gridRow.first(), 1)) === String(gridBefore.households) &&
            (await cell(gridRow.first(), 2)) === String(gridBefore.visited + 1),
          `${me.unitName}'s row reads ${await cell(gridRow.first(), 1)} 户 / ${await cell(gridRow.first(), 2)} 已走访, expected ${gridBefore.households} / ${gridBefore.visited + 1}`,
        );
        await ctx.shot(page, 'k10-console-grids');

        // The grid: its gaps no longer list the door; its visits show the new person.
        await gridRow.first().click();
        const drawer = page.locator('.ant-drawer-content', { has: page.getByTestId('gap-table') });
        await drawer.waitFor();
        const gaps = drawer.getByTestId('gap-table');
        await gaps.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
        assert(
          !(await gaps.locator('tr.ant-table-row').filter({ hasText: door.address }).count()),
          `${door.address} is still listed among the gaps`,
        );
        await drawer.getByRole('tab', { name: /走访记录/ }).click();
        const visitRow = drawer
          .getByTestId('visit-table')
          .locator('tr.ant-table-row')
          .filter({ hasText: door.address });
        await visitRow.waitFor();
        const vt = (await visitRow.innerText()).replace(/\s+/g, ' ');
        for (const want of ['在家已核实', `新增：${newcomer.name}`, me.displayName])
          assert(vt.includes(want), `the visit row does not show ${want}: "${vt}"`);
        await page.waitForTimeout(400);
        await ctx.shot(page, 'k11-console-grid-visits');

        // Back on the phone: a door that is not on the list is registered on my grid and visited next.
        const p = phonePage();
        await p.getByTestId('m-tab-knock').click();
        await p.getByTestId('m-knock-round').filter({ hasText: ROUND_NAME }).click();
        await p.getByTestId('m-knock-households').waitFor();
        const open = p.getByTestId('m-newdoor-open');
        await open.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await open.click();
        const address = `${door.address.replace(/\d+$/, '')}909`;
        await p.getByTestId('m-newdoor-address').fill(address);
        await ctx.shot(p, 'k12-new-door');
        await p.getByTestId('m-newdoor-save').click();
        await p.getByTestId('m-knock-visit').filter({ hasText: address }).waitFor();
        const newId = /\/m\/knock\/[^/]+\/([^/?#]+)/.exec(p.url())?.[1];
        assert(newId, `the phone did not open the new door's visit (at ${p.url()})`);
        const { items: mine } = await getJson<{ items: RoundHousehold[] }>(
          phone!.context.request,
          `/api/v1/door-knock-rounds/${round.id}/households`,
        );
        assert(
          mine.some((h) => h.id === newId && h.address === address),
          `the new door ${address} is not on my grid's list of the round`,
        );
        await ctx.shot(p, 'k13-new-door-visit');

        const errors = [...pageErrors];
        const left = [...new Set(foreign)];
        await closeAll();
        if (left.length) throw new Error(`requests left the machine: ${left.slice(0, 5).join(', ')}`);
        if (errors.length) throw new Error(`errors on the pages: ${errors.slice(0, 3).join(' | ')}`);
      },
    },
  ];
}
