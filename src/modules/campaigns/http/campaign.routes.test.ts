import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openCampaignsFixture, type CampaignsFixture } from './test-kit.js';

/* API flows of campaigns and work indicators on each database: bad input refused with the field named
   and nothing written, sums equal to a fold over the raw entries, the 工作成效 figures traceable. */

const USERS = ['admin', 'duchashi', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'wgy_dehua', 'dianxin'];

for (const tdb of testDatabases()) {
  describe(`campaigns and indicators (${tdb.name})`, () => {
    let f: CampaignsFixture;
    beforeAll(async () => {
      f = await openCampaignsFixture(tdb, USERS);
    }, 180_000);
    afterAll(async () => f?.h.close());

    const entries = async () =>
      (await f.call('chenzhou', 'GET', `/api/v1/indicator-entries?unitId=${f.units.chenzhou}`)).json().total as number;
    const enter = (who: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
      f.call(
        who,
        'POST',
        '/api/v1/indicator-entries',
        { indicatorId: f.indicators.leaflets, measureUnit: '份', ...body },
        headers,
      );

    it('refuses bad entries naming the field, and writes nothing', async () => {
      const before = await entries();
      const cases: [string, Record<string, unknown>, string][] = [
        ['dehua', { quantity: 10, measureUnit: '张' }, 'measureUnit'],
        ['dehua', { quantity: 0 }, 'quantity'],
        ['dehua', { quantity: -5 }, 'quantity'],
        ['dehua', { quantity: 5, unitId: f.units.zhuzhuang }, 'unitId'],
        ['dehua', { quantity: 5, day: '2026-12-01' }, 'day'],
        ['dehua', { quantity: 5, indicatorId: f.indicators.fixed, measureUnit: '个' }, 'indicatorId'],
      ];
      for (const [who, body, field] of cases) {
        const r = await enter(who, body);
        expect(r.statusCode, r.body).toBe(422);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.json().errors[0].field).toBe(field);
        expect(r.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await entries()).toBe(before);
    });

    it('sums by unit and month equal a fold over the entries, each counted once', async () => {
      const put = async (who: string, unitId: string, day: string, quantity: number) => {
        const r = await enter(who, { unitId, day, quantity });
        expect(r.statusCode, r.body).toBe(201);
      };
      await put('dehua', f.units.dehua, '2026-11-10', 100);
      await put('wgy_dehua', f.units.dehuaGrid, '2026-11-12', 30);
      await put('zhuzhuang', f.units.zhuzhuang, '2026-11-20', 70);
      await put('chenzhou', f.units.chenzhou, '2026-11-21', 5);
      await put('dehua', f.units.dehua, '2026-10-31', 9);
      const table = (
        await f.call(
          'chenzhou',
          'GET',
          `/api/v1/indicators/${f.indicators.leaflets}/sums?unitId=${f.units.chenzhou}&from=2026-10&to=2026-11`,
        )
      ).json();
      expect(table.months).toEqual(['2026-10', '2026-11']);
      const row = (id: string) => table.rows.find((r: { unitId: string }) => r.unitId === id);
      expect(row(f.units.dehua).values).toEqual([9, 130]);
      expect(row(f.units.zhuzhuang).values).toEqual([0, 70]);
      // The 街道's own entry counts at the 街道 only: total = its own + the sum over its children.
      const children = table.rows.reduce((a: number, r: { total: number }) => a + r.total, 0);
      expect(table.total.total).toBe(children + 5);
      const listed = (
        await f.call(
          'chenzhou',
          'GET',
          `/api/v1/indicator-entries?unitId=${f.units.chenzhou}&indicatorId=${f.indicators.leaflets}`,
        )
      ).json();
      const fold = listed.items
        .filter((e: { day: string }) => e.day >= '2026-10-01' && e.day <= '2026-11-30')
        .reduce((a: number, e: { quantity: number }) => a + e.quantity, 0);
      expect(table.total.total).toBe(fold);
    });

    it('answers a phone’s resend with the first entry (Idempotency-Key)', async () => {
      const key = { 'idempotency-key': 'phone-entry-0001' };
      const body = { quantity: 12, day: '2026-11-29', note: '入户发放' };
      const first = await enter('wgy_dehua', body, key);
      expect(first.statusCode, first.body).toBe(201);
      const before = await entries();
      const again = await enter('wgy_dehua', body, key);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().id).toBe(first.json().id);
      expect(await entries()).toBe(before);
      expect((await enter('wgy_dehua', { ...body, quantity: 13 }, key)).statusCode).toBe(422);
    });

    it('links cases from inside the campaign’s scope only, and counts its quantities once', async () => {
      const opened = await f.call('dehua', 'POST', '/api/v1/campaigns', {
        title: '德化社区空中线缆集中整治',
        kind: 'special',
        scopeUnitId: f.units.dehua,
        startDay: '2026-11-20',
        endDay: '2026-11-28',
        units: [
          { unitId: f.units.dianxin, role: 'paired' },
          { unitId: f.units.liantong, role: 'paired' },
        ],
        volunteerCount: 6,
        volunteerNames: ['王晓雨'],
        categories: ['51'],
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const id = opened.json().id as string;
      const link = (caseId: string) => f.call('dehua', 'POST', `/api/v1/campaigns/${id}/cases`, { caseId });
      const ok = await link(f.cases.dehua[0]!);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().cases.map((c: { id: string }) => c.id)).toEqual([f.cases.dehua[0]]);
      const outside = await link(f.cases.zhuzhuang[0]!);
      expect(outside.statusCode).toBe(422);
      expect(outside.json().errors[0]).toMatchObject({ field: 'caseId' });
      expect((await f.call('dehua', 'GET', `/api/v1/campaigns/${id}`)).json().caseCount).toBe(1);

      // The 包联 unit sees the campaign and enters what it did there; not outside the campaign.
      expect(
        (await f.call('dianxin', 'GET', '/api/v1/campaigns')).json().items.map((c: { id: string }) => c.id),
      ).toContain(id);
      const cable = await enter('dianxin', { unitId: f.units.dehua, day: '2026-11-22', quantity: 40, campaignId: id });
      expect(cable.statusCode, cable.body).toBe(201);
      expect(
        (await enter('dianxin', { unitId: f.units.dehua, day: '2026-11-22', quantity: 40 })).json().errors[0].field,
      ).toBe('unitId');
      expect(
        (await enter('dianxin', { unitId: f.units.dehua, day: '2026-11-29', quantity: 4, campaignId: id })).json()
          .errors[0].field,
      ).toBe('day');
      const detail = (await f.call('chenzhou', 'GET', `/api/v1/campaigns/${id}`)).json();
      expect(detail.quantities).toEqual([
        { indicatorId: f.indicators.leaflets, name: '发放宣传彩页', measureUnit: '份', total: 40, entries: 1 },
      ]);
      expect(detail.units.map((u: { role: string }) => u.role)).toEqual(['paired', 'paired']);
      // The 街道 manages its community's campaign; the grid worker on the spot reads it only.
      expect(detail.canManage).toBe(true);
      const seen = await f.call('wgy_dehua', 'GET', `/api/v1/campaigns/${id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().canManage).toBe(false);
    });

    it('builds the 工作成效 sentence from the records, each figure traceable', async () => {
      const q = `unitId=${f.units.chenzhou}&from=2026-10-01&to=2026-11-30`;
      const a = (await f.call('chenzhou', 'GET', `/api/v1/indicators/achievements?${q}`)).json();
      const fig = (id: string) => a.figures.find((x: { indicatorId: string }) => x.indicatorId === id);
      expect(fig(f.indicators.fixed).value).toBe(f.cases.closedInChenzhou.length);
      expect(fig(f.indicators.fixed).value).toBeGreaterThan(0);
      expect(a.sentence).toContain(`完成问题整改${f.cases.closedInChenzhou.length}个`);
      for (const x of a.figures) {
        const r = (await f.call('chenzhou', 'GET', `/api/v1/indicators/${x.indicatorId}/records?${q}`)).json();
        expect(r.items.reduce((s: number, i: { quantity: number }) => s + i.quantity, 0)).toBe(x.value);
      }
      const closed = (await f.call('chenzhou', 'GET', `/api/v1/indicators/${f.indicators.fixed}/records?${q}`)).json();
      expect(closed.items.map((i: { id: string }) => i.id).sort()).toEqual([...f.cases.closedInChenzhou].sort());
      // The 社区 sees only its own.
      expect((await f.call('dehua', 'GET', `/api/v1/indicators/achievements?${q}`)).statusCode).toBe(422);
    });

    it('sets targets and reads their status', async () => {
      const put = await f.call('duchashi', 'PUT', '/api/v1/indicator-targets', {
        indicatorId: f.indicators.leaflets,
        unitId: f.units.chenzhou,
        period: '2026-11',
        kind: 'at_least',
        value: 10_000,
      });
      expect(put.statusCode, put.body).toBe(200);
      // 30 November is the month's last day: nothing pro-rata left, 10 000 not reached.
      expect(put.json()).toMatchObject({ status: 'behind', expected: 10_000, elapsed: 1 });
      const rel = await f.call('duchashi', 'PUT', '/api/v1/indicator-targets', {
        indicatorId: f.indicators.leaflets,
        unitId: f.units.dehua,
        period: '2026',
        kind: 'above_references',
        references: [
          { label: '全省', value: 6.5 },
          { label: '全市', value: 6.8 },
        ],
        actual: 7.1,
      });
      expect(rel.json()).toMatchObject({ status: 'met', actual: 7.1, actualEntered: true });
      const bad = await f.call('duchashi', 'PUT', '/api/v1/indicator-targets', {
        indicatorId: f.indicators.leaflets,
        unitId: f.units.dehua,
        period: '2026',
        kind: 'at_least',
      });
      expect(bad.json().errors[0].field).toBe('value');
      const list = (await f.call('dehua', 'GET', '/api/v1/indicator-targets')).json().items;
      expect(list.map((t: { unitId: string }) => t.unitId)).toEqual([f.units.dehua]);
    });

    it('moves campaigns, entries and targets with a community to its new 街道', async () => {
      const total = async (who: string, unit: 'chenzhou' | 'chengbei') =>
        (await f.call(who, 'GET', `/api/v1/indicator-entries?unitId=${f.units[unit]}`)).json().total as number;
      const campaigns = async (who: string) =>
        (await f.call(who, 'GET', '/api/v1/campaigns')).json().items.map((c: { title: string }) => c.title);
      const dehuaEntries = (await f.call('dehua', 'GET', `/api/v1/indicator-entries?unitId=${f.units.dehua}`)).json()
        .total as number;
      expect(dehuaEntries).toBeGreaterThan(0);
      const [street, other] = [await total('chenzhou', 'chenzhou'), await total('chengbei', 'chengbei')];
      expect(await campaigns('chengbei')).not.toContain('德化社区空中线缆集中整治');

      const m = await f.call('admin', 'POST', `/api/v1/units/${f.units.dehua}/move`, { parentId: f.units.chengbei });
      expect(m.statusCode, m.body).toBe(200);
      expect(await total('chenzhou', 'chenzhou')).toBe(street - dehuaEntries);
      expect(await total('chengbei', 'chengbei')).toBe(other + dehuaEntries);
      expect(await campaigns('chengbei')).toContain('德化社区空中线缆集中整治');
      expect(await campaigns('chenzhou')).not.toContain('德化社区空中线缆集中整治');
      const targets = (await f.call('chengbei', 'GET', '/api/v1/indicator-targets')).json().items;
      expect(targets.map((t: { unitId: string }) => t.unitId)).toContain(f.units.dehua);
    });
  });
}
