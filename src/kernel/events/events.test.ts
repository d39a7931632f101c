import { describe, expect, it } from 'vitest';
import type { Executor } from '../db/db.js';
import { createEventBus } from './events.js';

// A test-only event, added the way modules add theirs.
declare module './events.js' {
  interface DomainEvents {
    'test.pinged': { n: number };
  }
}

const trx = {} as Executor;

describe('event bus', () => {
  it('runs listeners in the order they were added, with the emitter’s transaction', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.on('test.pinged', async (ex, e) => {
      expect(ex).toBe(trx);
      seen.push(`a${e.n}`);
    });
    bus.on('test.pinged', async (_ex, e) => {
      seen.push(`b${e.n}`);
    });
    await bus.emit(trx, 'test.pinged', { n: 1 });
    expect(seen).toEqual(['a1', 'b1']);
  });

  it('stops at the first listener that throws, so the emitter’s transaction rolls back', async () => {
    const bus = createEventBus();
    const seen: number[] = [];
    bus.on('test.pinged', async () => {
      throw new Error('refused');
    });
    bus.on('test.pinged', async (_ex, e) => {
      seen.push(e.n);
    });
    await expect(bus.emit(trx, 'test.pinged', { n: 2 })).rejects.toThrow('refused');
    expect(seen).toEqual([]);
  });

  it('forgets a removed listener and tolerates removal during an emit', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    const off = bus.on('test.pinged', async () => {
      seen.push('first');
      off();
    });
    bus.on('test.pinged', async () => {
      seen.push('second');
    });
    await bus.emit(trx, 'test.pinged', { n: 1 });
    await bus.emit(trx, 'test.pinged', { n: 2 });
    expect(seen).toEqual(['first', 'second', 'second']);
  });

  it('emits to nobody without error', async () => {
    await expect(createEventBus().emit(trx, 'test.pinged', { n: 0 })).resolves.toBeUndefined();
  });
});
