import { DomainError } from '../../kernel/errors.js';
import type { Open311ErrorItem } from './open311.presenter.js';

/*
 * The spec's error rule: "404 for resources that don't exist, 403 for errors because of wrong or
 * missing api_key and basically 400 for any other error" — including general service errors such
 * as a backend failure, which the spec lists as 400 for every method. This layer speaks the
 * protocol, so its errors carry the status directly.
 */
export type Open311Status = 400 | 403 | 404;

export class Open311Error extends Error {
  constructor(
    readonly status: Open311Status,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }
}

export const badRequest = (...descriptions: string[]) => new Open311Error(400, descriptions);
export const notFound = (description: string) => new Open311Error(404, [description]);
export const forbidden = (description: string) => new Open311Error(403, [description]);

export interface MappedError {
  status: Open311Status;
  errors: Open311ErrorItem[];
  /** True for failures that are ours, not the client's: they are logged. */
  unexpected: boolean;
}

const items = (status: number, descriptions: string[]) =>
  descriptions.map((description) => ({ code: status, description }));

/** Any thrown thing → the status and the spec's error list. */
export function mapError(err: unknown, requestId: string): MappedError {
  if (err instanceof Open311Error)
    return { status: err.status, errors: items(err.status, err.descriptions), unexpected: false };
  if (err instanceof DomainError) {
    const status: Open311Status =
      err.kind === 'not_found' ? 404 : err.kind === 'forbidden' || err.kind === 'unauthenticated' ? 403 : 400;
    const details = err.errors.map((e) => `${e.field}: ${e.message}`);
    return { status, errors: items(status, [err.message, ...details]), unexpected: false };
  }
  const e = err as { code?: string; statusCode?: number; message?: string };
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      status: 400,
      errors: items(400, ['the request body must be application/x-www-form-urlencoded; charset=utf-8']),
      unexpected: false,
    };
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 400,
      errors: items(400, ['the request body is larger than this endpoint accepts']),
      unexpected: false,
    };
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const status: Open311Status = e.statusCode === 404 ? 404 : e.statusCode === 403 ? 403 : 400;
    return { status, errors: items(status, [e.message ?? 'bad request']), unexpected: false };
  }
  return {
    status: 400,
    errors: items(400, [
      `general service error: the request could not be processed; please report request id ${requestId}`,
    ]),
    unexpected: true,
  };
}
