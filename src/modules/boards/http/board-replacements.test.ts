import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openBoardKit, POINTS, type BoardKit, type User } from '../test-kit.js';

const PASSWORD = 'Passw0rd1';

/**
 * GET /board-replacements: the boards replaced in an area over local days — the list behind the
 * dashboard's 更换宣传牌数, so its total equals the number clicked. Changes (Shanghai times):
 *   德化 A replaced 11-29 23:59:59 and again 12-01 00:00:00 (both just outside 11-30);
 *   德化 B replaced 11-30 00:00:00; 德化 C 破损 11-30 11:00, repaired (完好, no photo: not counted)
 *   11-30 12:00, replaced 11-30 23:59:59; 北关 E 待更换 11-30 13:00, replaced 11-30 14:00.
 * → 11-30: 德化 2 (C, B — newest first), 陈州 2, 城北 1, the district 3; 11-29: 德化 1; 12-01: 德化 1;
 *   11-29 … 12-01: 德化 4, the district 5.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the boards replaced in an area`, () => {
    let k: BoardKit;
    const ids = { a: '', b: '', c: '', e: '' };
    // Sessions last hours; the clock moves over days, so each step signs in afresh at its instant.
    const at = async (local: string, who: User) => {
      k.h.clock.set(new Date(`${local}+08:00`).toISOString());
      const cookie = await k.h.login(who, who === 'admin' ? undefined : PASSWORD);
      return (method: string, url: string, body?: unknown) => k.h.call(method, url, { cookie, body });
    };
    const step = async (local: string, id: string, body: Record<string, unknown>) => {
      const call = await at(local, id === ids.e ? 'chengbei' : 'dehua');
      const r = await call('POST', `/api/v1/boards/${id}/state`, body);
      expect(r.statusCode, r.body).toBe(200);
    };

    beforeAll(async () => {
      k = await openBoardKit(tdb);
      const photos = await Promise.all([1, 2, 3, 4].map(() => k.photo('dehua')));
      const photoE = await k.photo('chengbei');
      ids.a = await k.board('dehua', { name: '德化街宣传栏A' });
      ids.b = await k.board('dehua', { name: '德化街公益广告B', kind: 'psa' });
      ids.c = await k.board('dehua', { name: '德化街墙绘C', kind: 'mural' });
      ids.e = await k.board('chengbei', { location: POINTS.beiguan, name: '北关街宣传栏E' });
      await step('2026-11-29T23:59:59', ids.a, { state: 'good', photoId: photos[0] });
      await step('2026-11-30T00:00:00', ids.b, { state: 'good', photoId: photos[1], note: '换新' });
      await step('2026-11-30T11:00:00', ids.c, { state: 'damaged' });
      await step('2026-11-30T12:00:00', ids.c, { state: 'good' });
      await step('2026-11-30T23:59:59', ids.c, { state: 'good', photoId: photos[2] });
      await step('2026-12-01T00:00:00', ids.a, { state: 'good', photoId: photos[3] });
      await step('2026-11-30T13:00:00', ids.e, { state: 'to_replace' });
      await step('2026-11-30T14:00:00', ids.e, { state: 'good', photoId: photoE });
    }, 120_000);
    afterAll(async () => k?.h.close());

    const reader = (who: User) => at('2026-12-02T10:00:00', who);
    const list = async (who: User, qs: string) => {
      const r = await (await reader(who))('GET', `/api/v1/board-replacements?${qs}`);
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as { total: number; items: { boardId: string; photoId: string | null }[] };
      return { ...page, ids: page.items.map((i) => i.boardId) };
    };
    const figure = async (who: User, unitId: string, from: string, to: string) => {
      const r = await (await reader(who))('GET', `/api/v1/insights/dashboard?unitId=${unitId}&from=${from}&to=${to}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().figures as { code: string; value: number }[]).find((x) => x.code === 'boards.replaced')!.value;
    };

    it('lists the replacements of the days, newest first, as many as the dashboard counts', async () => {
      const u = k.ids;
      const day = await list('dehua', `unitId=${u.dehua}&from=2026-11-30&to=2026-11-30`);
      expect(day.ids).toEqual([ids.c, ids.b]);
      expect(day.total).toBe(2);
      expect(day.total).toBe(await figure('dehua', u.dehua!, '2026-11-30', '2026-11-30'));
      expect(day.items[0]).toMatchObject({
        name: '德化街墙绘C',
        kind: 'mural',
        unitName: '德化社区第1网格-1',
        at: '2026-11-30T15:59:59.000Z',
        actorName: 'dehua（测试）',
      });
      expect(day.items[1]).toMatchObject({ note: '换新' });
      expect(day.items.every((i) => i.photoId)).toBe(true);
      for (const [who, unitId, from, to, n] of [
        ['leader', u.district!, '2026-11-30', '2026-11-30', 3],
        ['chenzhou', u.chenzhou!, '2026-11-30', '2026-11-30', 2],
        ['chengbei', u.chengbei!, '2026-11-30', '2026-11-30', 1],
        ['dehua', u.dehua!, '2026-11-29', '2026-11-29', 1],
        ['dehua', u.dehua!, '2026-12-01', '2026-12-01', 1],
        ['dehua', u.dehua!, '2026-11-29', '2026-12-01', 4],
        ['leader', u.district!, '2026-11-29', '2026-12-01', 5],
      ] as const) {
        const page = await list(who, `unitId=${unitId}&from=${from}&to=${to}`);
        expect(page.total, `${who} ${from}…${to}`).toBe(n);
        expect(page.items).toHaveLength(n);
        expect(page.total, `${who} ${from}…${to}`).toBe(await figure(who, unitId, from, to));
      }
      // Without a unit: the caller's own scope.
      expect((await list('chengbei', 'from=2026-11-30&to=2026-11-30')).ids).toEqual([ids.e]);
    });

    it('is where each area’s 更换宣传牌数 leads, with the same count', async () => {
      const call = await reader('leader');
      const r = await call(
        'GET',
        `/api/v1/insights/areas?measure=boards.replaced&unitId=${k.ids.district}&level=children&from=2026-11-30&to=2026-11-30`,
      );
      expect(r.statusCode, r.body).toBe(200);
      const areas = r.json().areas as { unit: { id: string }; numerator: number; link: string }[];
      expect(areas.map((a) => a.numerator).sort()).toEqual([1, 2]);
      for (const a of areas) {
        expect(a.link).toBe(`/boards/replacements?unitId=${a.unit.id}&from=2026-11-30&to=2026-11-30`);
        const page = await call('GET', `/api/v1/board-replacements${a.link.slice('/boards/replacements'.length)}`);
        expect(page.statusCode, page.body).toBe(200);
        expect(page.json().total).toBe(a.numerator);
      }
    });

    it('keeps to the caller’s scope (403 naming unitId) and refuses a reversed or impossible period (400)', async () => {
      const call = await reader('chengbei');
      const out = await call('GET', `/api/v1/board-replacements?unitId=${k.ids.dehua}&from=2026-11-30&to=2026-11-30`);
      expect(out.statusCode).toBe(403);
      expect(out.json()).toMatchObject({ code: 'board.unit_out_of_scope' });
      expect(out.json().errors[0].field).toBe('unitId');
      const reversed = await call('GET', '/api/v1/board-replacements?from=2026-12-01&to=2026-11-30');
      expect(reversed.statusCode).toBe(400);
      expect(JSON.stringify(reversed.json())).toContain('from');
      expect((await call('GET', '/api/v1/board-replacements?from=2026-11-31&to=2026-12-01')).statusCode).toBe(400);
      expect((await call('GET', '/api/v1/board-replacements?from=2026-11-30')).statusCode).toBe(400);
      // Without board.read (the grid worker): 403.
      const wgy = await (await reader('wgy'))('GET', '/api/v1/board-replacements?from=2026-11-30&to=2026-11-30');
      expect(wgy.statusCode).toBe(403);
    });
  });
}
