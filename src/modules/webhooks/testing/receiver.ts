import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '../../../kernel/auth/actor.js';
import { PERMISSIONS } from '../../../kernel/auth/roles.js';

export interface Received {
  method: string;
  /** Path and query as requested. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body, as a receiver must verify it. */
  body: string;
}

export interface Reply {
  status: number;
  body?: string;
  /** Never answer (to test the time limit). */
  hang?: boolean;
}

export interface Receiver {
  /** http://127.0.0.1:<port> */
  base: string;
  received: Received[];
  /** How to answer the n-th request (0-based); 200 '{"errcode":0,"errmsg":"ok"}' by default. */
  replyWith(fn: (r: Received, n: number) => Reply): void;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 and a free port, recording every request. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let respond: (r: Received, n: number) => Reply = () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      const reply = respond(r, received.length - 1);
      if (reply.hang) return;
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    replyWith(fn) {
      respond = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export const testAdmin: Actor = {
  accountId: '01900000-0000-7000-8000-00000000a001',
  username: 'admin',
  displayName: '系统管理员',
  districtCode: '411602',
  unitId: '01900000-0000-7000-8000-00000000b001',
  scopePath: '/01900000-0000-7000-8000-00000000b001/',
  roles: ['admin'],
  permissions: new Set(PERMISSIONS),
};
