import { describe, expect, it } from 'vitest';
import { formatDateTime, parseDateTime } from './open311.time.js';

const CST = 8 * 3600_000;
const at = (s: string, opts = {}) => {
  const r = parseDateTime(s, CST, opts);
  return r.ok ? r.date.toISOString() : r.reason;
};

describe('W3C datetimes', () => {
  it('writes instants with the zone offset and no fraction', () => {
    expect(formatDateTime(new Date('2026-11-30T02:00:00.789Z'), CST)).toBe('2026-11-30T10:00:00+08:00');
    expect(formatDateTime(new Date('2026-11-30T20:00:00Z'), CST)).toBe('2026-12-01T04:00:00+08:00');
    expect(formatDateTime(new Date('2026-11-30T02:00:00Z'), -(5 * 60 + 30) * 60_000)).toBe('2026-11-29T20:30:00-05:30');
    expect(formatDateTime(new Date('2026-11-30T02:00:00Z'), 0)).toBe('2026-11-30T02:00:00+00:00');
  });

  it('reads the W3C forms with Z or an offset', () => {
    expect(at('2026-11-30T10:00:00+08:00')).toBe('2026-11-30T02:00:00.000Z');
    expect(at('2026-11-30T02:00:00Z')).toBe('2026-11-30T02:00:00.000Z');
    expect(at('2026-11-30T02:00Z')).toBe('2026-11-30T02:00:00.000Z');
    expect(at('2026-11-30T02:00:00.25-01:30')).toBe('2026-11-30T03:30:00.250Z');
  });

  it('reads a date alone as the whole local day', () => {
    expect(at('2026-11-30')).toBe('2026-11-29T16:00:00.000Z');
    expect(at('2026-11-30', { endOfDay: true })).toBe('2026-11-30T15:59:59.999Z');
  });

  it('needs a zone with a time, unless local time is allowed', () => {
    expect(at('2026-11-30T10:00:00')).toBe('zone');
    expect(at('2026-11-30T10:00', { zoneOptional: true })).toBe('2026-11-30T02:00:00.000Z');
  });

  it('refuses what is not a real datetime', () => {
    for (const s of [
      '2026-02-30',
      '2026-13-01',
      '2026-11-30T24:00:00Z',
      '2026-11-30T10:60:00Z',
      '2026-11-30 10:00:00Z',
      '20261130',
      '2026-11',
      '2026-11-30T10:00:00+0800',
      '2026-11-30T10:00:00+15:00',
      'yesterday',
      '',
    ]) {
      expect(at(s), s).toBe('format');
    }
  });
});
