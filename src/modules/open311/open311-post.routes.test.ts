import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../kernel/db/test-databases.js';
import { openOpen311Kit, type Open311Kit } from './test-kit.js';

const URL_JSON = '/open311/v2/requests.json';
const URL_XML = '/open311/v2/requests.xml';
const KEYS = '/api/v1/open311/api-keys';
const place: [string, string][] = [
  ['lat', '33.6251'],
  ['long', '114.6492'],
];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: Open311 POST requests and API keys`, () => {
    let k: Open311Kit;
    let key: { id: string; key: string };
    let gridWorker: string;
    beforeAll(async () => {
      k = await openOpen311Kit(tdb);
      key = await k.issueKey('i周口市民端');
      const sub = await k.h.call('POST', '/api/v1/units', {
        cookie: k.admin,
        body: { parentId: k.h.districtId, kind: 'subdistrict', name: '城北街道办事处' },
      });
      const acc = await k.h.call('POST', '/api/v1/accounts', {
        cookie: k.admin,
        body: { username: 'gw01', displayName: '网格员', unitId: sub.json().id, roles: ['grid_worker'] },
      });
      const temp = acc.json().temporaryPassword;
      gridWorker = await k.h.login('gw01', temp);
      await k.h.call('POST', '/api/v1/auth/change-password', {
        cookie: gridWorker,
        body: { currentPassword: temp, newPassword: 'Grid12345' },
      });
    });
    afterAll(async () => k?.h.close());

    it('issues a key once, stores only its hash and audits it', async () => {
      expect(key.key).toMatch(/^o311_[\w-]{43}$/);
      const rows = await k.h.database.db.selectFrom('open311_api_keys').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(key.key);
      expect(rows[0]).toMatchObject({ name: 'i周口市民端', district_code: '411602', revoked_at: null });
      const audit = await k.h.database.db
        .selectFrom('audit_events')
        .select(['action', 'entity_id'])
        .where('action', 'like', 'open311.%')
        .execute();
      expect(audit).toEqual([{ action: 'open311.api_key_create', entity_id: key.id }]);
      const list = await k.h.call('GET', KEYS, { cookie: k.admin });
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({ id: key.id, name: 'i周口市民端', revokedAt: null, lastUsedAt: null }),
      ]);
      expect(list.body).not.toContain(key.key);
      const again = await k.h.call('POST', KEYS, { cookie: k.admin, body: { name: 'i周口市民端' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('open311.api_key_name_taken');
    });

    it('keeps the key endpoints to integration.write', async () => {
      const revokeUrl = `${KEYS}/${key.id}/revoke`;
      for (const [method, url, body] of [
        ['POST', KEYS, { name: 'x' }],
        ['GET', KEYS, undefined],
        ['POST', revokeUrl, undefined],
      ] as const) {
        const denied = await k.h.call(method, url, { cookie: gridWorker, body });
        expect(denied.statusCode, `${method} ${url}`).toBe(403);
        expect(denied.json().code).toBe('auth.permission_denied');
        expect((await k.h.call(method, url, { body })).statusCode, `${method} ${url}`).toBe(401);
      }
      expect((await k.h.call('POST', KEYS, { cookie: k.admin, body: { name: ' ' } })).statusCode).toBe(400);
    });

    it('creates a request from a form post and answers with its id in JSON and XML', async () => {
      const res = await k.post(URL_JSON, [
        ['api_key', key.key],
        ['service_code', '0102'],
        ...place,
        ['description', '七一路口有垃圾\n已堆放两天'],
        ['account_id', 'citizen-7'],
        ['attribute[AMOUNT]', 'large'],
        ['attribute[KINDS][]', 'household'],
        ['attribute[KINDS][]', 'construction'],
        ['attribute[SEEN_AT]', '2026-11-30T08:00:00+08:00'],
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toEqual([
        {
          service_request_id: '411602-20261130-0001',
          service_notice: '将在 2 个工作日内处置',
          account_id: 'citizen-7',
        },
      ]);
      const { client, input } = k.backend.created.at(-1)!;
      expect(client).toEqual({ apiKeyId: key.id, name: 'i周口市民端', districtCode: '411602' });
      expect(input).toMatchObject({
        service_code: '0102',
        lat: 33.6251,
        long: 114.6492,
        description: '七一路口有垃圾\n已堆放两天',
        attributes: { AMOUNT: 'large', KINDS: ['household', 'construction'], SEEN_AT: '2026-11-30T08:00:00+08:00' },
      });
      const row = await k.h.database.db
        .selectFrom('open311_api_keys')
        .select('last_used_at')
        .where('id', '=', key.id)
        .executeTakeFirstOrThrow();
      expect(row.last_used_at).toBe('2026-11-30T02:00:00.000Z');

      const xml = await k.post(URL_XML, [
        ['api_key', key.key],
        ['service_code', '0101'],
        ['address_string', '川汇区七一路 12 号'],
      ]);
      expect(xml.statusCode).toBe(200);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(xml.body).toBe(
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<service_requests>',
          '  <request>',
          '    <service_request_id>411602-20261130-0002</service_request_id>',
          '    <service_notice>将在 2 个工作日内处置</service_notice>',
          '    <account_id/>',
          '  </request>',
          '</service_requests>',
          '',
        ].join('\n'),
      );
      expect((await k.get('/open311/v2/requests/411602-20261130-0002.json')).json()[0]).toMatchObject({
        address: '川汇区七一路 12 号',
        status: 'open',
      });
    });

    it('answers a batch service with a token that GET tokens resolves later', async () => {
      const res = await k.post(URL_JSON, [
        ['api_key', key.key],
        ['service_code', '5001'],
        ['address_id', 'ADDR-1'],
      ]);
      expect(res.statusCode).toBe(200);
      const [{ token, ...rest }] = res.json();
      expect(rest).toEqual({ service_notice: null, account_id: null });
      expect((await k.get(`/open311/v2/tokens/${token}.json`)).json()).toEqual([{ service_request_id: null, token }]);
    });

    it('accepts the api_key in the query string too, and a form without a charset', async () => {
      const res = await k.post(
        `${URL_JSON}?api_key=${encodeURIComponent(key.key)}`,
        [['service_code', '0101'], ...place],
        { 'content-type': 'application/x-www-form-urlencoded' },
      );
      expect(res.statusCode).toBe(200);
    });

    it('refuses a missing or invalid api_key with 403 before looking at anything else', async () => {
      const missing = await k.post(URL_XML, [['service_code', 'nope']]);
      expect(missing.statusCode).toBe(403);
      expect(missing.body).toContain(
        '<code>403</code>\n    <description>api_key is missing: creating a service request needs an API key from the district</description>',
      );
      const bad = await k.post(URL_JSON, [['api_key', 'o311_guess'], ['service_code', '0101'], ...place]);
      expect(bad.statusCode).toBe(403);
      expect(bad.json()).toEqual([{ code: 403, description: 'api_key is invalid' }]);
      expect((await k.post(URL_JSON, [['api_key', ''], ['service_code', '0101'], ...place])).statusCode).toBe(403);
    });

    it('refuses bad parameters with 400, listing every problem, and an unknown service_code with 404', async () => {
      const res = await k.post(URL_JSON, [
        ['api_key', key.key],
        ['lat', '91'],
        ['long', '114'],
        ['description', '垃'.repeat(4001)],
        ['colour', 'red'],
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: 'unknown parameter colour' }]);
      const many = await k.post(URL_JSON, [
        ['api_key', key.key],
        ['lat', '91'],
        ['long', '114'],
        ['description', '垃'.repeat(4001)],
      ]);
      expect(many.json()).toEqual([
        { code: 400, description: 'service_code is required' },
        { code: 400, description: 'lat must be a number between -90 and 90 (WGS-84 degrees)' },
        { code: 400, description: 'description may have at most 4000 characters' },
      ]);
      expect(
        (
          await k.post(URL_JSON, [
            ['api_key', key.key],
            ['service_code', '0101'],
          ])
        ).json(),
      ).toEqual([{ code: 400, description: 'a location is required: lat and long, address_string or address_id' }]);
      const attr = await k.post(URL_XML, [
        ['api_key', key.key],
        ['service_code', '0102'],
        ...place,
        ['attribute[AMOUNT]', 'huge'],
      ]);
      expect(attr.statusCode).toBe(400);
      expect(attr.body).toContain('<description>attribute[AMOUNT]: huge is not a value of the list</description>');
      const unknown = await k.post(URL_JSON, [['api_key', key.key], ['service_code', '9999'], ...place]);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual([{ code: 404, description: 'service_code 9999 was not found' }]);
      const other = await k.post(URL_JSON, [
        ['api_key', key.key],
        ['jurisdiction_id', 'sfgov.org'],
        ['service_code', '0101'],
        ...place,
      ]);
      expect(other.statusCode).toBe(404);
    });

    it('takes only form-encoded bodies', async () => {
      const res = await k.h.call('POST', URL_JSON, {
        body: { api_key: key.key, service_code: '0101', lat: 33.6, long: 114.6 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual([
        { code: 400, description: 'the request body must be application/x-www-form-urlencoded; charset=utf-8' },
      ]);
    });

    it('stops accepting a revoked key; revoking again changes nothing', async () => {
      const before = k.backend.created.length;
      const revoked = await k.h.call('POST', `${KEYS}/${key.id}/revoke`, { cookie: k.admin });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ id: key.id, revokedAt: '2026-11-30T02:00:00.000Z' });
      expect((await k.h.call('POST', `${KEYS}/${key.id}/revoke`, { cookie: k.admin })).json().revokedAt).toBe(
        '2026-11-30T02:00:00.000Z',
      );
      const audit = await k.h.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'open311.api_key_revoke')
        .execute();
      expect(audit).toHaveLength(1);
      const res = await k.post(URL_JSON, [['api_key', key.key], ['service_code', '0101'], ...place]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual([{ code: 403, description: 'api_key has been revoked' }]);
      expect(k.backend.created).toHaveLength(before);
      const unknown = await k.h.call('POST', `${KEYS}/01900000-0000-7000-8000-000000000000/revoke`, {
        cookie: k.admin,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });
}
