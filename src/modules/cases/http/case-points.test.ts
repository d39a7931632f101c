import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { bbox, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { orgModule } from '../../org/index.js';

const PASSWORD = 'Demo12345';
type Point = [string, number, number, string, string, string];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: open cases as map points`, () => {
    let h: Harness;
    const cookies: Record<string, string> = {};
    const units: Record<string, string> = {};
    const reported: string[] = [];
    const points = (who: string, query = '') => h.call('GET', `/api/v1/cases/points${query}`, { cookie: cookies[who] });
    /** The fold by hand: open cases with a point under a path (grid or assigned unit), from the raw rows. */
    const openUnder = async (path: string, where: (r: Record<string, unknown>) => boolean = () => true) => {
      const rows = await h.database.db.selectFrom('cases').selectAll().execute();
      return rows
        .filter((r) => !['closed', 'rejected', 'merged'].includes(r.status) && r.lng !== null)
        .filter((r) => (r.grid_path ?? '').startsWith(path) || (r.assigned_unit_path ?? '').startsWith(path))
        .filter(where)
        .map((r) => r.id)
        .sort();
    };
    const ids = (body: { items: Point[] }) => body.items.map((p) => p[0]).sort();

    beforeAll(async () => {
      h = await openHarness(tdb, { CIVICGRID_DEMO_PASSWORD: PASSWORD });
      await prepareModules([orgModule], h.context, { districtId: h.districtId, now: h.clock.now() });
      for (const u of ['leader', 'dehua', 'zhuzhuang', 'wgy_dehua', 'wgy_zhuzhuang'])
        cookies[u] = await h.login(u, PASSWORD);
      const db = h.database.db;
      const code = h.context.config.districtCode;
      for (const [k, name] of [
        ['chenzhou', '陈州街道办事处'],
        ['dehua', '德化社区'],
        ['zhuzhuang', '朱庄社区'],
      ] as const)
        units[k] = (await h.context.org.unitByName(db, code, name))!.id;
      const centreOf = async (who: string) => {
        const me = (await h.call('GET', '/api/v1/auth/me', { cookie: cookies[who] })).json() as { unitId: string };
        const g = JSON.parse((await h.context.org.boundary(db, me.unitId))!.geometry) as BoundaryGeometry;
        const [w, s, e, n] = bbox(g);
        return { lng: (w + e) / 2, lat: (s + n) / 2 };
      };
      for (const [who, categoryCode] of [
        ['wgy_dehua', '0101'],
        ['wgy_dehua', '0201'],
        ['wgy_zhuzhuang', '0101'],
      ] as const) {
        const r = await h.call('POST', '/api/v1/cases', {
          cookie: cookies[who],
          body: { categoryCode, description: '测试问题', location: await centreOf(who) },
        });
        expect(r.statusCode, r.body).toBe(201);
        reported.push(r.json().id);
      }
    });
    afterAll(() => h.close());

    it('gives the leader every open case of the district with its point, status, deadline and category', async () => {
      const r = await points('leader');
      expect(r.statusCode).toBe(200);
      const body = r.json() as { items: Point[]; truncated: boolean };
      expect(body.truncated).toBe(false);
      expect(ids(body)).toEqual(await openUnder(''));
      expect(ids(body)).toEqual([...reported].sort());
      const row = await h.database.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', reported[1]!)
        .executeTakeFirstOrThrow();
      expect(body.items.find((p) => p[0] === reported[1])).toEqual([
        row.id,
        row.lng,
        row.lat,
        row.status,
        row.deadline_status,
        row.category_code,
      ]);
    });

    it('gives a 社区 account only the points of its own community', async () => {
      const dehua = (await points('dehua')).json();
      const path = (await h.context.org.unit(h.database.db, units.dehua!))!.path;
      expect(ids(dehua)).toEqual(await openUnder(path));
      expect(ids(dehua)).toHaveLength(2);
      expect(ids((await points('zhuzhuang')).json())).toEqual([reported[2]]);
    });

    it('filters by 大类, deadline status, status and source, as a fold over the rows', async () => {
      expect(ids((await points('leader', '?categoryCode=01')).json())).toEqual(
        await openUnder('', (r) => String(r.category_code).startsWith('01')),
      );
      expect(ids((await points('leader', '?categoryCode=02')).json())).toEqual([reported[1]]);
      // Before and after one case goes 超期 (the deadline check's column, set here by hand).
      expect((await points('leader', '?deadlineStatus=overdue,near_overdue')).json().items).toEqual([]);
      await h.database.db
        .updateTable('cases')
        .set({ deadline_status: 'overdue' })
        .where('id', '=', reported[0]!)
        .execute();
      expect(ids((await points('leader', '?deadlineStatus=overdue')).json())).toEqual(
        await openUnder('', (r) => r.deadline_status === 'overdue'),
      );
      expect(ids((await points('leader', '?deadlineStatus=overdue')).json())).toEqual([reported[0]]);
      expect((await points('leader', '?status=closed')).json().items).toEqual([]);
      const source = (await h.database.db.selectFrom('cases').select('source').executeTakeFirstOrThrow()).source;
      expect(ids((await points('leader', `?source=${source}`)).json())).toEqual(
        await openUnder('', (r) => r.source === source),
      );
      expect((await points('leader', '?source=open311')).json().items).toEqual([]);
    });

    it('narrows to a unit in scope and refuses one outside it, naming unitId', async () => {
      expect(ids((await points('leader', `?unitId=${units.zhuzhuang}`)).json())).toEqual([reported[2]]);
      const r = await points('dehua', `?unitId=${units.chenzhou}`);
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.json())).toContain('unitId');
      expect((await points('dehua', '?deadlineStatus=late')).statusCode).toBe(400);
    });

    it('counts the day’s reports and closings by local hour, as a fold over the rows, at two instants', async () => {
      const fold = async (path: string, day: string) => {
        const rows = await h.database.db.selectFrom('cases').selectAll().execute();
        const start = Date.parse(`${day}T00:00:00+08:00`);
        const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, reported: 0, closed: 0 }));
        for (const r of rows.filter((x) => (x.grid_path ?? '').startsWith(path))) {
          const rh = Math.floor((Date.parse(r.reported_at) - start) / 3_600_000);
          if (rh >= 0 && rh < 24) hours[rh]!.reported++;
          const ch = r.closed_at ? Math.floor((Date.parse(r.closed_at) - start) / 3_600_000) : -1;
          if (r.status === 'closed' && ch >= 0 && ch < 24) hours[ch]!.closed++;
        }
        return hours;
      };
      const dehuaPath = (await h.context.org.unit(h.database.db, units.dehua!))!.path;
      const today = (await h.call('GET', '/api/v1/cases/flows', { cookie: cookies.leader })).json();
      expect(today.date).toBe('2026-11-30');
      expect(today.hours).toEqual(await fold('', '2026-11-30'));
      expect(today.hours[10].reported).toBe(3);
      const dehua = (await h.call('GET', '/api/v1/cases/flows', { cookie: cookies.dehua })).json();
      expect(dehua.hours).toEqual(await fold(dehuaPath, '2026-11-30'));
      expect(dehua.hours[10].reported).toBe(2);
      // The next morning: today is a new day with nothing yet; the day before is asked by date.
      h.clock.set('2026-12-01T01:00:00.000Z');
      cookies.leader = await h.login('leader', PASSWORD);
      const next = (await h.call('GET', '/api/v1/cases/flows', { cookie: cookies.leader })).json();
      expect(next.date).toBe('2026-12-01');
      expect(next.hours).toEqual(await fold('', '2026-12-01'));
      expect(next.hours.every((x: { reported: number }) => x.reported === 0)).toBe(true);
      const before = await h.call('GET', '/api/v1/cases/flows?date=2026-11-30', { cookie: cookies.leader });
      expect(before.json().hours).toEqual(today.hours);
      h.clock.set('2026-11-30T02:00:00.000Z');
      cookies.leader = await h.login('leader', PASSWORD);
      expect(
        (await h.call('GET', `/api/v1/cases/flows?unitId=${units.chenzhou}`, { cookie: cookies.dehua })).statusCode,
      ).toBe(403);
    });
  });
}
