import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openBoardKit, POINTS, type BoardKit, type User } from '../test-kit.js';

/**
 * 宣传阵地完好率 and 更换宣传牌数 on the dashboard, counted by hand. On Monday 11-30, in 德化 (陈州):
 * A 完好; B 破损; C 破损 → 待更换 → 完好 with a new photo (a replacement); D 已拆除; in 北关 (城北): E 完好.
 * → 完好率 德化 2/3 (D no longer counts), 陈州 2/3, 城北 1/1; 更换 on 11-30: 德化 1, 城北 0; on 12-01: none.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: board measures`, () => {
    let k: BoardKit;
    const areas = async (who: User, measure: string, unitId: string, day: string) => {
      const r = await k.call(
        who,
        'GET',
        `/api/v1/insights/areas?measure=${measure}&unitId=${unitId}&level=children&from=${day}&to=${day}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return Object.fromEntries(
        (r.json().areas as { unit: { id: string }; numerator: number; denominator: number | null }[]).map((a) => [
          a.unit.id,
          a.denominator === null ? a.numerator : `${a.numerator}/${a.denominator}`,
        ]),
      );
    };
    const step = async (id: string, body: Record<string, unknown>) => {
      const r = await k.call('dehua', 'POST', `/api/v1/boards/${id}/state`, body);
      expect(r.statusCode, r.body).toBe(200);
    };

    beforeAll(async () => {
      k = await openBoardKit(tdb);
      await k.board('dehua');
      const b = await k.board('dehua');
      const c = await k.board('dehua');
      const d = await k.board('dehua');
      await k.board('chengbei', { location: POINTS.beiguan, name: '北关街宣传栏' });
      await step(b, { state: 'damaged' });
      await step(c, { state: 'damaged' });
      await step(c, { state: 'to_replace' });
      await step(c, { state: 'good', photoId: await k.photo('dehua') });
      await step(d, { state: 'removed' });
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('counts boards in good state of those standing now, by the board’s unit', async () => {
      const { ids } = k;
      expect(await areas('leader', 'boards.goodRate', ids.district!, '2026-11-30')).toEqual({
        [ids.chenzhou!]: '2/3',
        [ids.chengbei!]: '1/1',
      });
      expect(await areas('chenzhou', 'boards.goodRate', ids.chenzhou!, '2026-11-30')).toEqual({ [ids.dehua!]: '2/3' });
      // 城北's cadre may not look into 陈州.
      const other = await k.call(
        'chengbei',
        'GET',
        `/api/v1/insights/areas?measure=boards.goodRate&unitId=${ids.chenzhou}&from=2026-11-30&to=2026-11-30`,
      );
      expect(other.statusCode).toBe(403);
    });

    it('counts replacements in the period, as the report figure does', async () => {
      const { ids } = k;
      expect(await areas('leader', 'boards.replaced', ids.district!, '2026-11-30')).toEqual({
        [ids.chenzhou!]: 1,
        [ids.chengbei!]: 0,
      });
      expect(await areas('leader', 'boards.replaced', ids.district!, '2026-12-01')).toEqual({
        [ids.chenzhou!]: 0,
        [ids.chengbei!]: 0,
      });
    });

    it('links each area’s 完好率 to its list, whose states make the two counts; a unit outside the scope is 403', async () => {
      const { ids } = k;
      for (const [who, unitId] of [
        ['leader', ids.district!],
        ['chenzhou', ids.chenzhou!],
      ] as const) {
        const r = await k.call(
          who,
          'GET',
          `/api/v1/insights/areas?measure=boards.goodRate&unitId=${unitId}&level=children&from=2026-11-30&to=2026-11-30`,
        );
        for (const a of r.json().areas as {
          unit: { id: string };
          numerator: number;
          denominator: number;
          link: string;
        }[]) {
          expect(a.link).toBe(`/boards?unitId=${a.unit.id}`);
          const list = await k.call(who, 'GET', `/api/v1${a.link}`);
          expect(list.statusCode, list.body).toBe(200);
          const items = list.json().items as { state: string }[];
          expect(items.filter((b) => b.state === 'good')).toHaveLength(a.numerator);
          expect(items.filter((b) => b.state !== 'removed')).toHaveLength(a.denominator);
        }
      }
      const out = await k.call('chengbei', 'GET', `/api/v1/boards?unitId=${ids.dehua}`);
      expect(out.statusCode).toBe(403);
      expect(out.json()).toMatchObject({ code: 'board.unit_out_of_scope' });
      expect(out.json().errors[0].field).toBe('unitId');
      expect((await k.call('leader', 'GET', '/api/v1/boards?unitId=nope')).statusCode).toBe(400);
    });
  });
}
