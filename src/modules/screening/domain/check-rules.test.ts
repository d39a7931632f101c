import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dueAt,
  dueLocalDay,
  escalationLevelAt,
  isOverdue,
  levelsToTell,
  minutesLeft,
  routeCheck,
  type EscalationLevel,
} from './check-rules.js';

const SHANGHAI = 8 * 3600_000;

describe('协查 24-hour rule', () => {
  it('is due exactly 24 hours after it was pushed, across the Asia/Shanghai day boundary', () => {
    // 23:30 on 7 December in 陈州 is 15:30 UTC: due 23:30 on 8 December local.
    expect(dueAt('2026-12-07T15:30:00.000Z')).toBe('2026-12-08T15:30:00.000Z');
    expect(dueLocalDay('2026-12-08T15:30:00.000Z', SHANGHAI)).toBe('2026-12-08');
    // 00:10 on 8 December local is 16:10 UTC on the 7th: due 00:10 on 9 December local.
    expect(dueAt('2026-12-07T16:10:00.000Z')).toBe('2026-12-08T16:10:00.000Z');
    expect(dueLocalDay('2026-12-08T16:10:00.000Z', SHANGHAI)).toBe('2026-12-09');
    // Across a month and a year end.
    expect(dueAt('2026-12-31T20:00:00.000Z')).toBe('2027-01-01T20:00:00.000Z');
    expect(dueLocalDay('2027-01-01T20:00:00.000Z', SHANGHAI)).toBe('2027-01-02');
  });

  it('counts minutes left, negative once late', () => {
    const due = '2026-12-08T02:00:00.000Z';
    expect(minutesLeft(due, '2026-12-07T22:30:00.000Z')).toBe(210);
    expect(minutesLeft(due, '2026-12-08T02:00:00.000Z')).toBe(0);
    expect(minutesLeft(due, '2026-12-08T02:00:30.000Z')).toBe(-1);
  });

  it('is 已超时 unanswered past due or answered after it, never at the due instant', () => {
    const due = '2026-12-08T02:00:00.000Z';
    expect(isOverdue({ dueAt: due, answeredAt: null }, '2026-12-08T02:00:00.000Z')).toBe(false);
    expect(isOverdue({ dueAt: due, answeredAt: null }, '2026-12-08T02:00:01.000Z')).toBe(true);
    expect(isOverdue({ dueAt: due, answeredAt: '2026-12-08T01:59:00.000Z' }, '2026-12-10T00:00:00.000Z')).toBe(false);
    expect(isOverdue({ dueAt: due, answeredAt: '2026-12-08T03:00:00.000Z' }, '2026-12-10T00:00:00.000Z')).toBe(true);
  });

  it('escalates to the sub-district when due, to the district 24 hours later', () => {
    const item = { dueAt: '2026-12-08T02:00:00.000Z', answeredAt: null };
    expect(escalationLevelAt(item, '2026-12-08T01:59:59.000Z')).toBe(0);
    expect(escalationLevelAt(item, '2026-12-08T02:00:00.000Z')).toBe(0);
    expect(escalationLevelAt(item, '2026-12-08T02:05:00.000Z')).toBe(1);
    expect(escalationLevelAt(item, '2026-12-09T02:00:00.000Z')).toBe(1);
    expect(escalationLevelAt(item, '2026-12-09T02:00:01.000Z')).toBe(2);
    expect(escalationLevelAt({ ...item, answeredAt: '2026-12-08T05:00:00.000Z' }, '2026-12-12T00:00:00.000Z')).toBe(0);
  });

  it('tells each level once: the job run twice tells nobody twice', () => {
    expect(levelsToTell(0, 0)).toEqual([]);
    expect(levelsToTell(0, 1)).toEqual([1]);
    expect(levelsToTell(0, 2)).toEqual([1, 2]);
    expect(levelsToTell(1, 2)).toEqual([2]);
    expect(levelsToTell(2, 2)).toEqual([]);
    expect(levelsToTell(2, 1)).toEqual([]);
    const level = fc.constantFrom<EscalationLevel>(0, 1, 2);
    fc.assert(
      fc.property(level, level, level, (start, a, b) => {
        // Two runs in a row reach the same level as one run to the higher target, each level told once.
        const first = levelsToTell(start, a);
        const reached = (first.length ? first[first.length - 1] : start) as EscalationLevel;
        const second = levelsToTell(reached, b);
        const told = [...first, ...second];
        expect(new Set(told).size).toBe(told.length);
        expect(told.every((l) => l > start)).toBe(true);
      }),
    );
  });
});

describe('协查 routing', () => {
  const scope = { id: 'cz', path: '/d/cz/' };
  const dehua = { id: 'dh', path: '/d/cz/dh/' };
  const zhuzhuang = { id: 'zz', path: '/d/cz/zz/' };
  const elsewhere = { id: 'xx', path: '/d/cb/xx/' };

  it('goes to the household’s community when the person is known in the district', () => {
    expect(routeCheck({ householdCommunity: dehua, columnCommunity: zhuzhuang, scopeUnit: scope })).toEqual({
      unitId: 'dh',
      path: '/d/cz/dh/',
      routedBy: 'household',
    });
  });
  it('else to the community the sheet names', () => {
    expect(routeCheck({ householdCommunity: null, columnCommunity: zhuzhuang, scopeUnit: scope })).toEqual({
      unitId: 'zz',
      path: '/d/cz/zz/',
      routedBy: 'column',
    });
  });
  it('a household outside the campaign’s scope does not route; the column or the scope unit takes it', () => {
    expect(routeCheck({ householdCommunity: elsewhere, columnCommunity: null, scopeUnit: scope })).toEqual({
      unitId: 'cz',
      path: '/d/cz/',
      routedBy: 'scope',
    });
    expect(routeCheck({ householdCommunity: elsewhere, columnCommunity: dehua, scopeUnit: scope }).routedBy).toBe(
      'column',
    );
  });
  it('else waits at the campaign’s scope unit', () => {
    expect(routeCheck({ householdCommunity: null, columnCommunity: null, scopeUnit: scope }).routedBy).toBe('scope');
  });
});
