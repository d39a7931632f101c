import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { orgModule } from '../index.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the boundaries of every small grid under a unit`, () => {
    let h: Harness;
    const cookie: Record<string, string> = {};
    beforeAll(async () => {
      h = await openHarness(tdb, { CIVICGRID_DEMO_PASSWORD: 'Demo12345' });
      await prepareModules([orgModule], h.context, { districtId: h.districtId, now: h.clock.now() });
      for (const u of ['leader', 'dehua']) cookie[u] = await h.login(u, 'Demo12345');
    });
    afterAll(() => h.close());

    it('answers the active small grids with a boundary under the unit, and only in scope', async () => {
      const db = h.database.db;
      const code = h.context.config.districtCode;
      const chenzhou = (await h.context.org.unitByName(db, code, '陈州街道办事处'))!;
      const r = await h.call('GET', `/api/v1/units/${chenzhou.id}/boundaries?level=grids`, { cookie: cookie.leader });
      expect(r.statusCode).toBe(200);
      const got = (r.json().features as { id: string; properties: { kind: string } }[]).map((f) => f.id).sort();
      const expected = (
        await db
          .selectFrom('units as u')
          .innerJoin('unit_boundaries as b', 'b.unit_id', 'u.id')
          .select('u.id')
          .where('u.kind', '=', 'grid_small')
          .where('u.status', '=', 'active')
          .execute()
      )
        .map((x) => x.id)
        .sort();
      const under = new Set(
        (await h.context.org.unitsUnder(db, code, chenzhou.path, { kind: 'grid_small' })).map((u) => u.id),
      );
      expect(got).toEqual(expected.filter((id) => under.has(id)));
      expect(got.length).toBeGreaterThan(0);
      const children = await h.call('GET', `/api/v1/units/${chenzhou.id}/boundaries`, { cookie: cookie.leader });
      expect(
        children.json().features.every((f: { properties: { kind: string } }) => f.properties.kind === 'community'),
      ).toBe(true);
      expect(
        (await h.call('GET', `/api/v1/units/${chenzhou.id}/boundaries?level=grids`, { cookie: cookie.dehua }))
          .statusCode,
      ).toBe(404);
    });
  });
}
