import type { FieldPartial } from './rollup.js';
import { ancestorAreas, type Contribution, type ContributionDelta } from './rollup-table.js';

/*
 * When a unit moves with its subtree, the roll-up follows without re-reading the reports: in the
 * fold (rollup-table.ts) a report counts in every area above its unit, so after the move
 *
 *   - areas inside the subtree (the unit's own area and below) hold the same reports under new paths:
 *     their rows are re-keyed;
 *   - areas above both the old and the new place (the district) are unchanged;
 *   - areas above the old place only lose, and areas above the new place only gain, exactly the
 *     subtree's reports: the unit's own area row plus the unit's own reports.
 *
 * Sums and counts move exactly; a max that came from the subtree is recomputed by the store.
 */

/** The path a unit under `from` has after the subtree moved to `to`: '/d/s1/c/g/' → '/d/s2/c/g/'. */
export function rekeyPath(path: string, from: string, to: string): string {
  if (!path.startsWith(from)) throw new Error(`${path} is not under ${from}`);
  return to + path.slice(from.length);
}

/** The areas that lose the subtree's reports and those that gain them, when a unit moves from oldPath to newPath. */
export function areasOnMove(oldPath: string, newPath: string): { left: string[]; joined: string[] } {
  const before = ancestorAreas(oldPath);
  const after = ancestorAreas(newPath);
  return { left: before.filter((a) => !after.includes(a)), joined: after.filter((a) => !before.includes(a)) };
}

/** Every report of a subtree for one period, as the areas above it count them. */
export interface SubtreeTotal {
  period: string;
  submitted: number;
  onTime: number;
  zero: number;
  fields: Record<string, FieldPartial>;
}

/**
 * The subtree's reports per period: the roll-up rows of the moving unit's own area (its descendants'
 * reports) merged with the contributions of the unit's own reports. Periods in order.
 */
export function subtreeTotals(
  area: {
    counts: readonly { period: string; submitted: number; onTime: number; zero: number }[];
    fields: readonly { period: string; field: string; sum: number; count: number; max: number | null }[];
  },
  own: readonly { period: string; contribution: Contribution }[],
): SubtreeTotal[] {
  const byPeriod = new Map<string, SubtreeTotal>();
  const at = (period: string) => {
    let t = byPeriod.get(period);
    if (!t) byPeriod.set(period, (t = { period, submitted: 0, onTime: 0, zero: 0, fields: {} }));
    return t;
  };
  const merge = (t: SubtreeTotal, field: string, p: FieldPartial) => {
    const q = t.fields[field] ?? (t.fields[field] = { sum: 0, count: 0, max: null });
    q.sum += p.sum;
    q.count += p.count;
    if (p.max !== null && (q.max === null || p.max > q.max)) q.max = p.max;
  };
  for (const r of area.counts) {
    const t = at(r.period);
    t.submitted += r.submitted;
    t.onTime += r.onTime;
    t.zero += r.zero;
  }
  for (const r of area.fields) if (r.count !== 0) merge(at(r.period), r.field, r);
  for (const o of own) {
    const t = at(o.period);
    t.submitted += o.contribution.submitted;
    t.onTime += o.contribution.onTime;
    t.zero += o.contribution.zero;
    for (const [field, v] of Object.entries(o.contribution.fields)) merge(t, field, { sum: v, count: 1, max: v });
  }
  return [...byPeriod.values()]
    .filter((t) => t.submitted !== 0 || Object.keys(t.fields).length > 0)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/**
 * What the areas the subtree leaves lose, and what the areas it joins gain, for one period. A lost
 * max is named as `removed`, so the store recomputes an area's max when it may have come from the subtree.
 */
export function moveDeltas(t: SubtreeTotal): { leave: ContributionDelta; join: ContributionDelta } {
  const fields = Object.entries(t.fields);
  return {
    leave: {
      submitted: -t.submitted,
      onTime: -t.onTime,
      zero: -t.zero,
      fields: fields.map(([field, p]) => ({ field, sum: -p.sum, count: -p.count, add: null, removed: p.max })),
    },
    join: {
      submitted: t.submitted,
      onTime: t.onTime,
      zero: t.zero,
      fields: fields.map(([field, p]) => ({ field, sum: p.sum, count: p.count, add: p.max, removed: null })),
    },
  };
}
