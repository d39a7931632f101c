import { describe, expect, it } from 'vitest';
import { createCalendar, type WorkCalendar } from './calendar.js';
import { CalendarCache } from './calendar-cache.js';

function source(version: () => string) {
  const calls = { load: 0, version: 0 };
  return {
    calls,
    src: {
      load: async (): Promise<WorkCalendar> => {
        calls.load++;
        return createCalendar();
      },
      version: async () => {
        calls.version++;
        return version();
      },
    },
  };
}

describe('CalendarCache', () => {
  it('builds a calendar once and reuses it until asked to recheck', async () => {
    let now = 0;
    const cache = new CalendarCache(5_000, () => now);
    const s = source(() => 'v1');
    const a = await cache.get('411602', s.src);
    now = 4_999;
    expect(await cache.get('411602', s.src)).toBe(a);
    expect(s.calls).toEqual({ load: 1, version: 1 });
    now = 5_000;
    expect(await cache.get('411602', s.src)).toBe(a);
    expect(s.calls).toEqual({ load: 1, version: 2 });
  });

  it('rebuilds when another process changed the days (the version moved)', async () => {
    let now = 0;
    let version = 'v1';
    const cache = new CalendarCache(5_000, () => now);
    const s = source(() => version);
    const a = await cache.get('411602', s.src);
    version = 'v2';
    expect(await cache.get('411602', s.src)).toBe(a);
    now = 6_000;
    expect(await cache.get('411602', s.src)).not.toBe(a);
    expect(s.calls.load).toBe(2);
  });

  it('rebuilds at once after invalidate(), and never keeps a load that began before it', async () => {
    const cache = new CalendarCache(5_000, () => 0);
    const s = source(() => 'v1');
    const a = await cache.get('411602', s.src);
    cache.invalidate();
    const b = await cache.get('411602', s.src);
    expect(b).not.toBe(a);
    let release: (() => void) | undefined;
    const slow = {
      version: async () => 'v1',
      load: () =>
        new Promise<WorkCalendar>((resolve) => {
          release = () => resolve(createCalendar());
        }),
    };
    cache.invalidate('411602');
    const pending = cache.get('411602', slow);
    while (!release) await Promise.resolve();
    cache.invalidate('411602');
    release();
    const stale = await pending;
    expect(await cache.get('411602', s.src)).not.toBe(stale);
  });

  it('keeps districts apart', async () => {
    const cache = new CalendarCache(5_000, () => 0);
    const s = source(() => 'v1');
    expect(await cache.get('411602', s.src)).not.toBe(await cache.get('411603', s.src));
  });
});
