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

// Open311 through the real ledger: a citizen app's report enters triage like any other case.
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: Open311 on the ledger`, () => {
    let h: Harness;
    let admin: string;
    let key: string;
    const form = (url: string, pairs: [string, string][]) =>
      h.call('POST', url, {
        payload: new URLSearchParams(pairs).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      const post = async (url: string, body: unknown) => (await h.call('POST', url, { cookie: admin, body })).json();
      const sub = await post('/api/v1/units', { parentId: h.districtId, kind: 'subdistrict', name: '城北街道办事处' });
      const com = await post('/api/v1/units', { parentId: sub.id, kind: 'community', name: '北关社区' });
      const large = await post('/api/v1/units', { parentId: com.id, kind: 'grid_large', name: '北关社区第1网格' });
      await post('/api/v1/units', { parentId: large.id, kind: 'grid_small', name: '北关社区第1网格-1' });
      await post(`/api/v1/units/${large.id}/boundaries`, {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '北关社区第1网格-1' }, geometry: square(114.6, 33.6, 114.61, 33.61) },
        ],
      });
      key = (await post('/api/v1/open311/api-keys', { name: '周口市民通' })).key;
    });
    afterAll(async () => h?.close());

    it('lists the categories as services, grouped by 大类', async () => {
      const r = await h.call('GET', '/open311/v2/services.json');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toContainEqual(
        expect.objectContaining({
          service_code: '0102',
          service_name: '暴露垃圾',
          group: '市容环境',
          type: 'realtime',
          metadata: false,
        }),
      );
    });

    it('takes a citizen report into the ledger as an open311 case in its grid, and reports its status', async () => {
      const r = await form('/open311/v2/requests.json', [
        ['api_key', key],
        ['service_code', '0102'],
        ['lat', '33.605'],
        ['long', '114.605'],
        ['description', '小区门口垃圾堆放多日'],
      ]);
      expect(r.statusCode, r.body).toBe(200);
      const id = r.json()[0].service_request_id;
      expect(id).toMatch(/^411602-\d{8}-\d{4}$/);
      const ledger = await h.call('GET', `/api/v1/cases?q=${id}`, { cookie: admin });
      expect(ledger.json().items[0]).toMatchObject({
        caseNumber: id,
        source: 'open311',
        status: 'reported',
        gridName: '北关社区第1网格-1',
      });
      const xml = await h.call('GET', `/open311/v2/requests/${id}.xml`);
      expect(xml.headers['content-type']).toMatch(/text\/xml/);
      expect(xml.body).toContain(`<service_request_id>${id}</service_request_id>`);
      expect(xml.body).toContain('<status>open</status>');
      const caseId = ledger.json().items[0].id;
      const rej = await h.call('POST', `/api/v1/cases/${caseId}/actions`, {
        cookie: admin,
        body: { type: 'escalate_district' },
      });
      expect(rej.statusCode, rej.body).toBe(200);
      await h.call('POST', `/api/v1/cases/${caseId}/actions`, {
        cookie: admin,
        body: { type: 'reject', payload: { reason: '已由物业清理' } },
      });
      const closed = (await h.call('GET', `/open311/v2/requests/${id}.json`)).json()[0];
      expect(closed).toMatchObject({ status: 'closed' });
      expect(closed.status_notes).toContain('已由物业清理');
    });

    it('refuses a report without a valid api_key with 403 and writes nothing', async () => {
      const before = (await h.call('GET', '/api/v1/cases', { cookie: admin })).json().items.length;
      const r = await form('/open311/v2/requests.json', [
        ['api_key', 'wrong'],
        ['service_code', '0102'],
        ['lat', '33.605'],
        ['long', '114.605'],
      ]);
      expect(r.statusCode).toBe(403);
      expect((await h.call('GET', '/api/v1/cases', { cookie: admin })).json().items.length).toBe(before);
    });
  });
}
