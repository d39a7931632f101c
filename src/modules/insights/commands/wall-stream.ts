import type { FastifyReply, FastifyRequest } from 'fastify';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { EventBus } from '../../../kernel/events/events.js';
import { createCoalescer } from './wall-coalescer.js';

export { COALESCE_MS, SETTLE_MS } from './wall-coalescer.js';
/** A comment line this often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

interface Subscriber {
  districtCode: string;
  actor: Actor;
  /** Called once per coalesced burst that touched the subscriber's scope. */
  changed(): void;
}

/**
 * The wall display's change feed (大屏): one listener per ledger event on the app's bus, fanned out to
 * the open streams whose scope the change lies in. In-transaction events only say "something changed";
 * the push is coalesced, so it goes out after the change has committed (or harmlessly when it rolled back).
 */
export function createWallHub(events: EventBus) {
  const subscribers = new Set<Subscriber>();
  const touch = (districtCode: string, path: string | null) => {
    for (const s of subscribers)
      // A case in no grid lies in the district's own area: every stream of the district refetches.
      if (s.districtCode === districtCode && (path === null || inScope(s.actor, path))) s.changed();
  };
  const offs = [
    events.on('case.reported', async (_trx, e) => touch(e.districtCode, e.gridPath)),
    events.on('case.stepped', async (_trx, e) => touch(e.districtCode, e.gridPath)),
    events.on('case.overdue', async (_trx, e) => touch(e.districtCode, e.areaPath)),
  ];
  return {
    subscribe(s: Subscriber): () => void {
      subscribers.add(s);
      return () => subscribers.delete(s);
    },
    get size() {
      return subscribers.size;
    },
    close() {
      for (const off of offs) off();
      subscribers.clear();
    },
  };
}
export type WallHub = ReturnType<typeof createWallHub>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The wall display's hub, when the app has an event bus (its `size` is the streams open now). */
    wallHub?: WallHub;
  }
}

/** Serves one text/event-stream: `changed` events (coalesced), a heartbeat comment, cleanup on close. */
export function serveWallStream(hub: WallHub, actor: Actor, req: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // The client waits this long before reconnecting after the server went away (a restart).
  res.write('retry: 3000\n: connected\n\n');
  let seq = 0;
  const pushes = createCoalescer(() =>
    res.write(`id: ${++seq}\nevent: changed\ndata: {"at":"${new Date().toISOString()}"}\n\n`),
  );
  const unsubscribe = hub.subscribe({ districtCode: actor.districtCode, actor, changed: () => pushes.changed() });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const close = () => {
    unsubscribe();
    clearInterval(heartbeat);
    pushes.cancel();
  };
  req.raw.on('close', close);
  res.on('error', close);
}
