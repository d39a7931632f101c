import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: insights routes`, () => {
    let f: DemoDistrict;
    const period = 'from=2026-11-01&to=2026-11-30';

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chengbei', 'dehua']);
      await f.report('wgy_dehua', f.points.dehua);
      await f.report('wgy_dehua', f.points.dehua);
      await f.report('wgy_zhuzhuang', f.points.zhuzhuang);
    });
    afterAll(() => f.h.close());

    it('gives the leader every ledger tile of the district, equal to the KPI page', async () => {
      const r = await f.call('leader', 'GET', `/api/v1/insights/dashboard?${period}`);
      expect(r.statusCode).toBe(200);
      const d = r.json();
      const fig = (code: string) => d.figures.find((x: { code: string }) => x.code === code);
      expect(fig('cases.open').numerator).toBe(3);
      const kpis = (await f.call('leader', 'GET', `/api/v1/cases/kpis?${period}`)).json();
      expect(fig('cases.reported').numerator).toBe(kpis.counts.reported);
      expect(fig('cases.closeRate').denominator).toBe(kpis.counts.dueToClose);
    });

    it('breaks a measure down by the 街道 of the district and ranks them', async () => {
      const r = await f.call('leader', 'GET', `/api/v1/insights/areas?measure=cases.open&${period}`);
      expect(r.statusCode).toBe(200);
      const areas = r.json().areas as { unit: { id: string }; numerator: number; rank: number }[];
      expect(areas).toHaveLength(7);
      // 德化 and 朱庄 both lie in 陈州: its three open cases, the most of the seven 街道 (fewer is better:
      // it ranks 7th, the six others share the 1st place).
      const chenzhou = areas.find((a) => a.unit.id === f.units.chenzhou)!;
      expect([chenzhou.numerator, chenzhou.rank]).toEqual([3, 7]);
      expect(areas.filter((a) => a.unit.id !== f.units.chenzhou).map((a) => [a.numerator, a.rank])).toEqual(
        Array(6).fill([0, 1]),
      );
    });

    it('refuses a unit outside the caller’s scope, naming unitId', async () => {
      const r = await f.call('dehua', 'GET', `/api/v1/insights/dashboard?unitId=${f.units.chenzhou}&${period}`);
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.json())).toContain('unitId');
    });

    it('refuses an unknown measure naming measure, and a period backwards naming from', async () => {
      const r = await f.call('leader', 'GET', `/api/v1/insights/areas?measure=cases.nothing&${period}`);
      expect(r.statusCode).toBe(422);
      expect(JSON.stringify(r.json())).toContain('measure');
      const b = await f.call('leader', 'GET', '/api/v1/insights/dashboard?from=2026-11-30&to=2026-11-01');
      expect(b.statusCode).toBe(400);
      expect(JSON.stringify(b.json())).toContain('from');
    });

    it('gives each account its 工作台', async () => {
      const r = await f.call('dehua', 'GET', '/api/v1/workbench');
      expect(r.statusCode).toBe(200);
      expect(r.json().headline.measures.map((m: { code: string }) => m.code)).toContain('cases.open');
    });
  });
}
