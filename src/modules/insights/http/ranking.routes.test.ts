import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

interface Row {
  unit: { id: string; name: string };
  cells: {
    numerator: number;
    denominator: number | null;
    value: number | null;
    rank: number | null;
    previous: { value: number | null; rank: number | null } | null;
    movement: { kind: string; label: string };
  }[];
}

/** The sheet's rows as text, the title, subtitle and header rows included (a merged row repeats its text). */
async function sheetRows(payload: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ''))));
  return out;
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 排名通报`, () => {
    let f: DemoDistrict;
    let communities: { id: string; name: string }[];
    const nov = 'from=2026-11-01&to=2026-11-30';
    const ranking = (who: string, q: string) => f.call(who, 'GET', `/api/v1/insights/rankings?${q}`);

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou', 'dehua']);
      // November: two cases in 德化, two in 朱庄, none in 陈州's other communities.
      for (let i = 0; i < 2; i++) {
        await f.report('wgy_dehua', f.points.dehua);
        await f.report('wgy_zhuzhuang', f.points.zhuzhuang);
      }
      const children = await f.ctx.org.children(f.h.database.db, f.units.chenzhou);
      communities = children.filter((c) => c.kind === 'community').map((c) => ({ id: c.id, name: c.name }));
    });
    afterAll(() => f.h.close());

    it('ranks 陈州’s communities by 受理数 with ties (1, 1, 3), best first', async () => {
      expect(communities.length).toBeGreaterThan(2);
      const r = await ranking('chenzhou', `measures=cases.reported&${nov}`);
      expect(r.statusCode, r.body).toBe(200);
      const rows = r.json().rows as Row[];
      // By hand: 德化 2 and 朱庄 2 share the 1st place; every other community has 0 and shares the 3rd.
      const want = new Map(communities.map((c) => [c.id, { n: 0, rank: 3 }]));
      want.set(f.units.dehua, { n: 2, rank: 1 });
      want.set(f.units.zhuzhuang, { n: 2, rank: 1 });
      expect(rows).toHaveLength(communities.length);
      expect(new Map(rows.map((x) => [x.unit.id, { n: x.cells[0]!.numerator, rank: x.cells[0]!.rank }]))).toEqual(want);
      expect(
        rows
          .slice(0, 2)
          .map((x) => x.unit.id)
          .sort(),
      ).toEqual([f.units.dehua, f.units.zhuzhuang].sort());
      // Nothing was reported in October: every community was ranked (all 0, a shared 1st) — 德化 holds its place.
      const dehua = rows.find((x) => x.unit.id === f.units.dehua)!.cells[0]!;
      expect([dehua.previous, dehua.movement.label]).toEqual([{ value: 0, rank: 1 }, '持平']);
      expect(rows.at(-1)!.cells[0]!.movement.label).toBe('↓2');
    });

    it('exports the same rows as the areas endpoint, under a title and over the definition', async () => {
      const q = `measure=cases.reported&unitId=${f.units.chenzhou}&${nov}`;
      const x = await f.h.app.inject({
        method: 'GET',
        url: `/api/v1/insights/rankings.xlsx?${q}`,
        headers: { cookie: await f.h.login('chenzhou', 'Demo12345') },
      });
      expect(x.statusCode, x.body).toBe(200);
      expect(x.headers['content-type']).toMatch(/spreadsheetml/);
      const sheet = await sheetRows(x.rawPayload);
      expect(sheet[0]![0]).toBe('陈州街道各社区受理数排名（2026-11-01 至 2026-11-30）');
      expect(sheet[2]).toEqual(['排名', '单位', '指标值（件）', '上期排名', '名次变化', '上期值']);
      const areas = (await f.call('chenzhou', 'GET', `/api/v1/insights/areas?${q}&compare=true`)).json().areas as {
        unit: { name: string };
        numerator: number;
        rank: number;
        previous: { rank: number; value: number };
      }[];
      const expected = [...areas]
        .sort((a, b) => a.rank - b.rank)
        .map((a) => [
          a.unit.name,
          String(a.numerator),
          String(a.rank),
          String(a.previous.rank),
          String(a.previous.value),
        ]);
      const body = sheet.slice(3, 3 + areas.length);
      expect(body.map((c) => [c[1], c[2], c[0], c[3], c[5]])).toEqual(expected);
      const footer = sheet.slice(3 + areas.length).map((c) => c[0]);
      expect(footer[0]).toContain('期间上报的问题数');
      expect(footer.at(-1)).toBe('统计时间：2026-11-30 10:00（数据截至该时刻）');
    });

    it('exports a rate with its two parts', async () => {
      const x = await f.h.app.inject({
        method: 'GET',
        url: `/api/v1/insights/rankings.xlsx?measure=cases.onTimeCloseRate&level=children&${nov}`,
        headers: { cookie: await f.h.login('leader', 'Demo12345') },
      });
      expect(x.statusCode, x.body).toBe(200);
      const sheet = await sheetRows(x.rawPayload);
      expect(sheet[2]).toEqual(['排名', '单位', '指标值', '分子', '分母', '上期排名', '名次变化', '上期值']);
      // Nothing was due to close: no 街道 is ranked, each shows 0 / 0 and a dash.
      expect(sheet[3]!.slice(0, 5)).toEqual(['—', expect.any(String), '', '0', '0']);
    });

    it('refuses a 社区 account the district’s ranking (403 naming unitId)', async () => {
      for (const url of [
        `/api/v1/insights/rankings?measures=cases.reported&unitId=${f.units.district}&${nov}`,
        `/api/v1/insights/rankings.xlsx?measure=cases.reported&unitId=${f.units.district}&${nov}`,
      ]) {
        const r = await f.call('dehua', 'GET', url);
        expect(r.statusCode, url).toBe(403);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(JSON.stringify(r.json())).toContain('unitId');
      }
    });

    it('refuses an unknown measure (422 naming measure) and a period backwards (400 naming from)', async () => {
      for (const url of [
        `/api/v1/insights/rankings?measures=cases.reported,cases.nothing&${nov}`,
        `/api/v1/insights/rankings.xlsx?measure=cases.nothing&${nov}`,
      ]) {
        const r = await f.call('leader', 'GET', url);
        expect(r.statusCode, url).toBe(422);
        expect(JSON.stringify(r.json())).toContain('measure');
      }
      for (const url of [
        '/api/v1/insights/rankings?measures=cases.reported&from=2026-11-30&to=2026-11-01',
        '/api/v1/insights/rankings.xlsx?measure=cases.reported&from=2026-11-30&to=2026-11-01',
      ]) {
        const r = await f.call('leader', 'GET', url);
        expect(r.statusCode, url).toBe(400);
        expect(JSON.stringify(r.json())).toContain('from');
      }
    });
    it('moves the ranks at a second instant against the month before', async () => {
      f.h.clock.set('2026-12-02T02:00:00.000Z');
      // Two days on, the sessions of the fixture have lapsed: log in again.
      const as = async (who: string) => f.h.login(who, 'Demo12345');
      const reported = await f.h.call('POST', '/api/v1/cases', {
        cookie: await as('wgy_zhuzhuang'),
        body: { categoryCode: '0101', description: '测试问题', location: f.points.zhuzhuang },
      });
      expect(reported.statusCode, reported.body).toBe(201);
      const r = await f.h.call(
        'GET',
        '/api/v1/insights/rankings?measures=cases.reported,cases.open&from=2026-12-01&to=2026-12-31',
        { cookie: await as('chenzhou') },
      );
      expect(r.statusCode, r.body).toBe(200);
      const t = r.json();
      expect(t.previousPeriod).toEqual({ from: '2026-11-01', to: '2026-11-30' });
      expect(t.measures.map((m: { code: string }) => m.code)).toEqual(['cases.reported', 'cases.open']);
      const rows = t.rows as Row[];
      const of = (id: string) => rows.find((x) => x.unit.id === id)!.cells;
      // December by hand: 朱庄 1 case (1st, as in November: 持平); 德化 none (2nd with the rest, was 1st: ↓1);
      // the others 0 → 2nd, were 3rd: ↑1.
      expect(rows[0]!.unit.id).toBe(f.units.zhuzhuang);
      expect([of(f.units.zhuzhuang)[0]!.numerator, of(f.units.zhuzhuang)[0]!.rank]).toEqual([1, 1]);
      expect(of(f.units.zhuzhuang)[0]!.movement.label).toBe('持平');
      expect([of(f.units.dehua)[0]!.rank, of(f.units.dehua)[0]!.movement.label]).toEqual([2, '↓1']);
      for (const c of communities.filter((c) => c.id !== f.units.dehua && c.id !== f.units.zhuzhuang))
        expect([of(c.id)[0]!.rank, of(c.id)[0]!.movement]).toEqual([2, { kind: 'up', by: 1, label: '↑1' }]);
      // 在办问题数 beside it: 朱庄 3 open, 德化 2, the rest 0 (fewer is better) — a snapshot, no movement.
      expect([of(f.units.zhuzhuang)[1]!.numerator, of(f.units.zhuzhuang)[1]!.rank]).toEqual([3, communities.length]);
      expect([of(f.units.dehua)[1]!.numerator, of(f.units.dehua)[1]!.rank]).toEqual([2, communities.length - 1]);
      expect(of(f.units.dehua)[1]!.movement.label).toBe('—');
    });
  });
}
