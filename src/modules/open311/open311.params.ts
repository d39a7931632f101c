import { DAY_MS } from '../../kernel/calendar/local-time.js';
import { hasNonXmlChar } from './open311.document.js';
import { badRequest } from './open311.errors.js';
import { parseDateTime } from './open311.time.js';
import type { Open311NewRequest, Open311RequestFilter } from './open311.types.js';

/*
 * Parameters of the Open311 methods, validated strictly and purely (no I/O): unknown parameters and
 * repeated single-valued ones are refused, and every problem of a request is reported at once.
 * Per the spec's "Optional Arguments", a parameter passed empty is the same as one not passed.
 */

/** name → its values in the order sent (a name may repeat). */
export type Params = Map<string, string[]>;

/** Form-encoded text (a query string or an x-www-form-urlencoded body); several are merged in order. */
export function parseParams(...encoded: string[]): Params {
  const out: Params = new Map();
  for (const text of encoded) {
    for (const [k, v] of new URLSearchParams(text)) {
      const values = out.get(k);
      if (values) values.push(v);
      else out.set(k, [v]);
    }
  }
  return out;
}

/** The parameters every method accepts: a single-jurisdiction endpoint may be sent both (api_key is ignored by GETs). */
export const COMMON_PARAMS = ['jurisdiction_id', 'api_key'];

/** Refuses unknown parameter names, and single-valued parameters given more than once. */
export function checkParams(
  p: Params,
  single: string[],
  multi: string[] = [],
  extra?: (name: string) => boolean,
): void {
  const problems: string[] = [];
  for (const [name, values] of p) {
    if (single.includes(name)) {
      if (values.filter((v) => v.trim() !== '').length > 1) problems.push(`${name} may be given only once`);
    } else if (!multi.includes(name) && !extra?.(name)) {
      problems.push(`unknown parameter ${name}`);
    }
  }
  if (problems.length) throw badRequest(...problems);
}

/** A single-valued parameter, trimmed; undefined when absent or empty. */
export function scalar(p: Params, name: string): string | undefined {
  return p
    .get(name)
    ?.map((x) => x.trim())
    .find((x) => x !== '');
}

