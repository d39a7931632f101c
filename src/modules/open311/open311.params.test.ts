import { describe, expect, it } from 'vitest';
import { Open311Error } from './open311.errors.js';
import {
  checkParams,
  listParam,
  MAX_REQUESTS,
  parseNewRequest,
  parseParams,
  parseRequestsQuery,
  type Params,
} from './open311.params.js';

const CST = 8 * 3600_000;
const NOW = new Date('2026-11-30T02:00:00Z');
const DAY = 86_400_000;

/** The error descriptions a call throws (or [] when it passes). */
function problems(f: () => unknown): string[] {
  try {
    f();
    return [];
  } catch (e) {
    if (e instanceof Open311Error) return e.descriptions;
    throw e;
  }
}

const query = (qs: string) => parseRequestsQuery(parseParams(qs), NOW, CST);
const form = (pairs: [string, string][]) => parseParams(new URLSearchParams(pairs).toString());
const base: [string, string][] = [
  ['api_key', 'k'],
  ['service_code', '0102'],
  ['lat', '33.62'],
  ['long', '114.65'],
];

describe('form-encoded parameters', () => {
  it('keeps repeated names in order and decodes percent-escapes and +', () => {
    const p = parseParams('a=1&b=x+y&a=2', 'c=%E4%B8%AD%26&attribute%5BK%5D%5B%5D=v');
    expect([...p]).toEqual([
      ['a', ['1', '2']],
      ['b', ['x y']],
      ['c', ['中&']],
      ['attribute[K][]', ['v']],
    ]);
  });

  it('refuses unknown names and single-valued names given twice, listing each', () => {
    const p: Params = new Map([
      ['x', ['1']],
      ['a', ['1', '2']],
      ['b', ['1', '']],
    ]);
    expect(problems(() => checkParams(p, ['a', 'b']))).toEqual(['unknown parameter x', 'a may be given only once']);
  });

  it('splits comma-delimited lists that may also repeat', () => {
    expect(listParam(parseParams('s=open,%20closed&s=open&s='), 's')).toEqual(['open', 'closed']);
  });
});

