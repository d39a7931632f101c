/**
 * A stand-in for `fetch` that answers with real Response objects, so the code under test goes through
 * its own parsing and error mapping. Routes are matched on "METHOD path" (path without the query);
 * a route's handler may be a list, answered one per call.
 */
import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  url: string;
  headers: Headers;
  body: unknown;
  signal?: AbortSignal | null;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

/** The error `fetch` throws when the network is down. */
export function networkDown(): never {
  throw new TypeError('Failed to fetch');
}

export function mockFetch(routes: Record<string, Handler | Handler[]>) {
  const calls: Call[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(url, 'http://localhost').pathname;
    let body: unknown = init.body;
    if (typeof init.body === 'string') body = JSON.parse(init.body);
    const call: Call = { method, path, url, headers: new Headers(init.headers), body, signal: init.signal };
    calls.push(call);
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const route = queues.get(`${method} ${path}`);
    if (!route) return json(404, { title: 'Not Found', detail: `no mock for ${method} ${path}` });
    const handler = Array.isArray(route) ? route.shift() : route;
    if (!handler) throw new Error(`mock for ${method} ${path} called too often`);
    return handler(call);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls, routes: queues };
}
