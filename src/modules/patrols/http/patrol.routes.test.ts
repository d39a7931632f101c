import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPatrolsFixture, walk, type PatrolsFixture } from './test-kit.js';

const USERS = ['admin', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'] as const;
// The harness's clock: 2026-11-30 10:00 in Shanghai (02:00 UTC).
const T = (hhmm: string) => `2026-11-30T${hhmm}:00.000Z`;

for (const tdb of testDatabases()) {
  describe(`patrols (${tdb.name})`, () => {
    let f: PatrolsFixture;
    const count = async (table: 'patrols' | 'patrol_track_chunks' | 'patrol_unit_days' | 'patrol_cases') =>
      Number(
        (
          await f.h.database.db
            .selectFrom(table)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    beforeAll(async () => {
      f = await openPatrolsFixture(tdb, USERS);
    }, 180_000);
    afterAll(async () => f?.h.close());

    let patrolId = '';
    it('a grid worker starts a patrol of their grid; resending with the key answers the same patrol', async () => {
      const body = {
        id: '0193a000-0000-7000-8000-000000000001',
        kind: 'grid',
        gridIds: [f.grids.dehua1],
        startedAt: T('01:00'),
        companions: [{ name: '青年志愿者小王' }, { accountId: f.ids.dehua, name: '社区干部' }],
      };
      const key = { 'idempotency-key': 'start-1' };
      const r = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', body, key);
      expect(r.statusCode, r.body).toBe(201);
      patrolId = r.json().id;
      expect(patrolId).toBe(body.id);
      expect(r.json()).toMatchObject({ status: 'active', kind: 'grid', startDay: '2026-11-30', points: 0 });
      expect(r.json().people.map((p: { role: string; accountId: string | null }) => [p.role, p.accountId])).toEqual([
        ['recorder', f.ids.wgy_dehua],
        ['companion', null],
        ['companion', f.ids.dehua],
      ]);
      expect(
        r
          .json()
          .people.map((p: { name: string }) => p.name)
          .slice(1),
      ).toEqual(['青年志愿者小王', '德化社区两委（演示）']);
      const again = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', body, key);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().id).toBe(patrolId);
      expect(await count('patrols')).toBe(1);
      expect((await f.call('wgy_dehua', 'GET', '/api/v1/patrols/active')).json().patrol.id).toBe(patrolId);
      // A second start while this one runs is refused.
      const second = await f.call('wgy_dehua', 'POST', '/api/v1/patrols', { ...body, id: undefined });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'patrol.already_active', activePatrolId: patrolId });
    });

    it('takes the track in batches, thinned; a point far outside the grid is kept and flagged', async () => {
      const straight = walk(f.inside, T('01:01'), 40);
      const r = await f.call(
        'wgy_dehua',
        'POST',
        `/api/v1/patrols/${patrolId}/track`,
        { points: straight },
        {
          'idempotency-key': 'track-1',
        },
      );
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().received).toBe(40);
      expect(r.json().stored).toBeLessThan(40);
      expect(r.json().far).toBe(0);
      const replay = await f.call(
        'wgy_dehua',
        'POST',
        `/api/v1/patrols/${patrolId}/track`,
        { points: straight },
        {
          'idempotency-key': 'track-1',
        },
      );
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await count('patrol_track_chunks')).toBe(1);
      const far = await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${patrolId}/track`, {
        points: [
          { ...f.inside, at: T('01:20') },
          { ...f.far, at: T('01:21') },
          { ...f.inside, at: T('01:22') },
        ],
      });
      expect(far.statusCode, far.body).toBe(200);
      expect(far.json().far).toBe(1);
      const d = (await f.call('wgy_dehua', 'GET', `/api/v1/patrols/${patrolId}`)).json();
      expect(d.farPoints).toBe(1);
      expect(d.track.filter((p: unknown[]) => p[3] === true)).toHaveLength(1);
      expect(d.distanceM).toBeGreaterThan(400);
      // In time order, at the stored precision.
      const times = d.track.map((p: string[]) => p[2]);
      expect([...times].sort()).toEqual(times);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const chunks = await count('patrol_track_chunks');
      const bad = async (who: string, url: string, body: unknown, field: string, status = 422) => {
        const r = await f.call(who, 'POST', url, body);
        expect(r.statusCode, r.body).toBe(status);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
        return r.json();
      };
      await bad(
        'wgy_dehua',
        `/api/v1/patrols/${patrolId}/track`,
        { points: [{ lat: 91, lng: 114.6, at: T('01:30') }] },
        'points[0].lat',
        400,
      );
      await bad(
        'wgy_dehua',
        `/api/v1/patrols/${patrolId}/track`,
        { points: [{ lat: 33.6, lng: 181, at: T('01:30') }] },
        'points[0].lng',
        400,
      );
      await bad(
        'wgy_dehua',
        `/api/v1/patrols/${patrolId}/track`,
        { points: [{ ...f.inside, at: T('00:30') }] },
        'points[0].at',
      );
      await bad('wgy_dehua', `/api/v1/patrols/${patrolId}/end`, { endedAt: T('00:59') }, 'endedAt');
      await bad('wgy_dehua', `/api/v1/patrols/${patrolId}/end`, { endedAt: T('03:00') }, 'endedAt');
      expect(await count('patrol_track_chunks')).toBe(chunks);
      expect((await f.call('wgy_dehua', 'GET', `/api/v1/patrols/${patrolId}`)).json().status).toBe('active');
      const start = { kind: 'grid', startedAt: T('01:00') };
      const patrols = await count('patrols');
      expect(
        (
          await bad(
            'zhuzhuang',
            '/api/v1/patrols',
            { ...start, gridIds: ['0193a000-0000-7000-8000-00000000dead'] },
            'gridIds[0]',
          )
        ).errors[0].message,
      ).toBe('该网格不存在或已撤销');
      await bad('zhuzhuang', '/api/v1/patrols', { ...start, gridIds: [f.grids.dehua1] }, 'gridIds[0]');
      await bad(
        'zhuzhuang',
        '/api/v1/patrols',
        { ...start, gridIds: [f.grids.zhuzhuang], startedAt: T('03:00') },
        'startedAt',
      );
      await bad(
        'zhuzhuang',
        '/api/v1/patrols',
        { ...start, gridIds: [f.grids.zhuzhuang, f.grids.zhuzhuang] },
        'gridIds[1]',
      );
      await bad('zhuzhuang', '/api/v1/patrols', { kind: 'farmland', startedAt: T('01:00') }, 'villageId');
      await bad('zhuzhuang', '/api/v1/patrols', { ...start, gridIds: [] }, 'gridIds');
      await bad(
        'zhuzhuang',
        '/api/v1/patrols',
        { kind: 'farmland', villageId: f.grids.zhuzhuang, startedAt: T('01:00') },
        'villageId',
      );
      await bad(
        'admin',
        '/api/v1/patrols',
        { kind: 'farmland', villageId: f.grids.village, startedAt: T('01:00'), gridIds: [f.grids.dehua1] },
        'gridIds',
      );
      expect(await count('patrols')).toBe(patrols);
    });

    let caseId = '';
    it('links a case reported on the way; refuses a case outside the patrol or out of view', async () => {
      const reported = await f.call('wgy_dehua', 'POST', '/api/v1/cases', {
        categoryCode: '0102',
        description: '巡查发现暴露垃圾',
        location: { ...f.inside },
      });
      expect(reported.statusCode, reported.body).toBe(201);
      caseId = reported.json().id;
      const link = await f.call(
        'wgy_dehua',
        'POST',
        `/api/v1/patrols/${patrolId}/cases`,
        { caseId },
        { 'idempotency-key': 'link-1' },
      );
      expect(link.statusCode, link.body).toBe(200);
      expect(link.json().cases).toBe(1);
      expect(link.json().caseLinks[0]).toMatchObject({ caseId, outcome: 'found', categoryCode: '0102' });
      // Twice changes nothing.
      await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${patrolId}/cases`, { caseId, outcome: 'found' });
      expect(await count('patrol_cases')).toBe(1);
      // A case in 朱庄 is not in wgy_dehua's view; for 陈州 it is in view but outside the patrol.
      const zz = await f.call('wgy_zhuzhuang', 'POST', '/api/v1/cases', {
        categoryCode: '0102',
        description: '朱庄的问题',
        location: null,
        address: '朱庄',
      });
      expect(zz.statusCode, zz.body).toBe(201);
      const unknown = await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${patrolId}/cases`, { caseId: zz.json().id });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors[0].field).toBe('caseId');
      expect(unknown.json().code).toBe('patrol.case_unknown');
      expect(await count('patrol_cases')).toBe(1);
    });

    it('ends the patrol: it then counts in coverage, the day’s map and the report figures', async () => {
      expect(await count('patrol_unit_days')).toBe(0);
      const end = await f.call(
        'wgy_dehua',
        'POST',
        `/api/v1/patrols/${patrolId}/end`,
        {
          endedAt: T('01:50'),
          points: walk(f.inside, T('01:40'), 3),
        },
        { 'idempotency-key': 'end-1' },
      );
      expect(end.statusCode, end.body).toBe(200);
      expect(end.json()).toMatchObject({ status: 'ended', durationMinutes: 50 });
      const replay = await f.call(
        'wgy_dehua',
        'POST',
        `/api/v1/patrols/${patrolId}/end`,
        {
          endedAt: T('01:50'),
          points: walk(f.inside, T('01:40'), 3),
        },
        { 'idempotency-key': 'end-1' },
      );
      expect(replay.statusCode).toBe(200);
      expect(await count('patrol_unit_days')).toBe(1);
      const late = await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${patrolId}/track`, {
        points: walk(f.inside, T('01:45'), 2),
      });
      expect(late.statusCode).toBe(409);

      const cov = await f.call(
        'dehua',
        'GET',
        `/api/v1/patrols/coverage?unitId=${f.units.dehua}&from=2026-11-29&to=2026-11-30`,
      );
      expect(cov.statusCode, cov.body).toBe(200);
      const c = cov.json();
      expect(c.days).toBe(2);
      const mine = c.grids.find((g: { id: string }) => g.id === f.grids.dehua1);
      expect(mine).toMatchObject({ patrolledDays: 1, patrols: 1, ratio: 0.5, community: '德化社区' });
      expect(c.neverWalked).toBe(c.grids.length - 1);
      expect(mine.lastPatrolledDay).toBe('2026-11-30');
      expect(c.grids.filter((g: { lastPatrolledDay: string | null }) => g.lastPatrolledDay)).toHaveLength(1);
      // A period running past today (the harness's 2026-11-30) divides by the days so far only.
      const ahead = (
        await f.call('dehua', 'GET', `/api/v1/patrols/coverage?unitId=${f.units.dehua}&from=2026-11-29&to=2026-12-31`)
      ).json();
      expect(ahead).toMatchObject({ days: 2, through: '2026-11-30' });
      expect(ahead.grids.find((g: { id: string }) => g.id === f.grids.dehua1)).toMatchObject({ ratio: 0.5 });
      // A period before the patrol still shows when the grid was last walked.
      const before = (
        await f.call('dehua', 'GET', `/api/v1/patrols/coverage?unitId=${f.units.dehua}&from=2026-11-01&to=2026-11-02`)
      ).json();
      expect(before.grids.find((g: { id: string }) => g.id === f.grids.dehua1)).toMatchObject({
        patrolledDays: 0,
        lastPatrolledDay: '2026-11-30',
      });
      expect(c.people.map((p: { accountId: string | null }) => p.accountId).sort()).toEqual(
        [f.ids.dehua, f.ids.wgy_dehua, null].sort(),
      );
      expect(c.people.find((p: { accountId: string | null }) => !p.accountId)).toMatchObject({
        name: '青年志愿者小王',
        patrols: 1,
        patrolledDays: 1,
        grids: 1,
      });

      const tracks = await f.call('dehua', 'GET', `/api/v1/patrols/tracks?day=2026-11-30&unitId=${f.units.dehua}`);
      expect(tracks.statusCode, tracks.body).toBe(200);
      expect(tracks.json().features).toHaveLength(1);
      expect(tracks.json().features[0].geometry.type).toBe('LineString');
      expect(tracks.json().features[0].properties.far).toHaveLength(1);
      const gcj = await f.call('dehua', 'GET', `/api/v1/patrols/tracks?day=2026-11-30&crs=gcj02`);
      const [x] = gcj.json().features[0].geometry.coordinates[0];
      expect(Math.abs(x - tracks.json().features[0].geometry.coordinates[0][0])).toBeGreaterThan(0.001);
      expect((await f.call('zhuzhuang', 'GET', '/api/v1/patrols/tracks?day=2026-11-30')).json().features).toHaveLength(
        0,
      );

      const list = await f.call(
        'chenzhou',
        'GET',
        `/api/v1/patrols?from=2026-11-30&to=2026-11-30&unitId=${f.units.dehua}`,
      );
      expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([patrolId]);
      expect((await f.call('chenzhou', 'GET', `/api/v1/patrols?unitId=${f.units.zhuzhuang}`)).json().items).toEqual([]);
      expect((await f.call('chenzhou', 'GET', '/api/v1/patrols?far=true')).json().items).toHaveLength(1);
    });

    it('a community cadre patrols two grids with the end arriving from the outbox before any track', async () => {
      const id = '0193a000-0000-7000-8000-000000000002';
      const start = await f.call('dehua', 'POST', '/api/v1/patrols', {
        id,
        kind: 'grid',
        gridIds: [f.grids.dehua1, f.grids.dehua2],
        startedAt: T('01:10'),
      });
      expect(start.statusCode, start.body).toBe(201);
      // Another may not end it: the grid worker (whose scope is one of its grids) does not even see it,
      // and 陈州's clerk (who sees it) may not record patrols.
      expect((await f.call('wgy_dehua', 'POST', `/api/v1/patrols/${id}/end`, { endedAt: T('01:30') })).statusCode).toBe(
        404,
      );
      expect((await f.call('chenzhou', 'POST', `/api/v1/patrols/${id}/end`, { endedAt: T('01:30') })).statusCode).toBe(
        403,
      );
      expect((await f.call('admin', 'POST', `/api/v1/patrols/${id}/end`, { endedAt: T('01:30') })).statusCode).toBe(
        403,
      );
      const end = await f.call('dehua', 'POST', `/api/v1/patrols/${id}/end`, {
        endedAt: T('01:30'),
        points: walk(f.inside, T('01:11'), 10),
      });
      expect(end.statusCode, end.body).toBe(200);
      const cov = (
        await f.call('dehua', 'GET', `/api/v1/patrols/coverage?unitId=${f.units.dehua}&from=2026-11-30&to=2026-11-30`)
      ).json();
      expect(cov.grids.find((g: { id: string }) => g.id === f.grids.dehua1)).toMatchObject({
        patrolledDays: 1,
        patrols: 2,
        ratio: 1,
      });
      expect(cov.grids.find((g: { id: string }) => g.id === f.grids.dehua2)).toMatchObject({
        patrolledDays: 1,
        patrols: 1,
      });
      // The case reported in dehua1 can be linked to this patrol too.
      const link = await f.call('dehua', 'POST', `/api/v1/patrols/${id}/cases`, { caseId, outcome: 'fixed' });
      expect(link.statusCode, link.body).toBe(200);
    });

    it('a farmland patrol of a village in scope', async () => {
      const r = await f.call('admin', 'POST', '/api/v1/patrols', {
        kind: 'farmland',
        villageId: f.grids.village,
        startedAt: T('01:00'),
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().units[0].id).toBe(f.grids.village);
      const e = await f.call('admin', 'POST', `/api/v1/patrols/${r.json().id}/end`, { endedAt: T('01:40') });
      expect(e.statusCode, e.body).toBe(200);
      const cov = (
        await f.call('admin', 'GET', '/api/v1/patrols/coverage?from=2026-11-30&to=2026-11-30&kind=farmland')
      ).json();
      expect(cov.grids.find((g: { id: string }) => g.id === f.grids.village)).toMatchObject({ patrolledDays: 1 });
    });

    it('a moved community takes its patrols and coverage along', async () => {
      const moved = await f.call('admin', 'POST', `/api/v1/units/${f.units.dehua}/move`, {
        parentId: f.units.chengbei,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const list = (await f.call('chengbei', 'GET', '/api/v1/patrols?from=2026-11-30&to=2026-11-30')).json();
      expect(list.items.map((p: { id: string }) => p.id)).toContain(patrolId);
      expect((await f.call('chenzhou', 'GET', '/api/v1/patrols?from=2026-11-30&to=2026-11-30')).json().items).toEqual(
        [],
      );
      const cov = (
        await f.call(
          'chengbei',
          'GET',
          `/api/v1/patrols/coverage?unitId=${f.units.dehua}&from=2026-11-30&to=2026-11-30`,
        )
      ).json();
      expect(cov.grids.find((g: { id: string }) => g.id === f.grids.dehua1)).toMatchObject({ patrolledDays: 1 });
      const back = await f.call('admin', 'POST', `/api/v1/units/${f.units.dehua}/move`, { parentId: f.units.chenzhou });
      expect(back.statusCode, back.body).toBe(200);
    });

    it('coverage refuses a period ending before it starts, or a unit outside scope', async () => {
      const r = await f.call('dehua', 'GET', '/api/v1/patrols/coverage?from=2026-11-30&to=2026-11-01');
      expect(r.statusCode).toBe(422);
      expect(r.json().errors[0].field).toBe('to');
      const o = await f.call(
        'dehua',
        'GET',
        `/api/v1/patrols/coverage?from=2026-11-30&to=2026-11-30&unitId=${f.units.zhuzhuang}`,
      );
      expect(o.statusCode).toBe(422);
      expect(o.json().errors[0].field).toBe('unitId');
    });
  });
}
