import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPopulationFixture, type PopulationFixture } from './test-kit.js';

const USERS = ['admin', 'dehua', 'zhuzhuang', 'wgy_dehua'];

// The harness's clock stands at 2026-11-30 10:00 in Asia/Shanghai (02:00Z).
for (const tdb of testDatabases()) {
  describe(`door-knocking figures pre-fill the daily forms (${tdb.name})`, () => {
    let f: PopulationFixture;
    const ids = { h1: '', h2: '', h3: '', zz: '', round: '', zzRound: '', form: '' };

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      const myGrid = (await f.call('wgy_dehua', 'GET', '/api/v1/auth/me')).json().unitId;
      const otherGrid = f.grids.dehua.find((g) => g.id !== myGrid)!.id;
      const household = async (who: string, address: string, gridId: string) => {
        const r = await f.call(who, 'POST', '/api/v1/households', { address, gridId });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      ids.h1 = await household('dehua', '德化街1号', myGrid);
      ids.h2 = await household('dehua', '德化街2号', myGrid);
      ids.h3 = await household('dehua', '德化街3号', otherGrid);
      ids.zz = await household('zhuzhuang', '朱庄路1号', f.grids.zhuzhuang[0]!.id);
      const round = async (who: string, scopeUnitId: string) => {
        const r = await f.call(who, 'POST', '/api/v1/door-knock-rounds', {
          name: '冬季走访',
          scopeUnitId,
          startsOn: '2026-11-28',
          endsOn: '2026-12-05',
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      ids.round = await round('dehua', f.units.dehua.id);
      ids.zzRound = await round('zhuzhuang', f.units.zhuzhuang.id);
      const visit = async (who: string, roundId: string, householdId: string, result: string, visitedAt: string) => {
        const r = await f.call(who, 'POST', `/api/v1/door-knock-rounds/${roundId}/visits`, {
          householdId,
          result,
          visitedAt,
        });
        expect(r.statusCode, r.body).toBe(201);
      };
      // 11-30 (Shanghai): h1 twice (one door), h3 nobody home; 11-29 23:00: h2; 朱庄 is another community.
      await visit('dehua', ids.round, ids.h1, 'verified', '2026-11-29T17:00:00Z');
      await visit('dehua', ids.round, ids.h1, 'absent', '2026-11-30T01:00:00Z');
      await visit('dehua', ids.round, ids.h3, 'absent', '2026-11-30T01:30:00Z');
      await visit('dehua', ids.round, ids.h2, 'absent', '2026-11-29T15:00:00Z');
      await visit('zhuzhuang', ids.zzRound, ids.zz, 'verified', '2026-11-30T01:00:00Z');
    }, 120_000);
    afterAll(async () => f?.h.close());

    const form = (source: string) => ({
      code: 'door_daily',
      name: '敲门行动日报',
      periodType: 'daily',
      deadline: { time: '18:00', dayOffset: 0 },
      allowZero: true,
      reporters: { kind: 'level', unitKind: 'community' },
      fields: [
        { code: 'doors', label: '敲门入户数', type: 'integer', required: true, min: 0, source },
        { code: 'verified', label: '在家核实户数', type: 'integer', min: 0, source: 'population.householdsVerified' },
        { code: 'note', label: '说明', type: 'text', maxLength: 200 },
      ],
      rules: [],
    });

    it('lists the figures and refuses a field naming one the system does not count', async () => {
      const figures = (await f.call('admin', 'GET', '/api/v1/report-figures')).json().items;
      expect(figures.map((x: { code: string }) => x.code)).toEqual(
        expect.arrayContaining(['population.doorsKnocked', 'population.householdsVerified']),
      );
      const bad = await f.call('admin', 'POST', '/api/v1/report-forms', form('population.nothing'));
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['fields[0].source']);
      const created = await f.call('admin', 'POST', '/api/v1/report-forms', form('population.doorsKnocked'));
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().fields[0].source).toBe('population.doorsKnocked');
      ids.form = created.json().id;
    });

    it('pre-fills the doors knocked in the unit’s area on the period’s Shanghai day, counting a door once', async () => {
      const prefill = (who: string, unitId: string, period: string) =>
        f.call(who, 'GET', `/api/v1/report-forms/${ids.form}/prefill?unitId=${unitId}&period=${period}`);
      const today = await prefill('dehua', f.units.dehua.id, '2026-11-30');
      expect(today.statusCode, today.body).toBe(200);
      expect(today.json().values).toEqual({ doors: 2, verified: 1 });
      expect(today.json().figures[0]).toMatchObject({ field: 'doors', source: 'population.doorsKnocked', value: 2 });
      expect(today.json().figures[0].label).toContain('敲门入户数');
      expect((await prefill('dehua', f.units.dehua.id, '2026-11-29')).json().values).toEqual({ doors: 1, verified: 0 });
      expect((await prefill('zhuzhuang', f.units.zhuzhuang.id, '2026-11-30')).json().values).toEqual({
        doors: 1,
        verified: 1,
      });
      expect((await prefill('dehua', f.units.zhuzhuang.id, '2026-11-30')).statusCode).toBe(404);
      const future = await prefill('dehua', f.units.dehua.id, '2026-12-01');
      expect(future.json().errors[0].field).toBe('period');
    });

    it('keeps the system’s figure beside the value the reporter sent, and the earlier figures in the history', async () => {
      const url = `/api/v1/report-forms/${ids.form}/submissions`;
      const sent = await f.call('dehua', 'POST', url, {
        unitId: f.units.dehua.id,
        period: '2026-11-30',
        values: { doors: 3, verified: 1, note: '一户未登记' },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({ values: { doors: 3 }, systemValues: { doors: 2, verified: 1 } });
      // Another door verified later in the day, then the report corrected.
      const v = await f.call('dehua', 'POST', `/api/v1/door-knock-rounds/${ids.round}/visits`, {
        householdId: ids.h2,
        result: 'verified',
      });
      expect(v.statusCode, v.body).toBe(201);
      const again = await f.call('dehua', 'POST', url, {
        unitId: f.units.dehua.id,
        period: '2026-11-30',
        values: { doors: 3, verified: 2 },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().systemValues).toEqual({ doors: 3, verified: 2 });
      const detail = (await f.call('dehua', 'GET', `${url}?unitId=${f.units.dehua.id}&period=2026-11-30`)).json();
      expect(detail.systemValues).toEqual({ doors: 3, verified: 2 });
      expect(detail.history).toMatchObject([
        { revision: 1, values: { doors: 3 }, systemValues: { doors: 2, verified: 1 } },
      ]);
      // A zero report keeps the figures too: the difference is what a reviewer asks about.
      const zero = await f.call('dehua', 'POST', url, { unitId: f.units.dehua.id, period: '2026-11-29', zero: true });
      expect(zero.json()).toMatchObject({ zero: true, systemValues: { doors: 1, verified: 0 } });
    });
  });
}
