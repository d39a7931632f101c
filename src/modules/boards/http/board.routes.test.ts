import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { boardReportFigures } from '../commands/report-figures.js';
import { openBoardKit, POINTS, type BoardKit } from '../test-kit.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: publicity boards`, () => {
    let k: BoardKit;
    beforeAll(async () => {
      k = await openBoardKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('registers a board at a point, located to its grid, with its photo, and lists it in scope', async () => {
      const photo = await k.photo('dehua');
      const r = await k.call('dehua', 'POST', '/api/v1/boards', {
        kind: 'psa',
        name: '“创文”公益广告',
        location: POINTS.dehua,
        photoId: photo,
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({
        kind: 'psa',
        state: 'good',
        unitId: k.ids.dehua1,
        unitName: '德化社区第1网格-1',
        photoId: photo,
        history: [{ fromState: null, toState: 'good', replaced: false, actorName: 'dehua（测试）' }],
      });
      const list = (await k.call('chenzhou', 'GET', '/api/v1/boards')).json();
      expect(list.items.map((b: { name: string }) => b.name)).toContain('“创文”公益广告');
      expect((await k.call('chengbei', 'GET', '/api/v1/boards')).json().items).toHaveLength(0);
      // The photo is visible to whoever sees the board, not to another 街道.
      expect((await k.call('chenzhou', 'GET', `/api/v1/files/${photo}`)).statusCode).toBe(200);
      expect((await k.call('chengbei', 'GET', `/api/v1/files/${photo}`)).statusCode).toBe(404);
    });

    it('registers a board by unit and address without a point', async () => {
      const r = await k.call('dehua', 'POST', '/api/v1/boards', {
        kind: 'mural',
        name: '文明墙绘',
        unitId: k.ids.dehua,
        address: '德化街28号东墙',
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ unitId: k.ids.dehua, location: null, address: '德化街28号东墙' });
    });

    it('refuses bad places and photos naming the field, and writes nothing', async () => {
      const before = await k.count('boards');
      const bad = async (body: Record<string, unknown>, field: string, code: string) => {
        const r = await k.call('dehua', 'POST', '/api/v1/boards', { kind: 'board', name: '某宣传栏', ...body });
        expect(r.statusCode, JSON.stringify(body)).toBe(r.statusCode === 400 ? 400 : 422);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(r.json().errors[0]).toMatchObject({ field, ...(code ? { message: zhSentence(code) } : {}) });
      };
      await bad({}, 'unitId', 'board.place_required');
      await bad({ unitId: k.ids.dehua }, 'address', 'board.address_required');
      await bad({ location: POINTS.nowhere }, 'location', 'board.point_outside_grids');
      await bad({ location: POINTS.beiguan }, 'location', 'board.point_out_of_scope');
      await bad({ unitId: k.ids.beiguan, address: '北关街1号' }, 'unitId', 'board.unit_out_of_scope');
      await bad({ unitId: k.ids.dept, address: '某处' }, 'unitId', 'board.unit_unusable');
      await bad(
        { location: POINTS.dehua, photoId: '00000000-0000-7000-8000-000000000000' },
        'photoId',
        'board.photo_missing',
      );
      await bad({ kind: 'poster', location: POINTS.dehua }, 'kind', '');
      expect(await k.count('boards')).toBe(before);
    });

    it('keeps every change of state with who and when; a new photo to 完好 is a replacement', async () => {
      const id = await k.board('dehua');
      const step = (body: Record<string, unknown>, who: 'dehua' | 'chenzhou' = 'dehua') =>
        k.call(who, 'POST', `/api/v1/boards/${id}/state`, body);
      expect((await step({ state: 'damaged', note: '玻璃破裂' })).statusCode).toBe(200);
      const same = await step({ state: 'damaged' });
      expect(same.statusCode).toBe(422);
      expect(same.json().errors[0]).toMatchObject({ field: 'state', message: zhSentence('board.state_unchanged') });
      expect((await step({ state: 'to_replace' }, 'chenzhou')).statusCode).toBe(200);
      const photo = await k.photo('dehua');
      const replaced = await step({ state: 'good', photoId: photo, note: '已更换新宣传栏' });
      expect(replaced.statusCode, replaced.body).toBe(200);
      const d = replaced.json();
      expect(d).toMatchObject({ state: 'good', photoId: photo });
      expect(d.history.map((e: { toState: string; replaced: boolean }) => [e.toState, e.replaced])).toEqual([
        ['good', false],
        ['damaged', false],
        ['to_replace', false],
        ['good', true],
      ]);
      expect(d.history[2].actorName).toBe('chenzhou（测试）');
      // 完好 again without a new photo changes nothing.
      const again = await step({ state: 'good', photoId: photo });
      expect(again.json().errors[0]).toMatchObject({
        field: 'state',
        message: zhSentence('board.replace_needs_photo'),
      });
    });

    it('offers 更换宣传牌数 to report forms, counted under the unit and in the period', async () => {
      const [source] = boardReportFigures();
      expect(source.code).toBe('boards.replaced');
      const db = k.h.database.db;
      const unit = async (key: string) =>
        db.selectFrom('units').select('path').where('id', '=', k.ids[key]).executeTakeFirstOrThrow();
      const q = async (key: string, from: string, to: string) =>
        source.count(db, {
          districtCode: '411602',
          unitId: k.ids[key],
          unitPath: (await unit(key)).path,
          from: new Date(from),
          to: new Date(to),
        });
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('board_events')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('replaced', '=', 1)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const all = await count();
      expect(all).toBeGreaterThan(0);
      expect(await q('chenzhou', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toBe(all);
      expect(await q('dehua', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toBe(all);
      expect(await q('chengbei', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')).toBe(0);
      // The harness's clock is 2026-11-30T02:00Z: a period ending before it counts none.
      expect(await q('chenzhou', '2026-11-01T00:00:00Z', '2026-11-30T00:00:00Z')).toBe(0);
    });

    it('edits a board’s details and place, not its state', async () => {
      const id = await k.board('dehua');
      const r = await k.call('dehua', 'PUT', `/api/v1/boards/${id}`, {
        kind: 'board',
        name: '德化街党建宣传栏',
        unitId: k.ids.dehua,
        address: '德化街1号',
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ name: '德化街党建宣传栏', location: null, unitId: k.ids.dehua, state: 'good' });
      expect(r.json().history).toHaveLength(1);
    });
  });
}