/** A comma-delimited parameter that may also repeat: its distinct non-empty items. */
export function listParam(p: Params, name: string): string[] {
  const items = (p.get(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
export const MAX_IDS = 200;
/** Service request ids and tokens: case numbers (411602-20260806-0001), UUIDs and the like. */
export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const dateProblem = (name: string, reason: 'format' | 'zone') =>
  reason === 'zone'
    ? `${name} needs a time zone (Z or ±hh:mm), e.g. 2026-11-30T00:00:00+08:00`
    : `${name} is not a W3C datetime such as 2026-11-30T00:00:00+08:00 or 2026-11-30`;

/**
 * GET requests: service_request_id overrides every other argument; otherwise the window is
 * start_date..end_date, at most 90 days, by default the most recent 90 days, and a window given
 * by one end only extends 90 days from it. A date alone covers its whole (district-local) day.
 */
export function parseRequestsQuery(p: Params, now: Date, offsetMs: number): Open311RequestFilter {
  const single = [...COMMON_PARAMS, 'start_date', 'end_date'];
  const multi = ['service_request_id', 'service_code', 'status'];
  checkParams(p, [], [...single, ...multi]);
  const ids = listParam(p, 'service_request_id');
  if (ids.length) {
    const bad = ids.filter((id) => !ID_RE.test(id));
    if (bad.length) throw badRequest(...bad.map((id) => `service_request_id ${id} is not a valid id`));
    if (ids.length > MAX_IDS) throw badRequest(`at most ${MAX_IDS} service_request_id values at once`);
    return { ids, limit: MAX_REQUESTS };
  }
  checkParams(p, single, multi);
  const problems: string[] = [];
  const statuses = listParam(p, 'status');
  for (const s of statuses) if (s !== 'open' && s !== 'closed') problems.push(`status ${s} is not open or closed`);
  const bound = (name: 'start_date' | 'end_date'): Date | undefined => {
    const raw = scalar(p, name);
    if (raw === undefined) return undefined;
    const r = parseDateTime(raw, offsetMs, { endOfDay: name === 'end_date' });
    if (r.ok) return r.date;
    problems.push(dateProblem(name, r.reason));
    return undefined;
  };
  const span = MAX_SPAN_DAYS * DAY_MS;
  let start = bound('start_date');
  let end = bound('end_date');
  if (problems.length) throw badRequest(...problems);
  if (!start && !end) end = now;
  if (!start) start = new Date(end!.getTime() - span);
  if (!end) end = new Date(start.getTime() + span);
  if (end < start) problems.push('end_date is before start_date');
  else if (end.getTime() - start.getTime() > span)
    problems.push(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);
  if (problems.length) throw badRequest(...problems);
  const serviceCodes = listParam(p, 'service_code');
  return {
    ...(serviceCodes.length ? { serviceCodes } : {}),
    start,
    end,
    ...(statuses.length ? { statuses: statuses as ('open' | 'closed')[] } : {}),
    limit: MAX_REQUESTS,
  };
}

export const MAX_DESCRIPTION = 4000;
const ATTRIBUTE_RE = /^attribute\[([^[\]]+)\](\[\])?$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9][0-9 ()\-.]{2,29}$/;
// The spec: the description "may contain line breaks, but not html or code".
const HTML_RE = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--|<\?|<!\[CDATA\[/i;

const POST_PARAMS = [
  ...COMMON_PARAMS,
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;

const MAX_LENGTH: Partial<Record<(typeof POST_PARAMS)[number], number>> = {
  service_code: 64,
  address_string: 200,
  address_id: 100,
  email: 254,
  device_id: 100,
  account_id: 100,
  first_name: 50,
  last_name: 50,
  phone: 30,
  media_url: 2000,
  description: MAX_DESCRIPTION,
};

/** attribute[code]=v or attribute[code][]=v (a multivaluelist), as sent. */
export interface RawAttribute {
  values: string[];
  /** Sent in the attribute[code][] form. */
  bracketed: boolean;
}

export interface ParsedNewRequest {
  input: Omit<Open311NewRequest, 'attributes'>;
  attributes: Map<string, RawAttribute>;
}

/** POST requests: every parameter but the attributes, which need the service definition (see open311.attributes.ts). */
export function parseNewRequest(p: Params): ParsedNewRequest {
  checkParams(p, [...POST_PARAMS], [], (name) => ATTRIBUTE_RE.test(name));
  const problems: string[] = [];
  const text = (name: (typeof POST_PARAMS)[number]): string | null => {
    const v = scalar(p, name);
    if (v === undefined) return null;
    const max = MAX_LENGTH[name];
    if (hasNonXmlChar(v)) problems.push(`${name} contains control characters`);
    else if (max !== undefined && [...v].length > max) problems.push(`${name} may have at most ${max} characters`);
    return v;
  };
  const serviceCode = text('service_code');
  if (serviceCode === null) problems.push('service_code is required');
  const coordinate = (name: 'lat' | 'long', limit: number): number | null => {
    const v = scalar(p, name);
    if (v === undefined) return null;
    const n = NUMBER_RE.test(v) ? Number(v) : NaN;
    if (!(Math.abs(n) <= limit))
      problems.push(`${name} must be a number between -${limit} and ${limit} (WGS-84 degrees)`);
    return n;
  };
  const lat = coordinate('lat', 90);
  const long = coordinate('long', 180);
  if ((lat === null) !== (long === null)) problems.push('lat and long must be sent together');
  const addressString = text('address_string');
  const addressId = text('address_id');
  if ((lat === null || long === null) && addressString === null && addressId === null) {
    problems.push('a location is required: lat and long, address_string or address_id');
  }
  const description = text('description');
  if (description !== null && HTML_RE.test(description))
    problems.push('description may contain line breaks but no HTML or code');
  const email = text('email');
  if (email !== null && !EMAIL_RE.test(email)) problems.push('email is not an email address');
  const phone = text('phone');
  if (phone !== null && !PHONE_RE.test(phone)) problems.push('phone is not a phone number');
  const mediaUrl = text('media_url');
  if (mediaUrl !== null && !isHttpUrl(mediaUrl)) problems.push('media_url must be an absolute http or https URL');
  const input = {
    service_code: serviceCode ?? '',
    lat,
    long,
    address_string: addressString,
    address_id: addressId,
    description,
    media_url: mediaUrl,
    email,
    device_id: text('device_id'),
    account_id: text('account_id'),
    first_name: text('first_name'),
    last_name: text('last_name'),
    phone,
  };
  const attributes = new Map<string, RawAttribute>();
  for (const [name, values] of p) {
    const m = ATTRIBUTE_RE.exec(name);
    if (!m) continue;
    const a = attributes.get(m[1]) ?? { values: [], bracketed: false };
    a.values.push(...values.map((v) => v.trim()).filter(Boolean));
    a.bracketed ||= m[2] !== undefined;
    attributes.set(m[1], a);
  }
  if (problems.length) throw badRequest(...problems);
  return { input, attributes };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
