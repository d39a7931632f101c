import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fixedOffsetMs } from '../../kernel/calendar/local-time.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import { touchApiKey, verifyApiKey } from './commands/verify-api-key.js';
import { validateAttributes } from './open311.attributes.js';
import { toJson, toXml, type Node } from './open311.document.js';
import { badRequest, forbidden, mapError, notFound } from './open311.errors.js';
import {
  checkParams,
  COMMON_PARAMS,
  ID_RE,
  MAX_REQUESTS,
  parseNewRequest,
  parseParams,
  parseRequestsQuery,
  scalar,
  type Params,
} from './open311.params.js';
import {
  presentCreated,
  presentDiscovery,
  presentErrors,
  presentRequests,
  presentServiceDefinition,
  presentServices,
  presentToken,
} from './open311.presenter.js';
import type { Open311Backend } from './open311.types.js';

export const OPEN311_PREFIX = '/open311/v2';
// Room for a 4,000-character description percent-encoded as UTF-8, and the other fields.
const FORM_BODY_LIMIT = 128 * 1024;
/** When this endpoint's documents last changed shape; discovery's changeset is never older. */
const ENDPOINT_CHANGESET = new Date('2026-11-29T06:00:00Z');

export interface Open311Deps {
  database: Database;
  clock: Clock;
  config: Config;
  backend: Open311Backend;
  /** Discovery's human-readable texts and endpoint type; the defaults name the district. */
  discovery?: {
    contact?: string;
    keyService?: string;
    type?: 'production' | 'test';
    /** The endpoint's public URL (https://…/open311/v2); by default the configured public URL's (never the Host header). */
    url?: string;
  };
}

type Format = 'xml' | 'json';
const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/*
 * The spec puts the format in the resource name (services.xml, requests/{id}.json). A resource named
 * without one is refused with 400 (and an XML error list, XML being the spec's required format)
 * rather than guessed, so a client never parses a format it did not ask for.
 */
function formatOf(suffix: string | undefined): Format {
  if (suffix === undefined) throw badRequest('the format is missing: end the resource name in .xml or .json');
  if (suffix !== 'xml' && suffix !== 'json') throw badRequest(`format .${suffix} is not supported: use .xml or .json`);
  return suffix;
}

/** 'requests/{id}.{format}' → id and format; the format follows the last dot. */
function splitFile(file: string): { id: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const format = formatOf(dot < 0 ? undefined : file.slice(dot + 1));
  return { id: file.slice(0, dot), format };
}

/** The format an error is written in: the one the URL asks for, else XML. */
function errorFormat(url: string): Format {
  return /\.json\/?$/i.test(url.split('?')[0]) ? 'json' : 'xml';
}

function send(reply: FastifyReply, format: Format, doc: Node, status = 200): FastifyReply {
  return reply
    .code(status)
    .type(CONTENT_TYPES[format])
    .send(format === 'xml' ? toXml(doc) : JSON.stringify(toJson(doc)));
}

function queryOf(req: FastifyRequest): string {
  const i = req.url.indexOf('?');
  return i < 0 ? '' : req.url.slice(i + 1);
}

// The resources that exist, whatever the method: a wrong method on one of them is a 400, anything else a 404.
const RESOURCE_RE = new RegExp(
  `^${OPEN311_PREFIX}/((discovery|services|requests)(\\.[^/]*)?|(services|requests|tokens)/[^/]+)/?$`,
);

/** The GeoReport v2 endpoints under /open311/v2, in their own scope: own body parser, error and 404 format. */
export function registerOpen311Protocol(app: FastifyInstance, deps: Open311Deps): void {
  app.register(async (scope) => protocol(scope, deps), { prefix: OPEN311_PREFIX });
}

