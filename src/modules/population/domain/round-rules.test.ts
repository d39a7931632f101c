import { describe, expect, it } from 'vitest';
import { checkRoundWindow, checkVisitTime, roundPhase } from './round-rules.js';

const round = { startsOn: '2026-12-01', endsOn: '2026-12-07' };

describe('a door-knocking round’s window', () => {
  it('is upcoming, open on both end days, then ended', () => {
    expect(roundPhase(round, '2026-11-30')).toBe('upcoming');
    expect(roundPhase(round, '2026-12-01')).toBe('open');
    expect(roundPhase(round, '2026-12-07')).toBe('open');
    expect(roundPhase(round, '2026-12-08')).toBe('ended');
  });
  it('refuses an end before the start and a window over a year', () => {
    expect(checkRoundWindow('2026-12-07', '2026-12-06')).toBe('ends_before_start');
    expect(checkRoundWindow('2026-01-01', '2026-12-31')).toBeNull();
    expect(checkRoundWindow('2024-01-01', '2024-12-31')).toBeNull(); // 366 days in a leap year
    expect(checkRoundWindow('2026-01-01', '2027-01-02')).toBe('too_long');
  });
  it('counts a visit made within the window even when it arrives after, but none from the future', () => {
    const now = '2026-12-09T02:00:00.000Z';
    expect(checkVisitTime(round, { visitedAt: '2026-12-07T10:00:00.000Z', visitDay: '2026-12-07' }, now)).toBeNull();
    expect(checkVisitTime(round, { visitedAt: '2026-12-08T01:00:00.000Z', visitDay: '2026-12-08' }, now)).toBe(
      'outside_round',
    );
    expect(checkVisitTime(round, { visitedAt: '2026-12-09T03:00:00.000Z', visitDay: '2026-12-09' }, now)).toBe(
      'future',
    );
    expect(checkVisitTime(round, { visitedAt: '2026-12-09T02:04:00.000Z', visitDay: '2026-12-09' }, now)).toBe(
      'outside_round',
    );
  });
});
