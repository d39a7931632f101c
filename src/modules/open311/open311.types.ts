/*
 * The Open311 GeoReport v2 resources (wiki.open311.org/GeoReport_v2) as our protocol layer sees them.
 * Field names follow the spec so the presenter maps them one to one; the data behind them comes from
 * an Open311Backend, which the case ledger implements.
 */

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311AttributeValue {
  /** What the client sends back in attribute[code] (the html option's value). */
  key: string;
  /** What a person reads (the html option's text). */
  name: string;
}

/** One field of a service definition. */
export interface Open311Attribute {
  /** false: shown to the user as information only, never submitted. */
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  /** 1 is shown first; unique within a service. */
  order: number;
  description: string;
  /** The choices of a singlevaluelist or multivaluelist; empty for the other datatypes. */
  values: Open311AttributeValue[];
}

/** A service request type: for CivicGrid a level-2 case category. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  /** realtime: a service_request_id is returned at once; batch: a token; blackbox: neither. */
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string[];
  /** The level-1 category's name. */
  group: string | null;
  /** The service definition; `metadata` in the service list is true when there is any. */
  attributes: Open311Attribute[];
}

/** A POST requests.{fmt} after validation against the service and its definition. */
export interface Open311NewRequest {
  service_code: string;
  /** WGS-84; lat and long always come together. */
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  /**
   * attribute code → value, validated against the definition: a multivaluelist gives its keys as a
   * list; a datetime is normalized to ISO 8601 with the district's offset; the others are as sent.
   */
  attributes: Record<string, string | string[]>;
  /** At most 4,000 characters, no HTML. */
  description: string | null;
  /** An absolute http(s) URL. */
  media_url: string | null;
  email: string | null;
  device_id: string | null;
  account_id: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
}

/** A service request as GET requests and GET requests/{id} show it. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  /** Why the status is what it is (our finer-grained state, a rejection reason …). */
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: Date;
  /** For a closed request: when it was closed. */
  updated_datetime: Date | null;
  /** The deadline, when there is one. */
  expected_datetime: Date | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The client app whose api_key created a request. */
export interface Open311Client {
  apiKeyId: string;
  name: string;
  districtCode: string;
}

export interface Open311RequestFilter {
  /** When present, every other field is absent: service_request_id overrides all other arguments. */
  ids?: string[];
  serviceCodes?: string[];
  /** Inclusive bounds on requested_datetime, at most 90 days apart. */
  start?: Date;
  end?: Date;
  statuses?: ('open' | 'closed')[];
  /** Return at most this many (the spec's 1,000), the most recently requested first. */
  limit?: number;
}

/**
 * Where the Open311 layer gets and puts its data. Errors it throws: a DomainError (NotFound → 404,
 * Forbidden → 403, any other kind → 400 with its message) or anything else (logged; a general 400).
 */
export interface Open311Backend {
  /** The categories as services (level-2 categories; group = the level-1 name). */
  services(districtCode: string): Promise<Open311Service[]>;
  createRequest(
    client: Open311Client,
    input: Open311NewRequest,
  ): Promise<{ serviceRequestId: string | null; token: string | null; serviceNotice?: string; accountId?: string }>;
  findRequests(districtCode: string, f: Open311RequestFilter): Promise<Open311Request[]>;
  findToken(districtCode: string, token: string): Promise<{ token: string; serviceRequestId: string | null } | null>;
  /** When the services or their definitions last changed (discovery's changeset); optional. */
  servicesChangedAt?(districtCode: string): Promise<Date | null>;
}
