import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { isConnectionLost } from '../db/dialect.js';
import { DomainError, type FieldProblem } from '../errors.js';
import { zhSentence } from './messages.zh.js';

/** RFC 9457 problem details, with our stable `code` and field-level `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldProblem[];
  instance?: string;
}

const STATUS: Record<DomainError['kind'], number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid: 422,
  too_many: 429,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, errors?: FieldProblem[]): Problem {
  return {
    type: `/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length ? { errors } : {}),
  };
}

/** 'features.3.geometry' → 'features[3].geometry', as people write paths into JSON. */
export function fieldPath(path: readonly PropertyKey[], prefix?: string): string {
  let out = prefix ?? '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || (prefix ?? '(root)');
}

/** 'idempotency-key' (as Node hands header names over) → 'Idempotency-Key' (as people write them). */
export function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

export function zodProblems(err: ZodError, where: 'body' | 'query' | 'params' | 'headers' | 'reply'): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of err.issues) {
    const path =
      where === 'headers' && typeof issue.path[0] === 'string'
        ? [headerName(issue.path[0]), ...issue.path.slice(1)]
        : issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ field: fieldPath([...path, k]), message: `unknown field (in ${where})` });
    } else {
      out.push({ field: fieldPath(path), message: issue.message });
    }
  }
  return out;
}

export class RequestValidationError extends Error {
  constructor(
    readonly where: 'body' | 'query' | 'params' | 'headers',
    readonly errors: FieldProblem[],
  ) {
    super(`invalid ${where}`);
  }
}

/** A reply that does not match its route's declared schema: a server bug, caught when reply validation is on. */
export class ReplyValidationError extends Error {
  constructor(
    readonly route: string,
    readonly errors: FieldProblem[],
  ) {
    super(`${route} replied outside its schema: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
}

/** A field problem as clients see it: its code's Chinese sentence (messages.zh.ts), without code and params. */
function readableProblem(p: FieldProblem): FieldProblem {
  const { code, params, ...rest } = p;
  return { ...rest, message: zhSentence(code, params) ?? p.message };
}

/** The one place that turns any thrown thing into a status and a problem document. */
export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) {
    const status = STATUS[err.kind];
    const errors = err.errors.map(readableProblem);
    // An error summarised by its first problem reads as that problem's sentence.
    const first = err.errors.length && err.message === err.errors[0].message ? errors[0].message : undefined;
    const detail = zhSentence(err.code, err.params) ?? first ?? err.message;
    return { ...problem(status, err.code, detail, errors), ...err.extra };
  }
  if (err instanceof RequestValidationError) {
    const what = err.where === 'headers' ? 'a request header is' : `the request ${err.where} is`;
    return problem(
      400,
      'request.invalid',
      `${what} invalid: ${err.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      err.errors,
    );
  }
  if (err instanceof ReplyValidationError) return problem(500, 'reply.invalid', err.message, err.errors);
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e?.statusCode === 400 && /JSON/i.test(e.message ?? ''))) {
    return problem(400, 'request.malformed_json', `the body is not valid JSON: ${e.message}`, [
      { field: '(body)', message: 'malformed JSON' },
    ]);
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem(413, 'request.too_large', 'the request body is larger than this endpoint accepts');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return problem(415, 'request.unsupported_media_type', e.message ?? 'unsupported content type');
  if (e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return problem(400, 'request.empty_body', 'the JSON body is empty', [{ field: '(body)', message: 'empty' }]);
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return problem(e.statusCode, `request.${e.statusCode}`, e.message ?? 'bad request');
  }
  // The database connection was lost under the request (or none could be had): not the request's
  // fault, and the driver's words (host, database, cause) are for the log, not the caller.
  if (isConnectionLost(err))
    return Object.assign(
      problem(503, 'database.unavailable', zhSentence('database.unavailable') ?? 'the database is unavailable'),
      { retryAfterSeconds: 5 },
    );
  return problem(500, 'internal', 'an internal error occurred; it has been logged');
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, p: Problem): FastifyReply {
  const body = { ...p, instance: req.id };
  if (
    (p.status === 429 || p.status === 503) &&
    typeof (p as { retryAfterSeconds?: number }).retryAfterSeconds === 'number'
  ) {
    reply.header('retry-after', String((p as { retryAfterSeconds?: number }).retryAfterSeconds));
  }
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
