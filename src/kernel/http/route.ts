import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Actor } from '../auth/actor.js';
import { authorizeAny } from '../auth/actor.js';
import type { Permission } from '../auth/roles.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import { controlCharProblems } from './control-chars.js';
import { ReplyValidationError, RequestValidationError, zodProblems } from './problem.js';

export interface RouteContext<B, Q, P, H = unknown> {
  body: B;
  query: Q;
  params: P;
  /** The headers the route's `headers` schema names, under their lower-case names. */
  headers: H;
  /** Present on every route whose `auth` is not 'none'. */
  actor: Actor;
  req: FastifyRequest;
  reply: FastifyReply;
}

interface RouteBase<B, Q, P, H> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path, e.g. '/api/v1/units/:id'. */
  url: string;
  summary: string;
  tag: string;
  /** 'none': public; 'any': any logged-in account, even one that must change its password first. */
  auth?: 'required' | 'any' | 'none';
  /** Required permission; for a list, any one of them (e.g. a plan two offices keep). */
  permission?: Permission | readonly Permission[];
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /**
   * Request headers the route reads, as an object schema keyed by lower-case name (Node's): other
   * headers pass untouched; problems name the header as it is usually written ('Idempotency-Key').
   */
  headers?: ZodType<H>;
  bodyLimit?: number;
  /** Per-client request limit (e.g. login), enforced by @fastify/rate-limit. */
  rateLimit?: { max: number; timeWindow: string };
  handler(ctx: RouteContext<B, Q, P, H>): Promise<unknown>;
}

/**
 * What a route answers, declared on every route so the reply is documented (OpenAPI) and, when reply
 * validation is on (tests), checked: a JSON body with its schema, no body (204), or another media type.
 */
export type RouteReply =
  | {
      /** The JSON reply body, a schema from contracts/. */
      response: ZodType;
      /** Success status (default 200). */
      status?: 200 | 201 | 202;
      produces?: undefined;
    }
  | {
      /** No Content: the reply has no body. */
      status: 204;
      response?: undefined;
      produces?: undefined;
    }
  | {
      /** A non-JSON reply documented in OpenAPI (e.g. 'application/geo+json', an .xlsx, an image). */
      produces: string;
      /** Its shape, when it is JSON of another media type (GeoJSON). */
      response?: ZodType;
      status?: 200;
    };

export type RouteDef<B = unknown, Q = unknown, P = unknown, H = unknown> = RouteBase<B, Q, P, H> & RouteReply;

// The registry holds routes of every input type; each was checked against its own types where it was written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

declare module 'fastify' {
  interface FastifyInstance {
    routeDefs: AnyRoute[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    mustChangePassword: boolean;
    /** How the actor was authenticated: a console session cookie or a bearer API token. */
    authKind: 'session' | 'api_token' | null;
  }
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: 'body' | 'query' | 'params' | 'headers'): T {
  if (!schema) return value as T;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) throw new RequestValidationError(where, zodProblems(r.error, where));
  return r.data;
}

let replyValidation = false;

/**
 * Turns on checking every JSON reply against its route's `response` schema, for routes registered from
 * then on (the test setup does; production does not pay for it). A mismatch answers a 500 problem
 * naming the route and the fields.
 */
export function setReplyValidation(on: boolean): void {
  replyValidation = on;
}

/** Whether a route declares what it answers: a schema, 204, or a media type. */
export function declaresReply(def: AnyRoute): boolean {
  return Boolean(def.response) || def.status === 204 || Boolean(def.produces);
}

/** Registers a route and records it for the OpenAPI document: one schema validates and documents. */
export function route<B, Q, P, H>(app: FastifyInstance, def: RouteDef<B, Q, P, H>): void {
  // The type already demands it; this catches definitions built around the type (casts, plain JS).
  if (!declaresReply(def as AnyRoute))
    throw new Error(`${def.method} ${def.url} declares no reply: give it a response schema, status 204 or produces`);
  app.routeDefs.push(def as AnyRoute);
  const replySchema = replyValidation ? def.response : undefined;
  app.route({
    method: def.method,
    url: def.url,
    bodyLimit: def.bodyLimit,
    ...(def.rateLimit ? { config: { rateLimit: def.rateLimit } } : {}),
    // Sees object payloads however the handler sent them (returned or reply.send), as the client will read them.
    ...(replySchema
      ? {
          preSerialization: async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
            if (reply.statusCode >= 300) return payload;
            const r = replySchema.safeParse(JSON.parse(JSON.stringify(payload)));
            if (!r.success) throw new ReplyValidationError(`${def.method} ${def.url}`, zodProblems(r.error, 'reply'));
            return payload;
          },
        }
      : {}),
    handler: async (req, reply) => {
      const auth = def.auth ?? 'required';
      if (auth !== 'none') {
        if (!req.actor) throw new Unauthenticated();
        // A session may still reach the 'any' routes (to change the password); a token reaches none.
        if (req.mustChangePassword && (auth === 'required' || req.authKind === 'api_token')) {
          throw new Forbidden('auth.password_change_required', 'change your password before using the system');
        }
        if (def.permission)
          authorizeAny(req.actor, typeof def.permission === 'string' ? [def.permission] : def.permission);
      }
      // Control characters first, whatever the schema says of the field (kernel/http/control-chars.ts).
      for (const [where, raw] of [
        ['params', req.params],
        ['query', req.query],
        ['body', def.body ? req.body : undefined],
      ] as const) {
        const bad = controlCharProblems(raw, where);
        if (bad.length) throw new RequestValidationError(where, bad);
      }
      const params = parse(def.params, req.params, 'params');
      const query = parse(def.query, req.query, 'query');
      const headers = parse(def.headers, req.headers, 'headers');
      const body = parse(def.body, req.body, 'body');
      const result = await def.handler({ body, query, params, headers, actor: req.actor as Actor, req, reply });
      if (reply.sent) return reply;
      const status = def.status ?? 200;
      if (status === 204) return reply.code(204).send();
      return reply.code(status).send(result);
    },
  });
}

/** Query-string helpers: values arrive as strings. */
export const q = {
  bool: () => z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  int: (min: number, max: number) => z.coerce.number().int().min(min).max(max),
  num: () => z.coerce.number().refine(Number.isFinite, 'must be a finite number'),
};

export const IdParams = z.strictObject({ id: z.uuid('must be a UUID') });
