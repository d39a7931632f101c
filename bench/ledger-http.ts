import http from 'node:http';

/**
 * A small keep-alive HTTP client for the ledger bench: one request, or a bounded closed loop of
 * `concurrency` workers that stops after `count` requests or `maxMs`, whichever comes first.
 */

export interface Reply {
  status: number;
  /** The body as text, unless the request asked to only count it. */
  body: string;
  bytes: number;
  ms: number;
}

export interface Req {
  method?: string;
  path: string;
  cookie?: string;
  json?: unknown;
  /** Count the body's bytes and drop them (exports). */
  discard?: boolean;
  /** Also hand every chunk here (e.g. to a file). */
  onChunk?: (chunk: Buffer) => void;
  timeoutMs?: number;
}

export class Client {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    maxSockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(r: Req): Promise<Reply> {
    const payload = r.json === undefined ? undefined : Buffer.from(JSON.stringify(r.json));
    const headers: Record<string, string | number> = {};
    if (r.cookie) headers.cookie = r.cookie;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, method: r.method ?? 'GET', path: r.path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
            r.onChunk?.(c);
            if (!r.discard) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: r.discard ? '' : Buffer.concat(chunks).toString('utf8'),
              bytes,
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(r.timeoutMs ?? 60_000, () =>
        req.destroy(new Error(`timeout after ${r.timeoutMs ?? 60_000} ms: ${r.method ?? 'GET'} ${r.path}`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Logs in and returns the session cookie. */
  async session(username: string, password: string): Promise<string> {
    const payload = Buffer.from(JSON.stringify({ username, password }));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: '/api/v1/auth/login',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode !== 200)
              return reject(
                new Error(`login ${username}: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`),
              );
            resolve(loginCookie(res.headers['set-cookie'] ?? []));
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A closed loop: `concurrency` requests in flight until `count` are done or `maxMs` has passed. */
  async load(opts: {
    concurrency: number;
    count: number;
    maxMs: number;
    make: (i: number) => Req;
    expect?: number;
  }): Promise<LoadResult> {
    let issued = 0;
    let ok = 0;
    const failures: string[] = [];
    const latencies: number[] = [];
    const started = performance.now();
    const worker = async () => {
      while (issued < opts.count && performance.now() - started < opts.maxMs) {
        const i = issued++;
        try {
          const res = await this.request(opts.make(i));
          latencies.push(res.ms);
          if (res.status === (opts.expect ?? 200)) ok++;
          else if (failures.length < 5) failures.push(`${res.status} ${res.body.slice(0, 300)}`);
        } catch (err) {
          if (failures.length < 5) failures.push((err as Error).message);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const ms = performance.now() - started;
    return {
      requests: latencies.length,
      ok,
      failures,
      ms,
      rps: (latencies.length / ms) * 1000,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadResult {
  requests: number;
  ok: number;
  failures: string[];
  ms: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
}

function loginCookie(setCookie: string[]): string {
  const first = setCookie.find((c) => c.startsWith('civicgrid_session=')) ?? setCookie[0];
  if (!first) throw new Error('login answered without a session cookie');
  return first.split(';')[0];
}

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const round = (x: number, digits = 1): number =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x;
