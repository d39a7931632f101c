import { list, object, value, type Node } from './open311.document.js';
import { formatDateTime } from './open311.time.js';
import type { Open311Request, Open311Service } from './open311.types.js';

/*
 * The spec's documents, element by element and in the spec's order. Every field is listed
 * explicitly, so nothing the backend adds by accident reaches a client.
 */

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const MEDIA_TYPES = { xml: 'text/xml', json: 'application/json' } as const;

export interface DiscoveryInfo {
  changeset: Date;
  contact: string;
  keyService: string;
  /** Absolute URL of the endpoint, without a trailing slash: https://host/open311/v2. */
  url: string;
  type: 'production' | 'test';
}

export function presentDiscovery(d: DiscoveryInfo, offsetMs: number): Node {
  const changeset = formatDateTime(d.changeset, offsetMs);
  return object('discovery', [
    value('changeset', changeset),
    value('contact', d.contact),
    value('key_service', d.keyService),
    list('endpoints', [
      object('endpoint', [
        value('specification', SPECIFICATION),
        value('url', d.url),
        value('changeset', changeset),
        value('type', d.type),
        list('formats', [value('format', MEDIA_TYPES.xml), value('format', MEDIA_TYPES.json)]),
      ]),
    ]),
  ]);
}

export function presentServices(services: Open311Service[]): Node {
  return list(
    'services',
    services.map((s) =>
      object('service', [
        value('service_code', s.service_code),
        value('service_name', s.service_name),
        value('description', s.description),
        value('metadata', s.attributes.length > 0),
        value('type', s.type),
        value('keywords', s.keywords.length ? s.keywords.join(', ') : null),
        value('group', s.group),
      ]),
    ),
  );
}

const LIST_TYPES = new Set(['singlevaluelist', 'multivaluelist']);

export function presentServiceDefinition(s: Open311Service): Node {
  const attributes = [...s.attributes].sort((a, b) => a.order - b.order);
  return object('service_definition', [
    value('service_code', s.service_code),
    list(
      'attributes',
      attributes.map((a) =>
        object('attribute', [
          value('variable', a.variable),
          value('code', a.code),
          value('datatype', a.datatype),
          value('required', a.required),
          value('datatype_description', a.datatype_description),
          value('order', a.order),
          value('description', a.description),
          ...(LIST_TYPES.has(a.datatype)
            ? [
                list(
                  'values',
                  a.values.map((v) => object('value', [value('key', v.key), value('name', v.name)])),
                ),
              ]
            : []),
        ]),
      ),
    ),
  ]);
}

export function presentRequests(requests: Open311Request[], offsetMs: number): Node {
  const at = (d: Date | null) => (d ? formatDateTime(d, offsetMs) : null);
  return list(
    'service_requests',
    requests.map((r) =>
      object('request', [
        value('service_request_id', r.service_request_id),
        value('status', r.status),
        value('status_notes', r.status_notes),
        value('service_name', r.service_name),
        value('service_code', r.service_code),
        value('description', r.description),
        value('agency_responsible', r.agency_responsible),
        value('service_notice', r.service_notice),
        value('requested_datetime', at(r.requested_datetime)),
        value('updated_datetime', at(r.updated_datetime)),
        value('expected_datetime', at(r.expected_datetime)),
        value('address', r.address),
        value('address_id', r.address_id),
        value('zipcode', r.zipcode),
        value('lat', r.lat),
        value('long', r.long),
        value('media_url', r.media_url),
      ]),
    ),
  );
}

/** POST requests: a service_request_id or a token, never both (the spec says so of each). */
export function presentCreated(r: {
  serviceRequestId: string | null;
  token: string | null;
  serviceNotice?: string;
  accountId?: string;
}): Node {
  const id = r.serviceRequestId
    ? [value('service_request_id', r.serviceRequestId)]
    : r.token
      ? [value('token', r.token)]
      : [];
  return list('service_requests', [
    object('request', [
      ...id,
      value('service_notice', r.serviceNotice ?? null),
      value('account_id', r.accountId ?? null),
    ]),
  ]);
}

export function presentToken(t: { token: string; serviceRequestId: string | null }): Node {
  return list('service_requests', [
    object('request', [value('service_request_id', t.serviceRequestId), value('token', t.token)]),
  ]);
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export function presentErrors(errors: Open311ErrorItem[]): Node {
  return list(
    'errors',
    errors.map((e) => object('error', [value('code', e.code), value('description', e.description)])),
  );
}