describe('GET requests parameters', () => {
  it('defaults to the most recent 90 days and at most 1,000 requests', () => {
    expect(query('')).toEqual({ start: new Date(NOW.getTime() - 90 * DAY), end: NOW, limit: MAX_REQUESTS });
  });

  it('treats empty parameters as absent', () => {
    expect(query('start_date=&end_date=&status=&service_code=&service_request_id=')).toEqual(query(''));
  });

  it('extends a window given by one end 90 days from it', () => {
    expect(query('start_date=2026-01-01T00:00:00Z')).toMatchObject({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    });
    expect(query('end_date=2026-04-01T00:00:00Z')).toMatchObject({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    });
  });

  it('allows a span of exactly 90 days and refuses a longer one', () => {
    expect(query('start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z').end).toEqual(
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(problems(() => query('start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:01Z'))).toEqual([
      'start_date and end_date may not span more than 90 days',
    ]);
    expect(problems(() => query('start_date=2026-01-01&end_date=2026-03-31'))).toEqual([]);
    expect(problems(() => query('start_date=2026-01-01&end_date=2026-04-01'))).toEqual([
      'start_date and end_date may not span more than 90 days',
    ]);
  });

  it('reads a date alone as whole local days, end_date inclusive', () => {
    expect(query('start_date=2026-11-01&end_date=2026-11-30')).toMatchObject({
      start: new Date('2026-10-31T16:00:00.000Z'),
      end: new Date('2026-11-30T15:59:59.999Z'),
    });
  });

  it('refuses an end before the start, bad datetimes and datetimes without a zone', () => {
    expect(problems(() => query('start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'))).toEqual([
      'end_date is before start_date',
    ]);
    expect(problems(() => query('start_date=2026-11-01T00:00:00&end_date=soon'))).toEqual([
      'start_date needs a time zone (Z or ±hh:mm), e.g. 2026-11-30T00:00:00+08:00',
      'end_date is not a W3C datetime such as 2026-11-30T00:00:00+08:00 or 2026-11-30',
    ]);
  });

  it('filters by comma-separated statuses and service codes, and refuses an unknown status', () => {
    expect(query('status=open,closed&service_code=0101,0102&service_code=5001')).toMatchObject({
      statuses: ['open', 'closed'],
      serviceCodes: ['0101', '0102', '5001'],
    });
    expect(problems(() => query('status=open,pending'))).toEqual(['status pending is not open or closed']);
  });

  it('lets service_request_id override every other argument, even invalid ones', () => {
    expect(
      query(
        'service_request_id=411602-20261130-0001,411602-20261130-0002&status=nope&start_date=bad&end_date=2020-01-01T00:00:00Z&start_date=x',
      ),
    ).toEqual({ ids: ['411602-20261130-0001', '411602-20261130-0002'], limit: MAX_REQUESTS });
    expect(problems(() => query('service_request_id=a%20b'))).toEqual(['service_request_id a b is not a valid id']);
  });

  it('refuses unknown parameters and a repeated start_date', () => {
    expect(problems(() => query('foo=1'))).toEqual(['unknown parameter foo']);
    expect(problems(() => query('start_date=2026-11-01&start_date=2026-11-02'))).toEqual([
      'start_date may be given only once',
    ]);
    expect(problems(() => query('jurisdiction_id=411602&api_key=k'))).toEqual([]);
  });
});

describe('POST requests parameters', () => {
  it('reads every field and the attributes in both forms', () => {
    const r = parseNewRequest(
      form([
        ...base,
        ['address_string', ' 七一路 12 号 '],
        ['address_id', 'A1'],
        ['email', 'a@b.cn'],
        ['device_id', 'd1'],
        ['account_id', 'u1'],
        ['first_name', '小明'],
        ['last_name', '王'],
        ['phone', '+86 138-0013-8000'],
        ['description', '第一行\n第二行'],
        ['media_url', 'https://img.example.cn/1.jpg'],
        ['attribute[AMOUNT]', 'small'],
        ['attribute[KINDS][]', 'household'],
        ['attribute[KINDS][]', 'hazardous'],
        ['attribute[EMPTY]', ''],
      ]),
    );
    expect(r.input).toEqual({
      service_code: '0102',
      lat: 33.62,
      long: 114.65,
      address_string: '七一路 12 号',
      address_id: 'A1',
      description: '第一行\n第二行',
      media_url: 'https://img.example.cn/1.jpg',
      email: 'a@b.cn',
      device_id: 'd1',
      account_id: 'u1',
      first_name: '小明',
      last_name: '王',
      phone: '+86 138-0013-8000',
    });
    expect([...r.attributes]).toEqual([
      ['AMOUNT', { values: ['small'], bracketed: false }],
      ['KINDS', { values: ['household', 'hazardous'], bracketed: true }],
      ['EMPTY', { values: [], bracketed: false }],
    ]);
  });

  it('needs a service_code and a location: lat and long, address_string or address_id', () => {
    expect(problems(() => parseNewRequest(form([['api_key', 'k']])))).toEqual([
      'service_code is required',
      'a location is required: lat and long, address_string or address_id',
    ]);
    expect(
      problems(() =>
        parseNewRequest(
          form([
            ['service_code', '0101'],
            ['address_string', '七一路'],
          ]),
        ),
      ),
    ).toEqual([]);
    expect(
      problems(() =>
        parseNewRequest(
          form([
            ['service_code', '0101'],
            ['address_id', 'A1'],
          ]),
        ),
      ),
    ).toEqual([]);
    expect(
      problems(() =>
        parseNewRequest(
          form([
            ['service_code', '0101'],
            ['lat', '33.6'],
            ['address_string', '七一路'],
          ]),
        ),
      ),
    ).toEqual(['lat and long must be sent together']);
  });

  it('checks latitude and longitude ranges', () => {
    const at = (lat: string, long: string) =>
      problems(() =>
        parseNewRequest(
          form([
            ['service_code', '0101'],
            ['lat', lat],
            ['long', long],
          ]),
        ),
      );
    expect(at('90', '-180')).toEqual([]);
    expect(at('-90.0', '180.000')).toEqual([]);
    expect(at('90.0001', '0')).toEqual(['lat must be a number between -90 and 90 (WGS-84 degrees)']);
    expect(at('0', '-180.5')).toEqual(['long must be a number between -180 and 180 (WGS-84 degrees)']);
    expect(at('1e1', 'east')).toEqual([
      'lat must be a number between -90 and 90 (WGS-84 degrees)',
      'long must be a number between -180 and 180 (WGS-84 degrees)',
    ]);
  });

  it('limits the description to 4,000 characters (not UTF-16 units) and refuses HTML', () => {
    const desc = (d: string) => problems(() => parseNewRequest(form([...base, ['description', d]])));
    expect(desc('垃'.repeat(4000))).toEqual([]);
    expect(desc('😀'.repeat(4000))).toEqual([]);
    expect(desc('垃'.repeat(4001))).toEqual(['description may have at most 4000 characters']);
    expect(desc('看这里 <a href="x">链接</a>')).toEqual(['description may contain line breaks but no HTML or code']);
    expect(desc('<script>alert(1)</script>')).toEqual(['description may contain line breaks but no HTML or code']);
    expect(desc('温度 < 5 度且 > 0 度')).toEqual([]);
    expect(desc('bell\u0007')).toEqual(['description contains control characters']);
  });

  it('checks the contact fields and media_url', () => {
    expect(
      problems(() =>
        parseNewRequest(
          form([
            ...base,
            ['email', 'not-mail'],
            ['phone', 'call me'],
            ['media_url', 'javascript:alert(1)'],
            ['first_name', '名'.repeat(51)],
          ]),
        ),
      ),
    ).toEqual([
      'email is not an email address',
      'phone is not a phone number',
      'media_url must be an absolute http or https URL',
      'first_name may have at most 50 characters',
    ]);
  });

  it('refuses unknown parameters, malformed attribute names and repeated fields', () => {
    expect(
      problems(() =>
        parseNewRequest(
          form([...base, ['service_name', 'x'], ['attribute[]', 'x'], ['attribute[A][B]', 'x'], ['lat', '1']]),
        ),
      ),
    ).toEqual([
      'lat may be given only once',
      'unknown parameter service_name',
      'unknown parameter attribute[]',
      'unknown parameter attribute[A][B]',
    ]);
  });
});
