import { addDays, daysBetween } from '../../../kernel/calendar/dates.js';

/**
 * Patrol coverage (巡查覆盖率) of a period: for each grid, the local days (Asia/Shanghai) on which it
 * was patrolled at least once, divided by the days of the period; grids never walked; and per person
 * the patrols, days and grids walked. Pure: the store hands in the day-rows, the roll-up folds them.
 */

/** One grid patrolled on one local day, `patrols` times. */
export interface GridDay {
  gridId: string;
  day: string;
  patrols: number;
}

export interface GridCoverage {
  gridId: string;
  patrolledDays: number;
  patrols: number;
  /** patrolledDays ÷ days of the period, 0–1. */
  ratio: number;
}

export interface CoverageRollup {
  days: number;
  grids: GridCoverage[];
  /** The grids with no patrolled day in the period, in the order given. */
  neverWalked: string[];
  /** Σ patrolled days ÷ (grids × days): the area's coverage as one figure. */
  ratio: number;
}

/** Days of [first, last], both included; 0 when last is before first. */
export function daysInPeriod(first: string, last: string): number {
  return Math.max(0, daysBetween(first, last) + 1);
}

/**
 * The last day a period's coverage counts: its last day, or today (Asia/Shanghai) when the period runs on
 * past it — a day not yet come cannot have been patrolled, so a month-to-date view divides by the days so
 * far, not the whole month. Before `first` when the period lies wholly in the future.
 */
export function countedThrough(first: string, last: string, today: string): string {
  return last > today ? (today < first ? addDays(first, -1) : today) : last;
}

/** Days of [first, last] up to today, both included: the divisor of coverage (0 for a future period). */
export function elapsedDays(first: string, last: string, today: string): number {
  return daysInPeriod(first, countedThrough(first, last, today));
}

/** Every local day of [first, last] in order. */
export function periodDays(first: string, last: string): string[] {
  return Array.from({ length: daysInPeriod(first, last) }, (_, i) => addDays(first, i));
}

/** Per grid: the distinct days of [first, last] it was patrolled, and its patrols on them. */
export interface GridDayCount {
  gridId: string;
  patrolledDays: number;
  patrols: number;
}

/**
 * The reference fold of day-rows into counts per grid (a grid counted twice on one day counts one day;
 * rows outside the period are ignored). The store's GROUP BY over the roll-up table answers the same.
 */
export function countDays(rows: readonly GridDay[], first: string, last: string): GridDayCount[] {
  const by = new Map<string, { days: Set<string>; patrols: number }>();
  for (const r of rows) {
    if (r.day < first || r.day > last || r.patrols <= 0) continue;
    let g = by.get(r.gridId);
    if (!g) by.set(r.gridId, (g = { days: new Set(), patrols: 0 }));
    g.days.add(r.day);
    g.patrols += r.patrols;
  }
  return [...by.entries()].map(([gridId, g]) => ({ gridId, patrolledDays: g.days.size, patrols: g.patrols }));
}

/** Coverage of the grids, in the order of `gridIds`, from their counts (counts of other grids are ignored). */
export function coverageOf(gridIds: readonly string[], counts: readonly GridDayCount[], days: number): CoverageRollup {
  const by = new Map(counts.map((c) => [c.gridId, c]));
  const grids = gridIds.map((gridId) => {
    const c = by.get(gridId);
    const patrolledDays = Math.min(c?.patrolledDays ?? 0, days);
    return { gridId, patrolledDays, patrols: c?.patrols ?? 0, ratio: days ? patrolledDays / days : 0 };
  });
  const walked = grids.reduce((s, g) => s + g.patrolledDays, 0);
  return {
    days,
    grids,
    neverWalked: grids.filter((g) => g.patrolledDays === 0).map((g) => g.gridId),
    ratio: days && grids.length ? walked / (days * grids.length) : 0,
  };
}

/** Coverage of the grids over [first, last] from day-rows. */
export function rollUpCoverage(
  gridIds: readonly string[],
  rows: readonly GridDay[],
  first: string,
  last: string,
): CoverageRollup {
  return coverageOf(gridIds, countDays(rows, first, last), daysInPeriod(first, last));
}

/** One person on one patrol: its local days and its grids. */
export interface PersonPatrol {
  personKey: string;
  name: string;
  patrolId: string;
  days: readonly string[];
  gridIds: readonly string[];
}

export interface PersonCoverage {
  personKey: string;
  name: string;
  patrols: number;
  patrolledDays: number;
  grids: number;
}

/** Per person: patrols joined, distinct local days in the period and distinct grids walked; most days first. */
export function rollUpPeople(rows: readonly PersonPatrol[], first: string, last: string): PersonCoverage[] {
  const by = new Map<string, { name: string; patrols: Set<string>; days: Set<string>; grids: Set<string> }>();
  for (const r of rows) {
    const inPeriod = r.days.filter((d) => d >= first && d <= last);
    if (inPeriod.length === 0) continue;
    let p = by.get(r.personKey);
    if (!p) by.set(r.personKey, (p = { name: r.name, patrols: new Set(), days: new Set(), grids: new Set() }));
    p.patrols.add(r.patrolId);
    for (const d of inPeriod) p.days.add(d);
    for (const g of r.gridIds) p.grids.add(g);
  }
  return [...by.entries()]
    .map(([personKey, p]) => ({
      personKey,
      name: p.name,
      patrols: p.patrols.size,
      patrolledDays: p.days.size,
      grids: p.grids.size,
    }))
    .sort(
      (a, b) => b.patrolledDays - a.patrolledDays || b.patrols - a.patrols || a.name.localeCompare(b.name, 'zh-CN'),
    );
}

/** The local days a patrol counts for: each day from its start's to its end's. */
export function patrolDays(startDay: string, endDay: string): string[] {
  return periodDays(startDay, endDay < startDay ? startDay : endDay);
}
