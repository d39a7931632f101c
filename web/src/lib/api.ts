/** Thin fetch wrapper for the CivicGrid REST API (`/api/v1`). */

export interface FieldError {
  field: string;
  message: string;
}

/** An application/problem+json reply (RFC 9457) turned into an exception. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];

  constructor(status: number, body: Partial<{ type: string; title: string; detail: string; errors: FieldError[] }>) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? defaultTitle(status);
    this.detail = body.detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }
}

function defaultTitle(status: number): string {
  if (status === 0) return '网络连接失败';
  if (status === 401) return '未登录或登录已过期';
  if (status === 403) return '没有权限';
  if (status === 404) return '资源不存在';
  if (status === 409) return '数据冲突';
  if (status === 422 || status === 400) return '提交的数据有误';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return '服务器错误';
  return `请求失败（${status}）`;
}

export const UNAUTHORIZED_EVENT = 'civicgrid:unauthorized';

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not broadcast a 401 (used by the login and "who am I" calls). */
  quiet401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...opts.headers };
  let body: BodyInit | undefined;
  // Every state-changing call says application/json, an empty one too: the server refuses any other type
  // from a logged-in browser (a form on another site cannot send it; docs/security.md).
  if (opts.body !== undefined || method !== 'GET') headers['Content-Type'] = 'application/json';
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { detail: '无法连接到服务器，请检查网络' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    throw new ApiError(res.status, (data as object) ?? {});
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A one-line message for a failed call, for `message.error(...)`. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.detail) return err.detail;
    // A bare HTTP reason phrase ("Unprocessable Content") says less than our Chinese default.
    return /^[\x20-\x7e]*$/.test(err.title) ? defaultTitle(err.status) : err.title;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Minimal shape of an antd FormInstance, so this file does not import antd. */
interface FieldSetter {
  // antd types `name` by the form's own fields; any keeps this file free of antd.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setFields(fields: any[]): void;
}

/**
 * Puts the server's `errors[]` on the matching form fields.
 * Returns the errors that matched no field (to show in a general alert).
 */
export function applyFieldErrors(form: FieldSetter, err: unknown, fieldNames: readonly string[]): FieldError[] {
  if (!(err instanceof ApiError) || err.errors.length === 0) return [];
  const known = new Set(fieldNames);
  const byField = new Map<string, string[]>();
  const unmatched: FieldError[] = [];
  for (const e of err.errors) {
    const top = e.field.split(/[.[]/)[0] ?? e.field;
    if (known.has(top)) byField.set(top, [...(byField.get(top) ?? []), e.message]);
    else unmatched.push(e);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
