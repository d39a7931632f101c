import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPatrolsFixture, walk, type PatrolsFixture } from './test-kit.js';

/**
 * Who may do what to patrols, written out by hand from SPEC §1 and issue 13 rather than read from the
 * role table: no permission → 403; a patrol outside the caller's view → 404; a unit outside the caller's
 * scope → 422 naming the field; only the one who started a patrol adds to its track or ends it.
 */
const USERS = [
  'admin',
  'leader',
  'duchashi',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'wgy_dehua',
  'wgy_zhuzhuang',
  'dianxin',
  'zhiyuanzhe',
  'minjing',
] as const;
type User = (typeof USERS)[number];

const READ: User[] = [
  'admin',
  'leader',
  'duchashi',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'wgy_dehua',
  'wgy_zhuzhuang',
];
const RECORD: User[] = ['admin', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'];
/** Whose view holds wgy_dehua's patrol of their grid in 德化社区. */
const SEES: User[] = ['admin', 'leader', 'duchashi', 'chenzhou', 'dehua', 'wgy_dehua'];
const T = (hhmm: string) => `2026-11-30T${hhmm}:00.000Z`;

const expected = (
  u: User,
  ok: number,
  opts: { needs: User[]; sees?: User[]; elseInView?: number; outOfView?: number },
) => (!opts.needs.includes(u) ? 403 : !opts.sees || opts.sees.includes(u) ? ok : (opts.outOfView ?? 404));

for (const tdb of testDatabases()) {
  describe(`patrols: who may do what (${tdb.name})`, () => {
    let f: PatrolsFixture;
    let patrolId = '';
    let caseId = '';
    beforeAll(async () => {
      f = await openPatrolsFixture(tdb, USERS);
      const r = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', {
        kind: 'grid',
        gridIds: [f.grids.dehua1],
        startedAt: T('01:00'),
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      patrolId = r.json().id;
      const c = await f.call('wgy_dehua', 'POST', '/api/v1/cases', {
        categoryCode: '0102',
        description: '巡查发现暴露垃圾',
        location: f.inside,
      });
      if (c.statusCode !== 201) throw new Error(c.body);
      caseId = c.json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    it.each(USERS)('%s: the list, the coverage and the day’s tracks of their scope', async (u) => {
      const want = READ.includes(u) ? 200 : 403;
      const list = await f.call(u, 'GET', '/api/v1/patrols');
      expect(list.statusCode, list.body).toBe(want);
      if (want === 200) expect(list.json().items.some((p: { id: string }) => p.id === patrolId)).toBe(SEES.includes(u));
      expect((await f.call(u, 'GET', '/api/v1/patrols/coverage?from=2026-11-01&to=2026-11-30')).statusCode).toBe(want);
      expect((await f.call(u, 'GET', '/api/v1/patrols/tracks?day=2026-11-30')).statusCode).toBe(want);
    });

    it.each(USERS)('%s: one patrol', async (u) => {
      const r = await f.call(u, 'GET', `/api/v1/patrols/${patrolId}`);
      expect(r.statusCode, r.body).toBe(expected(u, 200, { needs: READ, sees: SEES }));
    });

    it.each(USERS)('%s: coverage of 德化社区 (outside scope → 422 naming unitId)', async (u) => {
      const r = await f.call(
        u,
        'GET',
        `/api/v1/patrols/coverage?from=2026-11-01&to=2026-11-30&unitId=${f.units.dehua}`,
      );
      const inScope: User[] = ['admin', 'leader', 'duchashi', 'chenzhou', 'dehua'];
      expect(r.statusCode, r.body).toBe(!READ.includes(u) ? 403 : inScope.includes(u) ? 200 : 422);
      if (r.statusCode === 422) expect(r.json().errors[0].field).toBe('unitId');
    });

    it.each(USERS)('%s: the phone’s areas and active patrol', async (u) => {
      const want = RECORD.includes(u) ? 200 : 403;
      const areas = await f.call(u, 'GET', '/api/v1/patrols/areas');
      expect(areas.statusCode, areas.body).toBe(want);
      const active = await f.call(u, 'GET', '/api/v1/patrols/active');
      expect(active.statusCode).toBe(want);
      if (u === 'wgy_dehua') {
        expect(areas.json().items.map((a: { id: string }) => a.id)).toEqual([f.grids.dehua1]);
        expect(active.json().patrol.id).toBe(patrolId);
      }
    });

    it.each(USERS)('%s: start a patrol of wgy_dehua’s grid', async (u) => {
      const r = await f.call(u, 'POST', '/api/v1/patrols', {
        kind: 'grid',
        gridIds: [f.grids.dehua1],
        startedAt: T('01:30'),
      });
      const covers: User[] = ['admin', 'dehua'];
      const want = !RECORD.includes(u) ? 403 : u === 'wgy_dehua' ? 409 : covers.includes(u) ? 201 : 422;
      expect(r.statusCode, r.body).toBe(want);
      if (want === 422) expect(r.json().errors[0].field).toBe('gridIds[0]');
    });

    it.each(USERS)('%s: add to the track of wgy_dehua’s patrol', async (u) => {
      const r = await f.call(u, 'POST', `/api/v1/patrols/${patrolId}/track`, { points: walk(f.inside, T('01:05'), 2) });
      const want = !RECORD.includes(u) ? 403 : !SEES.includes(u) ? 404 : u === 'wgy_dehua' ? 200 : 403;
      expect(r.statusCode, r.body).toBe(want);
    });

    it.each(USERS)('%s: link a case of wgy_dehua’s grid to the patrol', async (u) => {
      const r = await f.call(u, 'POST', `/api/v1/patrols/${patrolId}/cases`, { caseId });
      expect(r.statusCode, r.body).toBe(!RECORD.includes(u) ? 403 : !SEES.includes(u) ? 404 : 200);
    });

    it.each(USERS)('%s: end wgy_dehua’s patrol', async (u) => {
      const r = await f.call(u, 'POST', `/api/v1/patrols/${patrolId}/end`, { endedAt: T('01:40') });
      const want = !RECORD.includes(u) ? 403 : !SEES.includes(u) ? 404 : u === 'wgy_dehua' ? 200 : 403;
      expect(r.statusCode, r.body).toBe(want);
      if (u === 'wgy_dehua') {
        // Ended: nobody adds to it any more.
        const again = await f.call(u, 'POST', `/api/v1/patrols/${patrolId}/end`, { endedAt: T('01:40') });
        expect(again.statusCode).toBe(409);
      }
    });
  });
}
