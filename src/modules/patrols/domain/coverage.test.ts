import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar/dates.js';
import {
  countedThrough,
  daysInPeriod,
  elapsedDays,
  patrolDays,
  periodDays,
  rollUpCoverage,
  rollUpPeople,
  type GridDay,
} from './coverage.js';

const GRIDS = ['g1', 'g2', 'g3', 'g4'];
const gridDay = fc.record({
  gridId: fc.constantFrom(...GRIDS, 'elsewhere'),
  day: fc.integer({ min: 0, max: 60 }).map((i) => addDays('2026-11-01', i)),
  patrols: fc.integer({ min: 1, max: 3 }),
});

describe('patrol coverage roll-up', () => {
  it('counts a day once per grid, however many patrols, and only inside the period', () => {
    const rows: GridDay[] = [
      { gridId: 'g1', day: '2026-12-01', patrols: 2 },
      { gridId: 'g1', day: '2026-12-01', patrols: 1 },
      { gridId: 'g1', day: '2026-12-03', patrols: 1 },
      { gridId: 'g1', day: '2026-11-30', patrols: 4 },
      { gridId: 'g2', day: '2026-12-02', patrols: 1 },
    ];
    const r = rollUpCoverage(['g1', 'g2', 'g3'], rows, '2026-12-01', '2026-12-10');
    expect(r.days).toBe(10);
    expect(r.grids).toEqual([
      { gridId: 'g1', patrolledDays: 2, patrols: 4, ratio: 0.2 },
      { gridId: 'g2', patrolledDays: 1, patrols: 1, ratio: 0.1 },
      { gridId: 'g3', patrolledDays: 0, patrols: 0, ratio: 0 },
    ]);
    expect(r.neverWalked).toEqual(['g3']);
    expect(r.ratio).toBeCloseTo(3 / 30);
  });

  it('equals a fold over the raw rows, whatever their order, and stays within 0–1', () => {
    fc.assert(
      fc.property(
        fc.array(gridDay, { maxLength: 120 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (rows, a, len) => {
          const first = addDays('2026-11-01', a);
          const last = addDays(first, len);
          const r = rollUpCoverage(GRIDS, rows, first, last);
          const shuffled = rollUpCoverage(GRIDS, [...rows].reverse(), first, last);
          expect(shuffled).toEqual(r);
          expect(r.days).toBe(len + 1);
          for (const g of r.grids) {
            const days = new Set(
              rows.filter((x) => x.gridId === g.gridId && x.day >= first && x.day <= last).map((x) => x.day),
            );
            expect(g.patrolledDays).toBe(days.size);
            expect(g.ratio).toBeGreaterThanOrEqual(0);
            expect(g.ratio).toBeLessThanOrEqual(1);
          }
          expect(r.neverWalked).toEqual(r.grids.filter((g) => g.patrolledDays === 0).map((g) => g.gridId));
          // Splitting the rows in two and adding a row of a grid never makes a grid's days fall.
          const more = rollUpCoverage(GRIDS, [...rows, { gridId: 'g1', day: first, patrols: 1 }], first, last);
          expect(more.grids[0]!.patrolledDays).toBeGreaterThanOrEqual(r.grids[0]!.patrolledDays);
        },
      ),
    );
  });

  it('counts a period’s days inclusively and a patrol over midnight on both days', () => {
    expect(daysInPeriod('2026-12-01', '2026-12-31')).toBe(31);
    expect(daysInPeriod('2026-12-02', '2026-12-01')).toBe(0);
    expect(patrolDays('2026-12-01', '2026-12-02')).toEqual(['2026-12-01', '2026-12-02']);
    expect(patrolDays('2026-12-01', '2026-12-01')).toEqual(['2026-12-01']);
  });

  it('per person: distinct patrols, days and grids, most days first', () => {
    const people = rollUpPeople(
      [
        { personKey: 'a', name: '甲', patrolId: 'p1', days: ['2026-12-01'], gridIds: ['g1'] },
        { personKey: 'a', name: '甲', patrolId: 'p2', days: ['2026-12-01'], gridIds: ['g2'] },
        { personKey: 'b', name: '乙', patrolId: 'p1', days: ['2026-12-01'], gridIds: ['g1'] },
        { personKey: 'b', name: '乙', patrolId: 'p3', days: ['2026-12-02'], gridIds: ['g1'] },
        { personKey: 'c', name: '丙', patrolId: 'p4', days: ['2026-11-02'], gridIds: ['g1'] },
      ],
      '2026-12-01',
      '2026-12-31',
    );
    expect(people).toEqual([
      { personKey: 'b', name: '乙', patrols: 2, patrolledDays: 2, grids: 1 },
      { personKey: 'a', name: '甲', patrols: 2, patrolledDays: 1, grids: 2 },
    ]);
  });
});

describe('days of a period that count', () => {
  it('stops at today: a month-to-date view divides by the days so far, a future period by none', () => {
    expect(elapsedDays('2026-12-01', '2026-12-31', '2026-12-07')).toBe(7);
    expect(elapsedDays('2026-12-01', '2026-12-05', '2026-12-07')).toBe(5);
    expect(elapsedDays('2026-12-08', '2026-12-31', '2026-12-07')).toBe(0);
    expect(elapsedDays('2026-12-07', '2026-12-07', '2026-12-07')).toBe(1);
    expect(countedThrough('2026-12-01', '2026-12-31', '2026-12-07')).toBe('2026-12-07');
  });

  it('never counts more days than the period nor any day after today', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 90 }),
        (a, len, t) => {
          const first = addDays('2026-11-01', a);
          const last = addDays(first, len);
          const today = addDays('2026-11-01', t);
          const n = elapsedDays(first, last, today);
          expect(n).toBeLessThanOrEqual(daysInPeriod(first, last));
          expect(n).toBe(periodDays(first, last).filter((d) => d <= today).length);
        },
      ),
    );
  });
});
