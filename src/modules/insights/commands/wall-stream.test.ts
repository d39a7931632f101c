import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { DEMO_PASSWORD, openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';
import { COALESCE_MS, HEARTBEAT_MS, SETTLE_MS } from './wall-stream.js';

/** An open GET /insights/wall/stream over a real connection: what came, as it came. */
interface Stream {
  status: number;
  contentType: string;
  /** Arrival times of `changed` events (ms since the epoch). */
  pushes: number[];
  comments: string[];
  /** Resolves when the server has ended the response after `close()`. */
  close(): Promise<void>;
}

function openStream(port: number, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/insights/wall/stream', headers: { cookie } });
    req.on('error', reject);
    req.on('response', (res) => {
      const s: Stream = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type']),
        pushes: [],
        comments: [],
        close: () =>
          new Promise((done) => {
            req.on('close', () => done());
            req.destroy();
          }),
      };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i).split('\n');
          buffer = buffer.slice(i + 2);
          if (block.includes('event: changed')) s.pushes.push(Date.now());
          for (const line of block) if (line.startsWith(':')) s.comments.push(line.slice(1).trim());
        }
      });
      res.on('error', () => undefined);
      // The connected comment comes with the headers' flush; wait for it so the subscription is in place.
      const ready = () => (s.comments.includes('connected') ? resolve(s) : setTimeout(ready, 5));
      ready();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the wall display’s stream (GET /insights/wall/stream)`, () => {
    let f: DemoDistrict;
    let port: number;
    const cookie: Record<string, string> = {};
    const open: Stream[] = [];
    const stream = async (who: string) => {
      const s = await openStream(port, cookie[who]!);
      open.push(s);
      return s;
    };

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'dehua']);
      await f.h.app.listen({ port: 0, host: '127.0.0.1' });
      port = (f.h.app.server.address() as AddressInfo).port;
      for (const who of ['leader', 'dehua']) cookie[who] = await f.h.login(who, DEMO_PASSWORD);
    });
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
      await until(() => f.h.app.wallHub!.size === 0);
    });
    afterAll(() => f.h.close());

    it('opens an event stream for a reader of insights and refuses one without a session', async () => {
      const s = await stream('leader');
      expect([s.status, s.contentType]).toEqual([200, 'text/event-stream; charset=utf-8']);
      expect(f.h.app.wallHub!.size).toBe(1);
      const anonymous = await new Promise<number>((resolve) =>
        http.get({ host: '127.0.0.1', port, path: '/api/v1/insights/wall/stream' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }),
      );
      expect(anonymous).toBe(401);
    });

    it('pushes a burst of reports as one change, at most one a second', async () => {
      const s = await stream('leader');
      // When each report announced itself (inside its transaction), to judge how tight the burst was.
      const announced: number[] = [];
      const off = f.ctx.events.on('case.reported', async () => void announced.push(Date.now()));
      const n = 6;
      try {
        await Promise.all(Array.from({ length: n }, () => f.report('wgy_dehua', f.points.dehua)));
      } finally {
        off();
      }
      await sleep(COALESCE_MS + SETTLE_MS + 300);
      expect(announced).toHaveLength(n);
      const gaps = announced.slice(1).map((t, i) => t - announced[i]!);
      const span = announced.at(-1)! - announced[0]!;
      for (let i = 1; i < s.pushes.length; i++)
        expect(s.pushes[i]! - s.pushes[i - 1]!).toBeGreaterThan(COALESCE_MS - 50);
      expect(s.pushes.at(-1)!).toBeGreaterThanOrEqual(announced.at(-1)! + SETTLE_MS - 20);
      if (Math.max(0, ...gaps) < SETTLE_MS - 20 && span < COALESCE_MS - SETTLE_MS - 20)
        expect(s.pushes).toHaveLength(1);
      // A machine so loaded that the reports straggled: still one push a second of the burst, at most.
      else expect(s.pushes.length).toBeLessThanOrEqual(Math.floor(span / COALESCE_MS) + 2);
    });

    it('pushes nothing for a change outside the subscriber’s scope', async () => {
      const dehua = await stream('dehua');
      const leader = await stream('leader');
      await f.report('wgy_zhuzhuang', f.points.zhuzhuang); // 朱庄, not 德化's grid
      await until(() => leader.pushes.length === 1);
      await sleep(SETTLE_MS + 300);
      expect(dehua.pushes).toEqual([]);
      // The same stream is alive: a report in its own grid comes through.
      await f.report('wgy_dehua', f.points.dehua);
      await until(() => dehua.pushes.length === 1);
    });

    it('unsubscribes a closed connection and leaves none of its timers behind', async () => {
      // The stream's own timers (heartbeat, pending push), told apart from the app's by where they were set.
      const mine: NodeJS.Timeout[] = [];
      const fromStream = () => /wall-(stream|coalescer)\.ts/.test(new Error().stack ?? '');
      const setT = globalThis.setTimeout;
      const setI = globalThis.setInterval;
      vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...a: Parameters<typeof setTimeout>) => {
        const t = setT(...a);
        if (fromStream()) mine.push(t);
        return t;
      }) as typeof setTimeout);
      vi.spyOn(globalThis, 'setInterval').mockImplementation(((...a: Parameters<typeof setInterval>) => {
        const t = setI(...a);
        if (fromStream()) mine.push(t);
        return t;
      }) as typeof setInterval);
      try {
        const s = await stream('leader');
        await f.report('wgy_dehua', f.points.dehua); // a push is now pending (or, on a slow machine, made)
        expect(f.h.app.wallHub!.size).toBe(1);
        expect(mine.length).toBeGreaterThanOrEqual(2); // the heartbeat and the push's timeout
        await s.close();
        open.splice(open.indexOf(s), 1);
        await until(() => f.h.app.wallHub!.size === 0);
        // Node marks a timer destroyed once cleared (or, for a timeout, once it has run).
        expect(mine.map((t) => (t as unknown as { _destroyed: boolean })._destroyed)).toEqual(mine.map(() => true));
      } finally {
        vi.restoreAllMocks();
      }
    });

    it('sends a heartbeat comment every HEARTBEAT_MS', async () => {
      // Only the intervals are faked (the stream's heartbeat is its one interval); I/O and the database run as ever.
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const s = await stream('leader');
        vi.advanceTimersByTime(HEARTBEAT_MS - 1);
        await sleep(50);
        expect(s.comments).toEqual(['connected']);
        vi.advanceTimersByTime(1);
        await until(() => s.comments.length === 2);
        vi.advanceTimersByTime(HEARTBEAT_MS);
        await until(() => s.comments.length === 3);
        expect(s.comments).toEqual(['connected', 'heartbeat', 'heartbeat']);
        await s.close();
        open.splice(open.indexOf(s), 1);
        await until(() => f.h.app.wallHub!.size === 0);
        expect(vi.getTimerCount()).toBe(0);
      } finally {
        vi.useRealTimers();
      }
    });
  });
}
