import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEnd, checkPoints, checkStart, CLOCK_SKEW_MS, MAX_PATROL_MS } from './patrol-rules.js';

const now = new Date('2026-12-01T08:00:00Z');
const at = (iso: string) => new Date(iso);

describe('patrol rules', () => {
  it('takes a start from the phone unless it lies ahead of the server or a week back', () => {
    expect(checkStart(at('2026-12-01T07:00:00Z'), now)).toBeNull();
    expect(checkStart(new Date(now.getTime() + CLOCK_SKEW_MS), now)).toBeNull();
    expect(checkStart(at('2026-12-01T09:00:00Z'), now)).toEqual({ field: 'startedAt', code: 'patrol.time_future' });
    expect(checkStart(at('2026-11-20T08:00:00Z'), now)?.code).toBe('patrol.start_too_old');
  });

  it('refuses an end before the start, ahead of the server or over a day long', () => {
    const s = at('2026-12-01T06:00:00Z');
    expect(checkEnd(s, at('2026-12-01T07:00:00Z'), now)).toBeNull();
    expect(checkEnd(s, s, now)).toBeNull();
    expect(checkEnd(s, at('2026-12-01T05:59:59Z'), now)).toEqual({ field: 'endedAt', code: 'patrol.end_before_start' });
    expect(checkEnd(s, at('2026-12-01T09:00:00Z'), now)?.code).toBe('patrol.time_future');
    expect(checkEnd(at('2026-11-29T06:00:00Z'), at('2026-11-30T07:00:00Z'), now)?.code).toBe('patrol.too_long');
  });

  it('any end is refused exactly when it is before the start, too far ahead or too long after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * MAX_PATROL_MS, max: 0 }),
        fc.integer({ min: -MAX_PATROL_MS, max: 2 * MAX_PATROL_MS }),
        (s, d) => {
          const start = new Date(now.getTime() + s);
          const end = new Date(start.getTime() + d);
          const ok = d >= 0 && d <= MAX_PATROL_MS && end.getTime() <= now.getTime() + CLOCK_SKEW_MS;
          expect(checkEnd(start, end, now) === null).toBe(ok);
        },
      ),
    );
  });

  it('names the first point outside the patrol’s time', () => {
    const window = { startedAt: at('2026-12-01T06:00:00Z'), endedAt: null, now };
    const p = (iso: string) => ({ lat: 33.6, lng: 114.6, at: at(iso) });
    expect(checkPoints([p('2026-12-01T06:10:00Z'), p('2026-12-01T07:10:00Z')], window)).toBeNull();
    expect(checkPoints([p('2026-12-01T06:10:00Z'), p('2026-12-01T05:00:00Z')], window)).toEqual({
      field: 'points[1].at',
      code: 'patrol.point_outside_patrol',
    });
    expect(checkPoints([p('2026-12-01T09:00:00Z')], window)?.field).toBe('points[0].at');
  });
});
