import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../kernel/db/test-databases.js';
import type { Open311Request } from './open311.types.js';
import { openOpen311Kit, type Open311Kit } from './test-kit.js';

const V2 = '/open311/v2';
const HOUR = 3600_000;
// The harness clock stands at 2026-11-30T02:00:00Z (10:00 in the district).
const NOW = new Date('2026-11-30T02:00:00Z').getTime();

function req(id: string, code: string, status: 'open' | 'closed', hoursAgo: number): Open311Request {
  const at = new Date(NOW - hoursAgo * HOUR);
  return {
    service_request_id: id,
    status,
    status_notes: status === 'closed' ? '已结案' : '处置中',
    service_name: code === '0101' ? '私搭乱建' : '暴露垃圾',
    service_code: code,
    description: `案件 ${id}`,
    agency_responsible: '川汇区城市管理局',
    service_notice: null,
    requested_datetime: at,
    updated_datetime: at,
    expected_datetime: new Date(at.getTime() + 48 * HOUR),
    address: '七一路',
    address_id: null,
    zipcode: null,
    lat: 33.62,
    long: 114.65,
    media_url: null,
  };
}

const ids = (res: { json(): unknown }) =>
  (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: Open311 GeoReport v2 read endpoints`, () => {
    let k: Open311Kit;
    beforeAll(async () => {
      k = await openOpen311Kit(tdb);
      k.backend.add(req('R-1', '0101', 'open', 1));
      k.backend.add(req('R-2', '0102', 'closed', 24 * 10));
      k.backend.add(req('R-3', '0102', 'open', 24 * 89));
      k.backend.add(req('R-4', '0101', 'closed', 24 * 91));
      k.backend.tokens.set('T-9', 'R-1');
    });
    afterAll(async () => k?.h.close());

    it('serves discovery in XML and JSON with the spec content types', async () => {
      const xml = await k.get(`${V2}/discovery.xml`);
      expect(xml.statusCode).toBe(200);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(xml.body).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<discovery>\n {2}<changeset>2026-11-29T14:00:00\+08:00<\/changeset>/,
      );
      expect(xml.body).toContain('<url>http://localhost:8080/open311/v2</url>');
      const json = await k.get(`${V2}/discovery.json`);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.json().endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      });
      // A change to the services or their definitions moves the changeset, so clients refresh their caches.
      k.backend.changedAt = new Date('2026-11-30T01:00:00Z');
      expect((await k.get(`${V2}/discovery.json`)).json().changeset).toBe('2026-11-30T09:00:00+08:00');
      k.backend.changedAt = null;
    });

    it('lists the services in XML and JSON', async () => {
      const xml = await k.get(`${V2}/services.xml`);
      expect(xml.statusCode).toBe(200);
      expect(xml.body).toContain(
        '<service>\n    <service_code>0102</service_code>\n    <service_name>暴露垃圾</service_name>',
      );
      const json = await k.get(`${V2}/services.json?jurisdiction_id=411602`);
      expect(json.json().map((s: { service_code: string }) => s.service_code)).toEqual(['0101', '0102', '5001']);
      expect(json.json()[1]).toMatchObject({ metadata: true, group: '市容环境', type: 'realtime' });
    });

    it('serves a service definition in XML and JSON, and 404 for an unknown service_code', async () => {
      const xml = await k.get(`${V2}/services/0102.xml`);
      expect(xml.statusCode).toBe(200);
      expect(xml.body).toContain('<service_definition>\n  <service_code>0102</service_code>\n  <attributes>');
      const json = await k.get(`${V2}/services/0102.json`);
      expect(json.json().attributes[1]).toMatchObject({
        code: 'KINDS',
        datatype: 'multivaluelist',
        values: [
          { key: 'household', name: '生活垃圾' },
          { key: 'construction', name: '建筑垃圾' },
          { key: 'hazardous', name: '有害垃圾' },
        ],
      });
      const missing = await k.get(`${V2}/services/9999.json`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual([{ code: 404, description: 'service_code 9999 was not found' }]);
      const missingXml = await k.get(`${V2}/services/9999.xml`);
      expect(missingXml.statusCode).toBe(404);
      expect(missingXml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(missingXml.body).toContain(
        '<errors>\n  <error>\n    <code>404</code>\n    <description>service_code 9999 was not found</description>',
      );
    });

    it('lists the requests of the last 90 days by default, newest first, with zoned datetimes', async () => {
      const json = await k.get(`${V2}/requests.json`);
      expect(json.statusCode).toBe(200);
      expect(ids(json)).toEqual(['R-1', 'R-2', 'R-3']);
      expect(json.json()[0]).toMatchObject({
        status: 'open',
        requested_datetime: '2026-11-30T09:00:00+08:00',
        expected_datetime: '2026-12-02T09:00:00+08:00',
      });
      const xml = await k.get(`${V2}/requests.xml`);
      expect(xml.body).toContain('<service_requests>\n  <request>\n    <service_request_id>R-1</service_request_id>');
      expect(xml.body).toContain('<requested_datetime>2026-11-30T09:00:00+08:00</requested_datetime>');
    });

    it('filters by status, service_code and window', async () => {
      expect(ids(await k.get(`${V2}/requests.json?status=closed`))).toEqual(['R-2']);
      expect(ids(await k.get(`${V2}/requests.json?status=open,closed&service_code=0101`))).toEqual(['R-1']);
      expect(
        ids(await k.get(`${V2}/requests.json?start_date=2026-08-01T00:00:00%2B08:00&end_date=2026-10-01T00:00:00Z`)),
      ).toEqual(['R-3', 'R-4']);
      expect(ids(await k.get(`${V2}/requests.json?end_date=2026-11-20`))).toEqual(['R-2', 'R-3', 'R-4']);
    });

    it('lets service_request_id override every other argument', async () => {
      const res = await k.get(
        `${V2}/requests.json?service_request_id=R-4,R-1&status=open&start_date=2026-11-29T00:00:00Z`,
      );
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual(['R-1', 'R-4']);
      expect(k.backend.filters.at(-1)).toEqual({ ids: ['R-4', 'R-1'], limit: 1000 });
    });

    it('refuses a window over 90 days, bad dates and statuses with 400 in the requested format', async () => {
      const span = await k.get(`${V2}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`);
      expect(span.statusCode).toBe(400);
      expect(span.json()).toEqual([
        { code: 400, description: 'start_date and end_date may not span more than 90 days' },
      ]);
      const bad = await k.get(`${V2}/requests.xml?start_date=yesterday&status=pending`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('<description>status pending is not open or closed</description>');
      expect(bad.body).toContain(
        '<description>start_date is not a W3C datetime such as 2026-11-30T00:00:00+08:00 or 2026-11-30</description>',
      );
      expect((await k.get(`${V2}/requests.json?service_code=0101,7777`)).json()).toEqual([
        { code: 404, description: 'service_code 7777 was not found' },
      ]);
      expect((await k.get(`${V2}/requests.json?sort=desc`)).json()).toEqual([
        { code: 400, description: 'unknown parameter sort' },
      ]);
    });

    it('serves one request in XML and JSON as a one-element list, and 404 for an unknown id', async () => {
      const json = await k.get(`${V2}/requests/R-2.json`);
      expect(json.statusCode).toBe(200);
      expect(json.json()).toHaveLength(1);
      expect(json.json()[0]).toMatchObject({
        service_request_id: 'R-2',
        status: 'closed',
        status_notes: '已结案',
        service_code: '0102',
      });
      const xml = await k.get(`${V2}/requests/R-2.xml`);
      expect(xml.body).toContain('<service_request_id>R-2</service_request_id>\n    <status>closed</status>');
      const missing = await k.get(`${V2}/requests/R-404.xml`);
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('<description>service_request_id R-404 was not found</description>');
    });

    it('turns a token into its service_request_id, and 404 for an unknown token', async () => {
      expect((await k.get(`${V2}/tokens/T-9.json`)).json()).toEqual([{ service_request_id: 'R-1', token: 'T-9' }]);
      expect((await k.get(`${V2}/tokens/T-9.xml`)).body).toContain(
        '<request>\n    <service_request_id>R-1</service_request_id>\n    <token>T-9</token>',
      );
      const missing = await k.get(`${V2}/tokens/T-0.json`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual([{ code: 404, description: 'token T-0 was not found' }]);
    });

    it('refuses a missing or unknown format with a 400 error list', async () => {
      for (const url of [
        `${V2}/services`,
        `${V2}/services/0102`,
        `${V2}/requests`,
        `${V2}/discovery`,
        `${V2}/services.csv`,
        `${V2}/tokens/T-9.html`,
      ]) {
        const res = await k.get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type'], url).toBe('text/xml; charset=utf-8');
        expect(res.body, url).toMatch(/<description>(the format is missing|format \.\w+ is not supported)/);
      }
    });

    it('answers unknown resources with 404 and wrong methods with 400, never the console page', async () => {
      const nothing = await k.get(`${V2}/nothing.json`);
      expect(nothing.statusCode).toBe(404);
      expect(nothing.json()).toEqual([{ code: 404, description: 'no Open311 resource at /open311/v2/nothing.json' }]);
      expect((await k.get(V2)).statusCode).toBe(404);
      const put = await k.h.call('PUT', `${V2}/services.json`);
      expect(put.statusCode).toBe(400);
      expect(put.json()).toEqual([{ code: 400, description: 'PUT is not supported on /open311/v2/services.json' }]);
    });

    it('answers 404 for another jurisdiction_id and 400 for unknown parameters', async () => {
      const other = await k.get(`${V2}/services.json?jurisdiction_id=sfgov.org`);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual([
        { code: 404, description: 'jurisdiction_id sfgov.org was not found: this endpoint serves 411602' },
      ]);
      expect((await k.get(`${V2}/services/0101.json?jurisdiction_id=411602&api_key=x`)).statusCode).toBe(200);
      expect((await k.get(`${V2}/tokens/T-9.json?token=T-9`)).json()).toEqual([
        { code: 400, description: 'unknown parameter token' },
      ]);
    });
  });
}
