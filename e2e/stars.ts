/**
 * End-to-end steps of the "五星"支部 cycle (issue 14), run by e2e/run.ts after the supervision steps:
 *
 *   groups.push(await starSteps({ page, shot, baseURL: base }));
 *
 * 1. 德化社区 (dehua, the branch's community worker) on a phone (390×844) opens 支部周报 from the tile on
 *    /m, writes this week's progress and sends it: the API holds the report (on time, or late past the
 *    due day). 陈州街道 (chenzhou, console 1366×768) opens 每周推进 from the 五星支部 menu group:
 *    德化社区党支部's cell of this week says so and opens the report's text.
 * 2. On the phone, 德化 uploads 佐证 (a photo and a line) for the star it goes for this quarter — the first
 *    star of the urban set in force it does not hold, whose indicators the panel scores all and one of
 *    which asks for evidence it lacks (宜业兴业 · 就业服务 in the default set) — and the API lists it.
 * 3. 德化 (console) self-assesses the quarter in 季度评比; the star's evidence is counted.
 * 4. 陈州街道 scores the star's indicators (nine tenths of full marks) and proposes the star with a reason.
 * 5. The district (duchashi, 督查室) confirms: 德化 holds its stars before plus this one; in 评比排名 of the
 *    district and of the 街道 (API), every branch's rank is the one computed here from the rankings read
 *    before step 3 with 德化's new stars and total (未评 → ranked), movement against last quarter kept;
 *    the page shows 德化's rank, stars and score, and its row opens the confirmed rating.
 *
 * Every step name starts with 五星 (`CIVICGRID_E2E_ONLY=五星` runs this file alone). The steps depend
 * only on the demo data: the star is picked from the set in force and the stars held, the week and the
 * quarter (the current one, as the phone's evidence is) from today. They need the branch's rating of the
 * quarter not yet proposed and the branch unranked in it (the demo leaves the current quarter open).
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { getJson, photo } from './fixtures';
import { assert, browserSession, fitsWidth, option, shanghaiDay } from './session';

export interface StarsContext {
  page: Page;
  shot(page: Page, name: string): Promise<void>;
  baseURL?: string;
  demoPassword?: string;
}

export interface StarsStep {
  name: string;
  run(): Promise<void>;
}

interface Me {
  id: string;
  unitId: string;
  unitName: string;
}
type WeekStatus = 'reported' | 'late' | 'missing' | 'pending' | 'exempt' | 'none';
interface WeekCell {
  week: string;
  status: WeekStatus;
  reportId: string | null;
}
interface WeeklyReport {
  id: string;
  week: string;
  text: string;
  fileIds: string[];
  revision: number;
  status: 'reported' | 'late';
}
interface WeeklyGrid {
  unit: { id: string; name: string };
  today: string;
  weeks: { week: string; dueDay: string | null }[];
  rows: { branchId: string; branchName: string; parentName: string; cells: WeekCell[] }[];
}
interface BranchWeekly {
  branch: { id: string; name: string };
  weeks: { week: string; dueDay: string | null; cell: WeekCell; report: WeeklyReport | null }[];
}
interface Indicator {
  key: string;
  name: string;
  kind: 'computed' | 'scored';
  maxScore: number;
  evidence: string | null;
  evidenceRequired: boolean;
}
interface StarDefinition {
  key: string;
  name: string;
  threshold: number;
  indicators: Indicator[];
}
interface StarSetList {
  quarter: string;
  urban: { id: string; stars: StarDefinition[] } | null;
}
interface Evidence {
  id: string;
  starKey: string;
  indicatorKey: string | null;
  fileId: string | null;
  note: string | null;
}
interface EvidenceList {
  branch: { id: string; name: string; kind: 'village' | 'urban' | null };
  quarter: string;
  items: Evidence[];
}

interface Decision {
  key: string;
  hold: boolean;
  reason: string | null;
}
interface StarOutcomeView {
  key: string;
  name: string;
  threshold: number;
  total: number;
  score: number | null;
  eligible: boolean;
  missingEvidence: string[];
  heldBefore: boolean;
  indicators: { key: string; kind: string; maxScore: number; score: number | null; evidenceCount: number }[];
}
interface RatingView {
  id: string | null;
  branchId: string;
  quarter: string;
  state: 'open' | 'self_assessed' | 'proposed' | 'confirmed';
  selfText: string | null;
  scores: Record<string, Record<string, number>>;
  proposedStars: Decision[];
  confirmedStars: Decision[];
  starsHeld: number | null;
  totalScore: number | null;
  outcomes: StarOutcomeView[];
  heldBefore: string[];
}
interface RatingList {
  quarter: string;
  items: { branchId: string; branchName: string; state: string }[];
}
interface RankingRow {
  branchId: string;
  branchName: string;
  rank: number | null;
  previousRank: number | null;
  movement: number | null;
  stars: number | null;
  starNames: string[];
  score: number | null;
  ratingId: string | null;
}
interface Ranking {
  quarter: string;
  previousQuarter: string;
  unitId: string;
  unitName: string;
  rated: number;
  unrated: number;
  rows: RankingRow[];
}
interface StarHistory {
  held: { key: string; name: string; since: string }[];
}

const COMMUNITY = 'dehua';
const SUBDISTRICT = 'chenzhou';
const DISTRICT = 'duchashi';
const BRANCH = '德化社区党支部';
const WEEK_LABEL: Record<WeekStatus, string> = {
  reported: '按时报送',
  late: '逾期报送',
  missing: '未报送',
  pending: '待报送',
  exempt: '无需报送',
  none: '—',
};

/** The Monday of the ISO week holding `day`. */
const mondayOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** '2026-Q4' → 2026年第四季度 (web/src/modules/stars/labels.ts `quarterLabel`). */
const quarterLabel = (q: string) => `${q.slice(0, 4)}年第${['一', '二', '三', '四'][Number(q.slice(6)) - 1]}季度`;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The ranks the server should give (issue 14 item 5): rated rows by stars held, then by score to the
 * hundredth, ties sharing a rank (1, 1, 3); unrated rows none. Written out here, apart from the server's code.
 */
