import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const IN_GRID = { lng: 114.605, lat: 33.605 };

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: Idempotency-Key on POST /api/v1/cases`, () => {
    let h: Harness;
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    let n = 0;
    /** A body no other test sends, so that counts and hashes never mix between tests. */
    const body = (extra: Record<string, unknown> = {}) => ({
      categoryCode: '0102',
      description: `暴露垃圾 ${++n}`,
      location: IN_GRID,
      ...extra,
    });
    const report = (who: string, b: unknown, key?: string) =>
      h.call('POST', '/api/v1/cases', {
        cookie: cookies[who],
        body: b,
        headers: key === undefined ? {} : { 'idempotency-key': key },
      });
    const count = async (table: 'cases' | 'idempotency_keys' | 'audit_events') =>
      Number(
        (
          await h.database.db
            .selectFrom(table)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      h = await openHarness(tdb);
      cookies.admin = await h.login('admin');
      const mk = async (key: string, parent: string, kind: string, name: string) => {
        const r = await h.call('POST', '/api/v1/units', {
          cookie: cookies.admin,
          body: { parentId: parent, kind, name },
        });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await mk('sub', h.districtId, 'subdistrict', '城北街道办事处');
      await mk('com', ids.sub, 'community', '北关社区');
      await mk('large', ids.com, 'grid_large', '北关社区第1网格');
      await mk('small', ids.large, 'grid_small', '北关社区第1网格-1');
      await h.call('POST', `/api/v1/units/${ids.large}/boundaries`, {
        cookie: cookies.admin,
        body: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: '北关社区第1网格-1' },
              geometry: square(114.6, 33.6, 114.61, 33.61),
            },
          ],
        },
      });
      for (const username of ['gw01', 'gw02']) {
        const r = await h.call('POST', '/api/v1/accounts', {
          cookie: cookies.admin,
          body: { username, displayName: username, unitId: ids.small, roles: ['grid_worker'] },
        });
        const temp = r.json().temporaryPassword;
        const c = await h.login(username, temp);
        await h.call('POST', '/api/v1/auth/change-password', {
          cookie: c,
          body: { currentPassword: temp, newPassword: 'Passw0rd1' },
        });
        cookies[username] = c;
      }
    });
    afterAll(async () => h?.close());

    it('makes one case of the same request sent twice with a key, and answers the second with that case, replayed', async () => {
      const b = body();
      const before = await count('cases');
      const first = await report('gw01', b, 'report-0001');
      expect(first.statusCode, first.body).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await report('gw01', b, 'report-0001');
      expect(again.statusCode, again.body).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(await count('cases')).toBe(before + 1);
      const list = (await h.call('GET', '/api/v1/cases?limit=100', { cookie: cookies.gw01 })).json().items;
      expect(list.filter((c: { description: string }) => c.description === b.description)).toHaveLength(1);
    });

    it('replays the case as it is now, after others acted on it, and audits nothing new', async () => {
      const b = body();
      const first = (await report('gw01', b, 'report-0002')).json();
      const commented = await h.call('POST', `/api/v1/cases/${first.id}/actions`, {
        cookie: cookies.gw01,
        body: { type: 'comment', comment: '补充说明' },
      });
      expect(commented.statusCode, commented.body).toBe(200);
      const audits = await count('audit_events');
      const again = await report('gw01', b, 'report-0002');
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toMatchObject({
        id: first.id,
        caseNumber: first.caseNumber,
        version: commented.json().version,
      });
      expect(again.json().actions.map((a: { type: string }) => a.type)).toEqual(['report', 'comment']);
      expect(Object.keys(again.json()).sort()).toEqual(Object.keys(first).sort());
      expect(await count('audit_events')).toBe(audits);
    });

    it('refuses the same key with another body with 422 naming the header, and makes nothing', async () => {
      const first = await report('gw01', body(), 'report-0003');
      expect(first.statusCode).toBe(201);
      const before = await count('cases');
      const other = await report('gw01', body(), 'report-0003');
      expect(other.statusCode).toBe(422);
      expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(other.json()).toMatchObject({
        code: 'case.idempotency_key_reused',
        detail: '此 Idempotency-Key 已用于另一次内容不同的上报，不能再用于这次上报',
        errors: [{ field: 'Idempotency-Key', message: '已用于内容不同的请求' }],
      });
      expect(other.headers['idempotent-replayed']).toBeUndefined();
      expect(await count('cases')).toBe(before);
    });

    it('refuses a malformed key with 400 naming the header, and makes nothing', async () => {
      const before = await count('cases');
      const keys = await count('idempotency_keys');
      for (const bad of ['', 'two words', 'x'.repeat(256), 'tab\there']) {
        const r = await report('gw01', body(), bad);
        expect(r.statusCode, JSON.stringify(bad)).toBe(400);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(r.json()).toMatchObject({ code: 'request.invalid', errors: [{ field: 'Idempotency-Key' }] });
      }
      expect(await count('cases')).toBe(before);
      expect(await count('idempotency_keys')).toBe(keys);
      expect((await report('gw01', body(), 'x'.repeat(255))).statusCode).toBe(201);
    });

    it('keeps keys per account: the same key from another account makes its own case', async () => {
      const b = body();
      const mine = await report('gw01', b, 'shared-key');
      const theirs = await report('gw02', b, 'shared-key');
      expect(mine.statusCode).toBe(201);
      expect(theirs.statusCode).toBe(201);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(theirs.json().id).not.toBe(mine.json().id);
      expect(theirs.json().caseNumber).not.toBe(mine.json().caseNumber);
    });

    it('writes no key for a refused report, so the corrected request may use it', async () => {
      const keys = await count('idempotency_keys');
      const refused = await report('gw01', body({ categoryCode: '9999' }), 'report-0006');
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'case.unknown_category',
        detail: '问题类别 9999 不存在或已停用（须选择小类）',
        errors: [{ field: 'categoryCode', message: '类别不存在或不是小类' }],
      });
      expect(await count('idempotency_keys')).toBe(keys);
      const fixed = await report('gw01', body(), 'report-0006');
      expect(fixed.statusCode, fixed.body).toBe(201);
      expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    });

    it('makes exactly one case of identical requests sent at once with one key, never a 500', async () => {
      for (let round = 0; round < 3; round++) {
        const b = body();
        const key = `concurrent-${round}`;
        const before = await count('cases');
        const answers = await Promise.all(Array.from({ length: 4 }, () => report('gw01', b, key)));
        for (const a of answers) expect([201, 409], a.body).toContain(a.statusCode);
        const ok = answers.filter((a) => a.statusCode === 201);
        expect(ok.length).toBeGreaterThan(0);
        expect(new Set(ok.map((a) => a.json().id)).size).toBe(1);
        expect(ok.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
        expect(await count('cases')).toBe(before + 1);
      }
    });

    it('keeps one case per key when a report sent at the same time fails and the shared commit is redone', async () => {
      // On SQLite the three share one transaction; the refused one rolls it back and each runs again alone.
      const b = body();
      const before = await count('cases');
      const [a, refused, c] = await Promise.all([
        report('gw01', b, 'batch-key'),
        report('gw01', body({ categoryCode: '9999' }), 'batch-refused'),
        report('gw01', b, 'batch-key'),
      ]);
      expect(refused.statusCode).toBe(422);
      expect([a.statusCode, c.statusCode]).toEqual([201, 201]);
      expect(c.json().id).toBe(a.json().id);
      expect([a.headers['idempotent-replayed'], c.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
      expect(await count('cases')).toBe(before + 1);
    });

    it('leaves a report without the header as it was: each request makes a case, and no key is written', async () => {
      const b = body();
      const before = await count('cases');
      const keys = await count('idempotency_keys');
      const [one, two] = [await report('gw01', b), await report('gw01', b)];
      expect([one.statusCode, two.statusCode]).toEqual([201, 201]);
      expect(two.json().id).not.toBe(one.json().id);
      expect(one.headers['idempotent-replayed']).toBeUndefined();
      expect(two.headers['idempotent-replayed']).toBeUndefined();
      expect(await count('cases')).toBe(before + 2);
      expect(await count('idempotency_keys')).toBe(keys);
    });

    it('documents the header in the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json();
      const op = doc.paths['/api/v1/cases'].post;
      expect(op.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      );
      expect(op.summary).toMatch(/Idempotency-Key/);
    });
  });
}