async function protocol(scope: FastifyInstance, deps: Open311Deps): Promise<void> {
  const offsetMs = fixedOffsetMs(deps.config.timeZone);
  const district = deps.config.districtCode;
  const name = deps.config.districtName;

  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  scope.setErrorHandler((err, req, reply) => {
    const m = mapError(err, req.id);
    if (m.unexpected) req.log.error({ err }, 'open311 request failed');
    return send(reply, errorFormat(req.url), presentErrors(m.errors), m.status);
  });
  const unknownResource = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    const err = RESOURCE_RE.test(path)
      ? badRequest(`${req.method} is not supported on ${path}`)
      : notFound(`no Open311 resource at ${path}`);
    const m = mapError(err, req.id);
    return send(reply, errorFormat(req.url), presentErrors(m.errors), m.status);
  };
  scope.setNotFoundHandler(unknownResource);
  // The console's static files answer every other GET (the SPA fallback); these keep /open311/v2 to ourselves.
  scope.all('/', unknownResource);
  scope.all('/*', unknownResource);

  /** Registers `path.{format}`, and `path` alone so that a missing format gets the spec's 400. */
  const formatted = (
    method: 'GET' | 'POST',
    path: string,
    handler: (req: FastifyRequest, reply: FastifyReply, format: Format) => Promise<unknown>,
  ) => {
    for (const url of [`${path}.:format`, path]) {
      scope.route({
        method,
        url,
        handler: (req, reply) => handler(req, reply, formatOf((req.params as { format?: string }).format)),
      });
    }
  };
  const item = (
    path: string,
    handler: (req: FastifyRequest, reply: FastifyReply, id: string, format: Format) => Promise<unknown>,
  ) => {
    scope.get(`${path}/:file`, (req, reply) => {
      const { id, format } = splitFile((req.params as { file: string }).file);
      return handler(req, reply, id, format);
    });
  };
  const checkJurisdiction = (p: Params) => {
    const j = scalar(p, 'jurisdiction_id');
    if (j !== undefined && j !== district)
      throw notFound(`jurisdiction_id ${j} was not found: this endpoint serves ${district}`);
  };
  /** Methods whose only arguments are jurisdiction_id (and an api_key, which GETs ignore). */
  const plainParams = (req: FastifyRequest) => {
    const p = parseParams(queryOf(req));
    checkParams(p, COMMON_PARAMS);
    checkJurisdiction(p);
  };
  const findService = async (code: string) => {
    const service = (await deps.backend.services(district)).find((s) => s.service_code === code);
    if (!service) throw notFound(`service_code ${code} was not found`);
    return service;
  };

  formatted('GET', '/discovery', async (req, reply, format) => {
    plainParams(req);
    const changedAt = await deps.backend.servicesChangedAt?.(district);
    return send(
      reply,
      format,
      presentDiscovery(
        {
          changeset: changedAt && changedAt > ENDPOINT_CHANGESET ? changedAt : ENDPOINT_CHANGESET,
          contact: deps.discovery?.contact ?? `如需帮助，请联系${name}网格化服务管理中心。`,
          keyService:
            deps.discovery?.keyService ??
            `API 密钥由${name}系统管理员在 CivicGrid 控制台（集成 → Open311）为每个客户端应用签发。`,
          url: deps.discovery?.url ?? `${deps.config.publicUrl}${OPEN311_PREFIX}`,
          type: deps.discovery?.type ?? 'production',
        },
        offsetMs,
      ),
    );
  });

  formatted('GET', '/services', async (req, reply, format) => {
    plainParams(req);
    return send(reply, format, presentServices(await deps.backend.services(district)));
  });

  item('/services', async (req, reply, code, format) => {
    plainParams(req);
    return send(reply, format, presentServiceDefinition(await findService(code)));
  });

  formatted('POST', '/requests', async (req, reply, format) => {
    const p = parseParams(queryOf(req), typeof req.body === 'string' ? req.body : '');
    const key = scalar(p, 'api_key');
    if (key === undefined)
      throw forbidden('api_key is missing: creating a service request needs an API key from the district');
    const check = await verifyApiKey(deps, key, district);
    if (!check.ok) {
      throw forbidden(
        check.reason === 'revoked'
          ? 'api_key has been revoked'
          : check.reason === 'other_jurisdiction'
            ? 'api_key was issued for another jurisdiction'
            : 'api_key is invalid',
      );
    }
    checkJurisdiction(p);
    const { input, attributes } = parseNewRequest(p);
    const service = await findService(input.service_code);
    const values = validateAttributes(service, attributes, offsetMs);
    const created = await deps.backend.createRequest(check.client, { ...input, attributes: values });
    await touchApiKey(deps, check.client.apiKeyId);
    return send(reply, format, presentCreated(created));
  });

  formatted('GET', '/requests', async (req, reply, format) => {
    const p = parseParams(queryOf(req));
    const filter = parseRequestsQuery(p, deps.clock.now(), offsetMs);
    checkJurisdiction(p);
    if (filter.serviceCodes) {
      const known = new Set((await deps.backend.services(district)).map((s) => s.service_code));
      const unknown = filter.serviceCodes.filter((c) => !known.has(c));
      if (unknown.length) throw notFound(`service_code ${unknown.join(', ')} was not found`);
    }
    const found = await deps.backend.findRequests(district, filter);
    return send(reply, format, presentRequests(found.slice(0, MAX_REQUESTS), offsetMs));
  });

  item('/requests', async (req, reply, id, format) => {
    plainParams(req);
    const found = ID_RE.test(id) ? await deps.backend.findRequests(district, { ids: [id], limit: 1 }) : [];
    const request = found.find((r) => r.service_request_id === id);
    if (!request) throw notFound(`service_request_id ${id} was not found`);
    return send(reply, format, presentRequests([request], offsetMs));
  });

  item('/tokens', async (req, reply, token, format) => {
    plainParams(req);
    const found = ID_RE.test(token) ? await deps.backend.findToken(district, token) : null;
    if (!found) throw notFound(`token ${token} was not found`);
    return send(reply, format, presentToken(found));
  });
}