function expectedRanks(rows: { branchId: string; stars: number | null; score: number | null }[]) {
  const rated = rows.filter((r) => r.stars !== null);
  const better = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.stars! > b.stars! || (a.stars === b.stars && Math.round(a.score! * 100) > Math.round(b.score! * 100));
  return new Map(rows.map((r) => [r.branchId, r.stars === null ? null : 1 + rated.filter((o) => better(o, r)).length]));
}

export async function starSteps(ctx: StarsContext): Promise<StarsStep[]> {
  const password = ctx.demoPassword ?? 'Demo12345';
  let phone: { context: BrowserContext; page: Page } | null = null;
  let branchId = '';
  let week = '';
  let weeklyText = '';
  let quarter = '';
  let star: StarDefinition | null = null;
  let heldBefore: string[] = [];
  let panel: Record<string, number> = {};
  let expectedScore = 0;
  const rankingBefore: Record<'district' | 'subdistrict', Ranking | null> = { district: null, subdistrict: null };
  let dehuaConsole: { context: BrowserContext; page: Page } | null = null;
  const session = browserSession(ctx, password);
  const { newContext, signIn } = session;

  const consoleAs = session.consoleAs;
  /** A menu entry of the 五星支部 group (its sub-menu opened first when closed). */
  const openNav = (p: Page, key: string, path: string) => session.openNav(p, '五星支部', key, path);
  const thisWeekOf = async (req: APIRequestContext) => {
    const b = await getJson<BranchWeekly>(req, `/api/v1/stars/branches/${branchId}/weekly`);
    const w = b.weeks.find((x) => x.week === week);
    assert(w, `the branch's weeks do not hold ${week}: ${b.weeks.map((x) => x.week).join(', ')}`);
    return w;
  };

  /** 季度评比 on `quarter`, its page turned to 德化社区党支部's row, the rating opened in the drawer. */
  async function openRating(p: Page, api: APIRequestContext) {
    await openNav(p, 'star-rating', '/stars/rating');
    await p.getByTestId('rating-quarter').click();
    await option(p, quarterLabel(quarter)).click();
    const list = await getJson<RatingList>(api, `/api/v1/stars/ratings?quarter=${quarter}`);
    const idx = list.items.findIndex((r) => r.branchId === branchId);
    assert(idx >= 0, `${BRANCH} is not on the rating workbench of ${quarter}`);
    if (idx >= 20) await p.locator(`.ant-pagination-item-${Math.floor(idx / 20) + 1}`).click();
    await p.getByTestId('rating-table').locator('tr.ant-table-row').filter({ hasText: BRANCH }).click();
    await p
      .locator('.ant-drawer-title')
      .getByText(`${BRANCH} · ${quarterLabel(quarter)}评比`)
      .waitFor();
    await p.getByTestId('rating-detail').waitFor();
  }

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
      name: '五星：德化社区在手机上报送本周支部周报，陈州街道的每周推进显示本周已报送',
      run: shotOnFailure('stars-weekly', async () => {
        const today = shanghaiDay();
        week = mondayOf(today);

        const context = await newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          serviceWorkers: 'block',
        });
        const p = await context.newPage();
        current = p;
        session.watch(p);
        p.setDefaultTimeout(15_000);
        phone = { context, page: p };
        const api = context.request;
        await p.goto('/m');
        await p.waitForURL(/\/login\?redirect=%2Fm/);
        await signIn(p, COMMUNITY);
        await p.waitForURL((u) => u.pathname === '/m');
        const me = await getJson<Me>(api, '/api/v1/auth/me');
        const own = await getJson<WeeklyGrid>(api, `/api/v1/stars/weekly/grid?unitId=${me.unitId}`);
        const row = own.rows.find((r) => r.branchName === BRANCH);
        assert(row, `${me.unitName} has no ${BRANCH}: ${own.rows.map((r) => r.branchName).join('、')}`);
        branchId = row.branchId;

        // This week, not reported yet (the demo reports the four weeks before it): due, pending.
        const before = await thisWeekOf(api);
        assert(
          before.cell.status === 'pending' || before.cell.status === 'missing',
          `this week (${week}) stands ${before.cell.status} before the report`,
        );
        assert(!before.report, `this week (${week}) already has a report`);
        const expected: WeekStatus = before.dueDay && today > before.dueDay ? 'late' : 'reported';

        await p.getByTestId('m-stars-tile').waitFor();
        await ctx.shot(p, 's01-phone-home');
        await p.getByTestId('m-stars-weekly').click();
        await p.waitForURL((u) => u.pathname === '/m/weekly');
        await p.getByTestId('m-star-weekly').waitFor();
        await p
          .getByTestId('m-weekly-weeks')
          .locator('.cgm-week')
          .filter({ hasText: `${week.slice(5)} 周` })
          .click();
        await p.getByText(`${week} 这一周`).waitFor();
        weeklyText = `召开支部委员会部署“五星”支部创建，组织党员志愿者入户走访 40 户（e2e ${Date.now() % 100000}）`;
        await p.getByTestId('m-weekly-text').fill(weeklyText);
        await ctx.shot(p, 's02-phone-weekly');
        await p.getByTestId('m-weekly-send').click();
        await p
          .locator('.ant-message')
          .getByText(expected === 'late' ? '已补报' : '已报送')
          .waitFor({ timeout: 20_000 });
        await p.getByTestId('m-weekly-send').filter({ hasText: '保存修改' }).waitFor();
        await ctx.shot(p, 's03-phone-weekly-sent');

        const after = await thisWeekOf(api);
        assert(
          after.cell.status === expected && after.report?.text === weeklyText && after.report.revision === 1,
          `this week after the report: ${after.cell.status}, ${JSON.stringify(after.report)}`,
        );

        // 陈州街道 sees the week marked in 每周推进 (the grid's default: the last 8 weeks up to today).
        const office = await consoleAs(SUBDISTRICT);
        current = office.page;
        const o = office.page;
        const sme = await getJson<Me>(office.context.request, '/api/v1/auth/me');
        const from = addDays(week, -7 * 7);
        const grid = await getJson<WeeklyGrid>(
          office.context.request,
          `/api/v1/stars/weekly/grid?unitId=${sme.unitId}&from=${from}&to=${today}`,
        );
        const col = grid.weeks.findIndex((w) => w.week === week);
        const srow = grid.rows.find((r) => r.branchId === branchId);
        assert(col >= 0 && srow, `${sme.unitName}'s grid has no ${BRANCH} / week ${week}`);
        assert(
          srow.cells[col]!.status === expected && srow.cells[col]!.reportId === after.report.id,
          `the 街道's grid says ${JSON.stringify(srow.cells[col])}`,
        );
        await openNav(o, 'star-weekly', '/stars/weekly');
        const table = o.getByTestId('weekly-grid');
        const trow = table.locator('tr.ant-table-row').filter({ hasText: BRANCH });
        await trow.waitFor();
        // Columns: 社区/村, 党支部, then one per week in the grid's order.
        const cell = trow.locator('td').nth(2 + col);
        await cell.getByText(WEEK_LABEL[expected]).waitFor();
        await table
          .locator('th')
          .filter({ hasText: `${week.slice(5)} 周` })
          .first()
          .waitFor();
        await o.mouse.move(0, 0);
        await o.waitForTimeout(300);
        await ctx.shot(o, 's04-subdistrict-weekly-grid');
        await fitsWidth(o, '每周推进');
        await cell.getByTestId('grid-report').click();
        const drawer = o.locator('.ant-drawer-content');
        await drawer.getByText(weeklyText).waitFor();
        await drawer.getByText(`${BRANCH} · ${week} 周`).waitFor();
        await o.waitForTimeout(300);
        await ctx.shot(o, 's05-subdistrict-weekly-report');
        await office.context.close();
      }),
    },
    {
      name: '五星：德化社区在手机上为争创的星上传佐证（照片和说明），服务器上有这份佐证',
      run: shotOnFailure('stars-evidence', async () => {
        assert(phone && branchId, 'no phone signed in (previous step failed)');
        const p = phone.page;
        current = p;
        const api = phone.context.request;
        const before = await getJson<EvidenceList>(api, `/api/v1/stars/evidence?branchId=${branchId}`);
        assert(before.branch.kind === 'urban', `${BRANCH} is rated on the ${before.branch.kind} set`);
        const sets = await getJson<StarSetList>(api, `/api/v1/stars/sets?quarter=${before.quarter}`);
        assert(sets.urban, `no urban star set in force in ${before.quarter}`);
        // The rating of the quarter has not gone past the branch yet (the demo leaves the current one open).
        quarter = before.quarter;
        const rating = await getJson<RatingView>(
          api,
          `/api/v1/stars/ratings/branch?branchId=${branchId}&quarter=${quarter}`,
        );
        assert(
          rating.state === 'open' || rating.state === 'self_assessed',
          `${BRANCH}'s rating of ${quarter} is ${rating.state} already`,
        );
        const history = await getJson<StarHistory>(api, `/api/v1/stars/branches/${branchId}/stars`);
        heldBefore = history.held.map((h) => h.key).sort();
        assert(
          heldBefore.join() === [...rating.heldBefore].sort().join(),
          `the stars held (${heldBefore.join()}) and the rating's held before (${rating.heldBefore.join()}) differ`,
        );
        // The star it goes for: not held, every indicator scored by the panel, one asking for evidence it lacks.
        const found = sets.urban.stars.find(
          (s) =>
            !heldBefore.includes(s.key) &&
            s.indicators.every((i) => i.kind === 'scored') &&
            s.indicators.some(
              (i) => i.evidenceRequired && !before.items.some((e) => e.starKey === s.key && e.indicatorKey === i.key),
            ) &&
            !before.items.some((e) => e.starKey === s.key && e.indicatorKey === null),
        );
        assert(found, `no star of the urban set is not held, scored by the panel alone and lacks evidence`);
        const ind = found.indicators.find((i) => i.evidenceRequired)!;
        star = found;
        const note = `${ind.evidence ?? ind.name}：本季度台账 ${Date.now() % 100000}`;
        const countBefore = before.items.filter((e) => e.starKey === found.key).length;

        await p.goto('/m');
        await p.getByTestId('m-stars-evidence').click();
        await p.waitForURL((u) => u.pathname === '/m/evidence');
        await p.getByTestId('m-star-evidence').waitFor();
        const pick = p.getByTestId('m-evidence-stars').locator('.cgm-week').filter({ hasText: found.name });
        await pick.getByText(`${countBefore} 份`).waitFor();
        await pick.click();
        await p.getByTestId('m-evidence-indicator').click();
        await option(p, ind.name).click();
        await p
          .getByTestId('m-evidence-photo-input')
          .setInputFiles({ name: 'taizhang.jpg', mimeType: 'image/jpeg', buffer: await photo(ind.evidence ?? '佐证') });
        await p.getByTestId('m-photo-thumb').waitFor();
        await p.getByTestId('m-evidence-note').fill(note);
        await ctx.shot(p, 's06-phone-evidence');
        await p.getByTestId('m-evidence-send').click();
        await p.locator('.ant-message').getByText(`已上传：${found.name} · ${ind.name}`).waitFor({ timeout: 20_000 });
        await pick.getByText(`${countBefore + 1} 份`).waitFor();
        await ctx.shot(p, 's07-phone-evidence-sent');

        const after = await getJson<EvidenceList>(api, `/api/v1/stars/evidence?branchId=${branchId}`);
        const added = after.items.filter((e) => !before.items.some((b) => b.id === e.id));
        assert(after.quarter === before.quarter, `the quarter moved from ${before.quarter} to ${after.quarter}`);
        assert(
          added.length === 1 &&
            added[0]!.starKey === found.key &&
            added[0]!.indicatorKey === ind.key &&
            added[0]!.note === note &&
            !!added[0]!.fileId,
          `the evidence added: ${JSON.stringify(added)}`,
        );

        await phone.context.close();
        phone = null;
      }),
    },
    {
      name: '五星：德化社区在季度评比中提交本季度自评，佐证计入该星',
      run: shotOnFailure('stars-self-assess', async () => {
        assert(branchId && quarter && star, 'no evidence uploaded (previous step failed)');
        const target = star;
        // What the ranking stands at before the rating, through the district's and the 街道's eyes.
        const district = await consoleAs(DISTRICT);
        rankingBefore.district = await getJson<Ranking>(
          district.context.request,
          `/api/v1/stars/rankings?quarter=${quarter}`,
        );
        await district.context.close();
        const sub = await consoleAs(SUBDISTRICT);
        rankingBefore.subdistrict = await getJson<Ranking>(
          sub.context.request,
          `/api/v1/stars/rankings?quarter=${quarter}`,
        );
        await sub.context.close();
        for (const r of [rankingBefore.district, rankingBefore.subdistrict]) {
          const own = r.rows.find((x) => x.branchId === branchId);
          assert(own, `${BRANCH} is not in ${r.unitName}'s ranking`);
          assert(own.rank === null && own.ratingId === null, `${BRANCH} is ranked ${own.rank} in ${quarter} already`);
        }

        dehuaConsole = await consoleAs(COMMUNITY);
        const p = dehuaConsole.page;
        current = p;
        const api = dehuaConsole.context.request;
        await openRating(p, api);
        const card = p.getByTestId(`rating-star-${target.key}`);
        await card.waitFor();
        // The evidence the phone uploaded counts for its indicator.
        const ind = target.indicators.find((i) => i.evidenceRequired)!;
        await card
          .locator('tr.ant-table-row')
          .filter({ hasText: ind.name })
          .locator('.ant-tag')
          .filter({ hasText: '份' })
          .waitFor();
        const text = `本季度对照“五星”支部创建标准逐项落实，${target.name}：已建立服务台账（e2e ${Date.now() % 100000}）`;
        await p.getByTestId('rating-self-text').fill(text);
        await ctx.shot(p, 's08-branch-self-assess');
        await p.getByRole('button', { name: '提交自评' }).click();
        await p.locator('.ant-message').getByText('自评已提交').waitFor({ timeout: 20_000 });
        await p.getByTestId('rating-detail').getByText('待街道提名').first().waitFor();
        await p.waitForTimeout(300);
        await ctx.shot(p, 's09-branch-self-assessed');
        await fitsWidth(p, '季度评比');

        const v = await getJson<RatingView>(
          api,
          `/api/v1/stars/ratings/branch?branchId=${branchId}&quarter=${quarter}`,
        );
        assert(
          v.state === 'self_assessed' && v.selfText === text,
          `after the self-assessment: ${v.state}, ${v.selfText}`,
        );
        const o = v.outcomes.find((x) => x.key === target.key)!;
        assert(
          o.missingEvidence.length === 0 && o.indicators.find((i) => i.key === ind.key)!.evidenceCount >= 1,
          `${target.name} still misses evidence: ${o.missingEvidence.join()}`,
        );
        await dehuaConsole.context.close();
        dehuaConsole = null;
      }),
    },
    {
      name: '五星：陈州街道在季度评比中为德化社区党支部打分，提名授予该星，报区级确认',
      run: shotOnFailure('stars-propose', async () => {
        assert(branchId && quarter && star, 'no self-assessment (previous step failed)');
        const target = star;
        const office = await consoleAs(SUBDISTRICT);
        const p = office.page;
        current = p;
        const api = office.context.request;
        await openRating(p, api);
        const card = p.getByTestId(`rating-star-${target.key}`);
        await card.waitFor();
        // The panel's scores: nine tenths of each indicator's full marks, rounded up (over the threshold).
        panel = Object.fromEntries(target.indicators.map((i) => [i.key, Math.ceil(i.maxScore * 0.9)]));
        // Every indicator of the star is scored, so its score is their sum (nothing to rescale).
        const starScore = Object.values(panel).reduce((a, b) => a + b, 0);
        assert(
          starScore >= target.threshold,
          `${starScore} stays under ${target.name}'s threshold ${target.threshold}`,
        );
        for (const [key, value] of Object.entries(panel)) {
          const l = p.getByTestId(`rating-score-${target.key}-${key}`);
          const input = (await l.evaluate((e) => e.tagName)) === 'INPUT' ? l : l.locator('input').first();
          await input.fill(String(value));
        }
        await p.getByTestId(`rating-hold-${target.key}`).click();
        await p.getByTestId(`rating-reason-${target.key}`).fill(`${target.name}各项指标达标，佐证齐全，提名授星`);
        await card.scrollIntoViewIfNeeded();
        await ctx.shot(p, 's10-subdistrict-propose');
        await p.getByTestId('rating-propose').click();
        await p.locator('.ant-message').getByText('已提交区级确认').waitFor({ timeout: 20_000 });
        await p.getByTestId('rating-detail').getByText('待区级确认').first().waitFor();
        await p.waitForTimeout(300);
        await ctx.shot(p, 's11-subdistrict-proposed');

        const v = await getJson<RatingView>(
          api,
          `/api/v1/stars/ratings/branch?branchId=${branchId}&quarter=${quarter}`,
        );
        assert(v.state === 'proposed', `after the proposal the rating is ${v.state}`);
        assert(
          JSON.stringify(v.scores[target.key]) === JSON.stringify(panel),
          `the panel's scores kept: ${JSON.stringify(v.scores)}`,
        );
        const d = v.proposedStars.find((x) => x.key === target.key);
        assert(d?.hold === true && !!d.reason, `the proposal on ${target.name}: ${JSON.stringify(d)}`);
        const changed = v.proposedStars.filter((x) => x.key !== target.key && x.hold !== heldBefore.includes(x.key));
        assert(changed.length === 0, `the proposal changes other stars: ${JSON.stringify(changed)}`);
        const o = v.outcomes.find((x) => x.key === target.key)!;
        assert(
          o.score === starScore && o.eligible,
          `${target.name} stands ${o.score} (eligible ${o.eligible}), expected ${starScore}`,
        );
        // The total the ranking will read: every star's score as the rating stands (a star unmeasured counts 0).
        expectedScore = round2(v.outcomes.reduce((a, x) => a + (x.score ?? 0), 0));
        await office.context.close();
      }),
    },
    {
      name: '五星：区督查室确认评比结果，德化社区党支部获该星，评比排名中星数和名次按预期变化',
      run: shotOnFailure('stars-confirm', async () => {
        assert(
          branchId && quarter && star && rankingBefore.district && rankingBefore.subdistrict,
          'no proposal (previous step failed)',
        );
        const target = star;
        const office = await consoleAs(DISTRICT);
        const p = office.page;
        current = p;
        const api = office.context.request;
        await openRating(p, api);
        await p.getByTestId(`rating-star-${target.key}`).waitFor();
        await ctx.shot(p, 's12-district-confirm');
        await p.getByTestId('rating-confirm').click();
        await p.locator('.ant-message').getByText('评比结果已确认').waitFor({ timeout: 20_000 });
        const starsAfter = heldBefore.length + 1;
        await p.getByTestId('rating-detail').getByText(`现有 ${starsAfter} 星，总分 ${expectedScore}`).waitFor();
        await p.waitForTimeout(300);
        await ctx.shot(p, 's13-district-confirmed');

        const v = await getJson<RatingView>(
          api,
          `/api/v1/stars/ratings/branch?branchId=${branchId}&quarter=${quarter}`,
        );
        assert(
          v.state === 'confirmed' && v.starsHeld === starsAfter && v.totalScore === expectedScore,
          `confirmed: ${v.state}, ${v.starsHeld} stars, ${v.totalScore} (expected ${starsAfter}, ${expectedScore})`,
        );
        const history = await getJson<StarHistory>(api, `/api/v1/stars/branches/${branchId}/stars`);
        const held = history.held.map((h) => h.key).sort();
        assert(
          held.join() === [...heldBefore, target.key].sort().join(),
          `held after: ${held.join()}, expected ${[...heldBefore, target.key].sort().join()}`,
        );

        // The rankings: 德化 moves from 未评 to the rank its stars and score earn among the others, who keep theirs.
        const sub = await consoleAs(SUBDISTRICT);
        const nowBy = {
          district: await getJson<Ranking>(api, `/api/v1/stars/rankings?quarter=${quarter}`),
          subdistrict: await getJson<Ranking>(sub.context.request, `/api/v1/stars/rankings?quarter=${quarter}`),
        };
        await sub.context.close();
        let expectedRank = 0;
        for (const scope of ['district', 'subdistrict'] as const) {
          const before = rankingBefore[scope]!;
          const after = nowBy[scope];
          const rows = before.rows.map((r) =>
            r.branchId === branchId ? { ...r, stars: starsAfter, score: expectedScore } : r,
          );
          const expected = expectedRanks(rows);
          for (const r of after.rows)
            assert(
              r.rank === expected.get(r.branchId),
              `${after.unitName}: ${r.branchName} ranks ${r.rank}, expected ${expected.get(r.branchId)}`,
            );
          assert(after.rated === before.rated + 1, `${after.unitName} rates ${after.rated}, before ${before.rated}`);
          const own = after.rows.find((r) => r.branchId === branchId)!;
          const prev = before.rows.find((r) => r.branchId === branchId)!.previousRank;
          assert(
            own.stars === starsAfter &&
              own.score === expectedScore &&
              own.ratingId === v.id &&
              own.starNames.includes(target.name) &&
              own.previousRank === prev &&
              own.movement === (prev === null ? null : prev - own.rank!),
            `${after.unitName}'s row of ${BRANCH}: ${JSON.stringify(own)}`,
          );
          if (scope === 'district') expectedRank = expected.get(branchId)!;
        }

        // 评比排名 (the district's, this quarter): the row shows the rank, the stars and the score.
        await p.locator('.ant-drawer-close').click();
        await p.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
        await openNav(p, 'star-ranking', '/stars/ranking');
        await p.getByTestId('ranking-quarter').click();
        await option(p, quarterLabel(quarter)).click();
        // The table keeps the quarter shown before while the chosen one loads: wait for the chosen one's line.
        await p.getByText(`${quarterLabel(quarter)}：已评`).waitFor();
        const idx = nowBy.district.rows.findIndex((r) => r.branchId === branchId);
        if (idx >= 50) await p.locator(`.ant-pagination-item-${Math.floor(idx / 50) + 1}`).click();
        const row = p.getByTestId('ranking-table').locator('tr.ant-table-row').filter({ hasText: BRANCH });
        await row.waitFor();
        const cells = row.locator('td');
        for (const [i, want] of [
          [0, String(expectedRank)],
          [5, `${'★'.repeat(starsAfter)}${starsAfter === 0 ? '0' : ''}`],
          [7, String(expectedScore)],
        ] as const) {
          const got = (await cells.nth(i).innerText()).trim();
          assert(got === want, `the ranking's cell ${i} of ${BRANCH} shows "${got}", expected "${want}"`);
        }
        await cells.nth(6).getByText(target.name, { exact: true }).waitFor();
        await p.mouse.move(0, 0);
        await p.waitForTimeout(300);
        await ctx.shot(p, 's14-district-ranking');
        await fitsWidth(p, '评比排名');
        // The row opens the confirmed rating its numbers come from.
        await row.click();
        await p.locator('.ant-drawer-content').getByText(`现有 ${starsAfter} 星，总分 ${expectedScore}`).waitFor();
        await p.waitForTimeout(300);
        await ctx.shot(p, 's15-district-ranking-rating');

        await session.finish();
      }),
    },
  ];
}
