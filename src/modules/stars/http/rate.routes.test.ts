import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { moduleContext } from '../../../test-support/rate-kit.js';
import { starsModule } from '../index.js';
import { rateValueStore } from '../store/rate-value.store.js';

const SOURCES = [
  'cases.closureRate',
  'cases.onTimeRate',
  'reporting.completeness',
  'supervision.taskOnTime',
  'patrols.coverage',
];

/*
 * 陈州街道: 德化社区 (a small grid, 德化党支部), 孙庄行政村 (孙庄党支部, no grid); 城北街道: 北关社区 (北关党支部).
 * Everything opens on Monday 2026-11-30 10:00 (the harness's clock); a daily form of the communities
 * and villages is due at 16:00. 德化 reports 11-30 early. So for 2026-Q4 (measured 10-01 … 11-30):
 *   德化: 上报率 1 / 1; 巡查覆盖率 0 / (1 grid × 61 days); no case, no milestone: 0 / 0
 *   孙庄: 上报率 0 / 0 (not yet due, not in); no grid: 巡查覆盖率 0 / 0
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the kept rates of the branches`, () => {
    let h: Harness;
    let formId = '';
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const call = (who: string, method: string, url: string, body?: unknown) =>
      h.call(method, url, { cookie: cookies[who], body });
    const kept = async () =>
      Number(
        (
          await h.database.db
            .selectFrom('star_rate_values')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const submit = async (unit: string, period: string) => {
      const r = await call('admin', 'POST', `/api/v1/report-forms/${formId}/submissions`, {
        unitId: ids[unit],
        period,
        values: { visits: 2 },
      });
      expect(r.statusCode, r.body).toBe(201);
    };

    beforeAll(async () => {
      h = await openHarness(tdb);
      cookies.admin = await h.login('admin');
      const mk = async (key: string, parent: string, kind: string, name: string) => {
        const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent] ?? parent, kind, name });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      ids.district = h.districtId;
      await mk('chenzhou', 'district', 'subdistrict', '陈州街道办事处');
      await mk('chengbei', 'district', 'subdistrict', '城北街道办事处');
      await mk('dehua', 'chenzhou', 'community', '德化社区');
      await mk('dehuaBranch', 'dehua', 'party_branch', '德化社区党支部');
      await mk('dehuaL', 'dehua', 'grid_large', '德化社区第1网格');
      await mk('dehua1', 'dehuaL', 'grid_small', '德化社区第1网格-1');
      await mk('sunzhuang', 'chenzhou', 'village', '孙庄行政村');
      await mk('sunzhuangBranch', 'sunzhuang', 'party_branch', '孙庄村党支部');
      await mk('beiguan', 'chengbei', 'community', '北关社区');
      await mk('beiguanBranch', 'beiguan', 'party_branch', '北关社区党支部');
      for (const [username, role, unit] of [
        ['duchashi', 'supervision_office', 'district'],
        ['leader', 'district_leader', 'district'],
        ['chenzhou', 'subdistrict_staff', 'chenzhou'],
        ['dehua', 'community_worker', 'dehua'],
        ['wgy', 'grid_worker', 'dehua1'],
        // A branch secretary: the branch's own unit is the scope.
        ['sec', 'community_worker', 'dehuaBranch'],
      ] as const) {
        const r = await call('admin', 'POST', '/api/v1/accounts', {
          username,
          displayName: username,
          unitId: ids[unit],
          roles: [role],
        });
        expect(r.statusCode, r.body).toBe(201);
        const temp = r.json().temporaryPassword;
        const c = await h.login(username, temp);
        await h.call('POST', '/api/v1/auth/change-password', {
          cookie: c,
          body: { currentPassword: temp, newPassword: 'Passw0rd2026' },
        });
        cookies[username] = await h.login(username, 'Passw0rd2026');
      }
      const f = await call('admin', 'POST', '/api/v1/report-forms', {
        code: 'branch_daily',
        name: '村（社区）日报',
        periodType: 'daily',
        allowZero: true,
        deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
        reporters: { kind: 'level', unitKind: 'community' },
        fields: [{ code: 'visits', label: '走访户数', type: 'integer', required: true, min: 0, aggregation: 'sum' }],
        rules: [],
      });
      expect(f.statusCode, f.body).toBe(201);
      formId = f.json().id;
      await submit('dehua', '2026-11-30');
    }, 120_000);
    afterAll(async () => h?.close());

    it('lists the rate sources the modules offer, to whoever reads stars', async () => {
      const r = await call('chenzhou', 'GET', '/api/v1/stars/rate-sources');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().items.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(SOURCES));
      expect(r.json().items.every((s: { label: string }) => /[\u4e00-\u9fff]/.test(s.label))).toBe(true);
      expect((await call('wgy', 'GET', '/api/v1/stars/rate-sources')).statusCode).toBe(403);
      expect((await h.call('GET', '/api/v1/stars/rate-sources')).statusCode).toBe(401);
    });

    it('refuses a refresh without star.configure or star.rate, and a quarter not begun, writing nothing', async () => {
      expect((await call('chenzhou', 'POST', '/api/v1/stars/rates/refresh', { quarter: '2026-Q4' })).statusCode).toBe(
        403,
      );
      const future = await call('leader', 'POST', '/api/v1/stars/rates/refresh', { quarter: '2027-Q1' });
      expect(future.statusCode).toBe(422);
      expect(future.headers['content-type']).toMatch(/problem\+json/);
      expect(future.json()).toMatchObject({ code: 'star.quarter_not_begun', errors: [{ field: 'quarter' }] });
      const bad = await call('leader', 'POST', '/api/v1/stars/rates/refresh', { quarter: '2026-Q5' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('quarter');
      expect(await kept()).toBe(0);
    });

    it('measures every source over each branch’s community or village and keeps the values', async () => {
      const r = await call('duchashi', 'POST', '/api/v1/stars/rates/refresh', { quarter: '2026-Q4' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ quarter: '2026-Q4', through: '2026-11-30', branches: 3, values: 15, skipped: 0 });
      expect(await kept()).toBe(15);

      const dehua = await call('dehua', 'GET', `/api/v1/stars/branches/${ids.dehuaBranch}/rates?quarter=2026-Q4`);
      expect(dehua.statusCode, dehua.body).toBe(200);
      const body = dehua.json();
      expect(body).toMatchObject({
        branchId: ids.dehuaBranch,
        branchName: '德化社区党支部',
        quarter: '2026-Q4',
        measuredOver: { unitId: ids.dehua, unitName: '德化社区' },
      });
      const by = Object.fromEntries(
        body.rates.map((x: { source: string; numerator: number; denominator: number; rate: number | null }) => [
          x.source,
          [x.numerator, x.denominator, x.rate],
        ]),
      );
      expect(by).toEqual({
        'cases.closureRate': [0, 0, null],
        'cases.onTimeRate': [0, 0, null],
        'reporting.completeness': [1, 1, 1],
        'supervision.taskOnTime': [0, 0, null],
        'patrols.coverage': [0, 61, 0],
      });
      // The default quarter is the current one.
      const current = await call('dehua', 'GET', `/api/v1/stars/branches/${ids.dehuaBranch}/rates`);
      expect(current.json().quarter).toBe('2026-Q4');

      const map = await rateValueStore.ratesOf(h.database.db, '411602', '2026-Q4');
      expect([...map.keys()].sort()).toEqual([ids.dehuaBranch, ids.sunzhuangBranch, ids.beiguanBranch].sort());
      expect(map.get(ids.sunzhuangBranch)!.get('patrols.coverage')).toEqual({ numerator: 0, denominator: 0 });
      expect(map.get(ids.sunzhuangBranch)!.get('reporting.completeness')).toEqual({ numerator: 0, denominator: 0 });
      const some = await rateValueStore.ratesOf(h.database.db, '411602', '2026-Q4', [ids.beiguanBranch]);
      expect([...some.keys()]).toEqual([ids.beiguanBranch]);
      expect(some.get(ids.beiguanBranch)!.size).toBe(5);
    });

    it('replaces the kept values on the next refresh, for the branches in scope', async () => {
      await submit('beiguan', '2026-11-30');
      // The district refreshes: 北关's 上报率 is now 1 / 1, rows replaced, not added.
      const r = await call('leader', 'POST', '/api/v1/stars/rates/refresh', { quarter: '2026-Q4' });
      expect(r.json()).toMatchObject({ branches: 3, values: 15 });
      expect(await kept()).toBe(15);
      const map = await rateValueStore.ratesOf(h.database.db, '411602', '2026-Q4', [ids.beiguanBranch]);
      expect(map.get(ids.beiguanBranch)!.get('reporting.completeness')).toEqual({ numerator: 1, denominator: 1 });
    });

    it('shows a branch only in scope, and only a branch', async () => {
      expect((await call('chenzhou', 'GET', `/api/v1/stars/branches/${ids.dehuaBranch}/rates`)).statusCode).toBe(200);
      expect((await call('chenzhou', 'GET', `/api/v1/stars/branches/${ids.beiguanBranch}/rates`)).statusCode).toBe(404);
      expect((await call('dehua', 'GET', `/api/v1/stars/branches/${ids.sunzhuangBranch}/rates`)).statusCode).toBe(404);
      expect((await call('leader', 'GET', `/api/v1/stars/branches/${ids.dehua}/rates`)).statusCode).toBe(404);
      expect((await call('wgy', 'GET', `/api/v1/stars/branches/${ids.dehuaBranch}/rates`)).statusCode).toBe(403);
      const bad = await call('leader', 'GET', `/api/v1/stars/branches/${ids.dehuaBranch}/rates?quarter=2026-4`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('quarter');
    });

    it('drills a rate down to its records, for a caller whose scope holds the community', async () => {
      const url = (branch: string, source: string, q = 'quarter=2026-Q4') =>
        `/api/v1/stars/branches/${ids[branch]}/rates/${source}/records?${q}`;
      const grids = await call('dehua', 'GET', url('dehuaBranch', 'patrols.coverage'));
      expect(grids.statusCode, grids.body).toBe(200);
      expect(grids.json()).toMatchObject({
        branchId: ids.dehuaBranch,
        quarter: '2026-Q4',
        source: 'patrols.coverage',
        measuredOver: { unitId: ids.dehua, unitName: '德化社区' },
        offered: true,
        items: [{ kind: 'grid', id: ids.dehua1, label: '德化社区第1网格-1', day: null, numerator: 0, denominator: 61 }],
      });
      // A source without a drill-down says so.
      const reports = (await call('dehua', 'GET', url('dehuaBranch', 'reporting.completeness'))).json();
      expect(reports).toMatchObject({ offered: false, items: [] });
      // The branch secretary sees the branch's figures, not the community's records.
      expect((await call('sec', 'GET', `/api/v1/stars/branches/${ids.dehuaBranch}/rates`)).statusCode).toBe(200);
      expect((await call('sec', 'GET', url('dehuaBranch', 'patrols.coverage'))).statusCode).toBe(404);
      expect((await call('chenzhou', 'GET', url('beiguanBranch', 'patrols.coverage'))).statusCode).toBe(404);
      expect((await call('dehua', 'GET', url('dehuaBranch', 'cases.nothing'))).statusCode).toBe(404);
      const bad = await call('dehua', 'GET', url('dehuaBranch', 'nothing'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('source');
      const limit = await call('dehua', 'GET', url('dehuaBranch', 'patrols.coverage', 'limit=0'));
      expect(limit.json().errors[0].field).toBe('limit');
      // A quarter not begun has no records yet.
      expect(
        (await call('dehua', 'GET', url('dehuaBranch', 'cases.closureRate', 'quarter=2027-Q2'))).json(),
      ).toMatchObject({ offered: true, items: [] });
    });

    it('runs nightly for the current quarter, and in a quarter’s first 15 days the previous one too', async () => {
      const job = starsModule.jobs!(moduleContext(h))[0]!;
      expect(job.name).toBe('stars.rates');
      const run = (iso: string) => {
        h.clock.set(iso);
        return job.run(h.clock.now());
      };
      // 2026-12-01 10:00 in Shanghai, Q4's values kept: not the night's hour, nothing done.
      const computed = async () =>
        (await rateValueStore.rowsOf(h.database.db, ids.dehuaBranch, '2026-Q4'))[0]!.computed_at;
      const before = await computed();
      expect(await run('2026-12-01T02:00:00.000Z')).toEqual({ skipped: 'runs at 2:00' });
      expect(await computed()).toBe(before);
      // 2027-01-06 02:00 in Shanghai: Q1 and, within its first 15 days, Q4 in whole.
      const r = await run('2027-01-05T18:00:00.000Z');
      expect(Object.keys(r).sort()).toEqual(['2026-Q4', '2027-Q1']);
      expect(r['2026-Q4']).toMatchObject({ through: '2026-12-31', branches: 3 });
      expect(r['2027-Q1']).toMatchObject({ through: '2027-01-06', branches: 3 });
      const q4 = await rateValueStore.ratesOf(h.database.db, '411602', '2026-Q4', [ids.dehuaBranch]);
      // The whole of Q4 now: 92 grid-days for 德化's one grid; 上报率 over every due day of its daily form.
      expect(q4.get(ids.dehuaBranch)!.get('patrols.coverage')).toEqual({ numerator: 0, denominator: 92 });
      expect(q4.get(ids.dehuaBranch)!.get('reporting.completeness')).toEqual({ numerator: 1, denominator: 32 });
      expect(Object.keys(await run('2027-01-19T18:00:00.000Z'))).toEqual(['2027-Q1']);
      // A new quarter with nothing kept yet is measured at once, whatever the hour.
      expect(Object.keys(await run('2027-04-01T04:00:00.000Z'))).toEqual(['2027-Q2', '2027-Q1']);
      expect(await run('2027-04-01T05:00:00.000Z')).toEqual({ skipped: 'runs at 2:00' });
    });
  });
}
