import { describe, expect, it } from 'vitest';
import { formatNumber, list, object, toJson, toXml, value, xmlText } from './open311.document.js';
import {
  presentCreated,
  presentDiscovery,
  presentErrors,
  presentRequests,
  presentServiceDefinition,
  presentServices,
  presentToken,
} from './open311.presenter.js';
import { SAMPLE_SERVICES } from './memory-backend.js';
import type { Open311Request } from './open311.types.js';

const CST = 8 * 3600_000;

const request: Open311Request = {
  service_request_id: '411602-20261130-0001',
  status: 'closed',
  status_notes: '已结案',
  service_name: '暴露垃圾',
  service_code: '0102',
  description: '路口 <东侧> 有垃圾 & 杂物',
  agency_responsible: '川汇区城市管理局',
  service_notice: null,
  requested_datetime: new Date('2026-11-30T02:00:00Z'),
  updated_datetime: new Date('2026-11-30T09:30:15Z'),
  expected_datetime: null,
  address: '七一路与八一路交叉口',
  address_id: null,
  zipcode: '466000',
  lat: 33.625,
  long: 114.6492,
  media_url: null,
};

describe('the document model', () => {
  it('escapes markup and replaces characters XML cannot carry', () => {
    expect(xmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(xmlText('line\r\nbreak\ttab')).toBe('line&#13;\nbreak\ttab');
    expect(xmlText('bell\u0007 nul\u0000 lone\uD800 ok中文😀')).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok中文😀');
  });

  it('writes an XML declaration, nested elements and empty elements for null', () => {
    const doc = object('root', [
      value('a', 'x'),
      value('b', null),
      value('c', true),
      value('d', 1.5),
      list('items', [value('item', 'y')]),
      list('none', []),
    ]);
    expect(toXml(doc)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<root>',
        '  <a>x</a>',
        '  <b/>',
        '  <c>true</c>',
        '  <d>1.5</d>',
        '  <items>',
        '    <item>y</item>',
        '  </items>',
        '  <none/>',
        '</root>',
        '',
      ].join('\n'),
    );
  });

  it('maps to JSON by the Spark convention: containers become arrays even with one child, the root name is dropped', () => {
    expect(toJson(list('services', [object('service', [value('service_code', '01')])]))).toEqual([
      { service_code: '01' },
    ]);
    expect(toJson(object('d', [list('formats', [value('format', 'text/xml')]), value('x', null)]))).toEqual({
      formats: ['text/xml'],
      x: null,
    });
    expect(toJson(list('errors', []))).toEqual([]);
  });

  it('never writes a number with an exponent', () => {
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(-114.6492)).toBe('-114.6492');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('the GeoReport v2 documents', () => {
  it('lists services with metadata true only when there is a definition, keywords comma-separated', () => {
    const json = toJson(presentServices(SAMPLE_SERVICES)) as Record<string, unknown>[];
    expect(json[0]).toEqual({
      service_code: '0101',
      service_name: '私搭乱建',
      description: '未经批准搭建的建筑物、构筑物',
      metadata: false,
      type: 'realtime',
      keywords: '违建, 乱搭',
      group: '市容环境',
    });
    expect(json[1]).toMatchObject({ service_code: '0102', metadata: true, keywords: null });
    const xml = toXml(presentServices(SAMPLE_SERVICES));
    expect(xml).toContain('<services>\n  <service>\n    <service_code>0101</service_code>');
    expect(xml).toContain('<description>道路、绿地上的暴露垃圾 &amp; 积存物</description>');
    expect(xml).toContain('<metadata>true</metadata>');
  });

  it('writes a service definition with values only for the list datatypes, in attribute order', () => {
    const def = toJson(presentServiceDefinition(SAMPLE_SERVICES[1])) as {
      service_code: string;
      attributes: Record<string, unknown>[];
    };
    expect(def.service_code).toBe('0102');
    expect(def.attributes.map((a) => a.code)).toEqual(['AMOUNT', 'KINDS', 'NOTE', 'SEEN_AT', 'BAGS', 'PLATE']);
    expect(def.attributes[0]).toEqual({
      variable: true,
      code: 'AMOUNT',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: '垃圾量',
      values: [
        { key: 'small', name: '少量（一袋以内）' },
        { key: 'large', name: '大量' },
      ],
    });
    expect(def.attributes[2]).not.toHaveProperty('values');
    const xml = toXml(presentServiceDefinition(SAMPLE_SERVICES[1]));
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<service_definition>\n  <service_code>0102<\/service_code>\n  <attributes>\n    <attribute>\n      <variable>true<\/variable>/,
    );
    expect(xml).toContain(
      '<values>\n        <value>\n          <key>small</key>\n          <name>少量（一袋以内）</name>\n        </value>',
    );
    expect(xml).toContain('<datatype_description/>');
    expect(toJson(presentServiceDefinition(SAMPLE_SERVICES[0]))).toEqual({ service_code: '0101', attributes: [] });
  });

  it('writes requests with every field in the spec order and times with the district offset', () => {
    const [r] = toJson(presentRequests([request], CST)) as Record<string, unknown>[];
    expect(Object.keys(r)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(r).toMatchObject({
      requested_datetime: '2026-11-30T10:00:00+08:00',
      updated_datetime: '2026-11-30T17:30:15+08:00',
      expected_datetime: null,
      lat: 33.625,
      long: 114.6492,
    });
    const xml = toXml(presentRequests([request], CST));
    expect(xml).toContain(
      '<service_requests>\n  <request>\n    <service_request_id>411602-20261130-0001</service_request_id>\n    <status>closed</status>',
    );
    expect(xml).toContain('<description>路口 &lt;东侧&gt; 有垃圾 &amp; 杂物</description>');
    expect(xml).toContain('<requested_datetime>2026-11-30T10:00:00+08:00</requested_datetime>');
    expect(xml).toContain('<long>114.6492</long>');
    expect(xml).toContain('<media_url/>');
    expect(toXml(presentRequests([], CST))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests/>\n');
  });

  it('answers a new request with its id or its token, never both', () => {
    expect(
      toJson(presentCreated({ serviceRequestId: '411602-20261130-0001', token: 'T1', serviceNotice: '两日内处置' })),
    ).toEqual([{ service_request_id: '411602-20261130-0001', service_notice: '两日内处置', account_id: null }]);
    expect(toJson(presentCreated({ serviceRequestId: null, token: 'T1' }))).toEqual([
      { token: 'T1', service_notice: null, account_id: null },
    ]);
    expect(toXml(presentCreated({ serviceRequestId: null, token: 'T1', accountId: 'u1' }))).toContain(
      '<request>\n    <token>T1</token>\n    <service_notice/>\n    <account_id>u1</account_id>\n  </request>',
    );
    expect(toJson(presentToken({ token: 'T1', serviceRequestId: null }))).toEqual([
      { service_request_id: null, token: 'T1' },
    ]);
  });

  it('writes the spec error list', () => {
    const doc = presentErrors([
      { code: 403, description: 'api_key is invalid' },
      { code: 403, description: 'a & b' },
    ]);
    expect(toXml(doc)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<errors>',
        '  <error>',
        '    <code>403</code>',
        '    <description>api_key is invalid</description>',
        '  </error>',
        '  <error>',
        '    <code>403</code>',
        '    <description>a &amp; b</description>',
        '  </error>',
        '</errors>',
        '',
      ].join('\n'),
    );
    expect(toJson(doc)).toEqual([
      { code: 403, description: 'api_key is invalid' },
      { code: 403, description: 'a & b' },
    ]);
  });

  it('writes discovery with both formats', () => {
    const doc = presentDiscovery(
      {
        changeset: new Date('2026-11-29T06:00:00Z'),
        contact: 'c',
        keyService: 'k',
        url: 'https://x/open311/v2',
        type: 'production',
      },
      CST,
    );
    expect(toJson(doc)).toEqual({
      changeset: '2026-11-29T14:00:00+08:00',
      contact: 'c',
      key_service: 'k',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://x/open311/v2',
          changeset: '2026-11-29T14:00:00+08:00',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(toXml(doc)).toContain(
      '<endpoints>\n    <endpoint>\n      <specification>http://wiki.open311.org/GeoReport_v2</specification>',
    );
  });
});
