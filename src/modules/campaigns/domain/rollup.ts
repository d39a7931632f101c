/**
 * Sums of work quantities over the unit tree, without double counting (issue 13 item 5).
 *
 * The rule: an entry counts once, at the unit where it was recorded; a unit's sum is the sum of the
 * entries recorded at it or anywhere below it (its path is a prefix of theirs). A campaign's
 * quantities are its entries (each recorded at one unit), never a copy per participating unit. So over
 * any set of units none of which lies under another (the children of a unit, every sub-district),
 * each entry adds to at most one of them, and a parent's sum is the entries recorded at the parent
 * itself plus its children's sums.
 */

/** An entry or a group of entries recorded at one unit (e.g. a SQL SUM grouped by unit path). */
export interface QuantityAt {
  /** The recording unit's tree path, e.g. '/d/s/c/' (every unit's path ends with '/'). */
  unitPath: string;
  quantity: number;
}

export interface UnitNode {
  id: string;
  path: string;
}

/**
 * Each unit's sum: the quantities recorded at it or below it. Walks each entry's own path prefixes
 * once (not each unit × each entry), so the cost is entries × depth.
 */
export function rollUp(units: readonly UnitNode[], quantities: readonly QuantityAt[]): Map<string, number> {
  const byPath = new Map(units.map((u) => [u.path, u.id]));
  const sums = new Map(units.map((u) => [u.id, 0]));
  for (const q of quantities) {
    let i = q.unitPath.indexOf('/', 1);
    while (i > 0) {
      const id = byPath.get(q.unitPath.slice(0, i + 1));
      if (id !== undefined) sums.set(id, sums.get(id)! + q.quantity);
      i = q.unitPath.indexOf('/', i + 1);
    }
  }
  return sums;
}

/** Sums by (unit, bucket): the same roll-up per bucket (a month, a day …) of grouped quantities. */
export function rollUpBy<K extends string>(
  units: readonly UnitNode[],
  quantities: readonly (QuantityAt & { bucket: K })[],
  buckets: readonly K[],
): Map<string, number[]> {
  const index = new Map(buckets.map((b, i) => [b, i]));
  const out = new Map(units.map((u) => [u.id, buckets.map(() => 0)]));
  for (const [i] of buckets.entries()) {
    const sums = rollUp(
      units,
      quantities.filter((q) => index.get(q.bucket) === i),
    );
    for (const [id, v] of sums) out.get(id)![i] = v;
  }
  return out;
}

/** Adds with a fixed number of decimals, so 0.1 + 0.2 shows as 0.3 (quantities carry at most 2). */
export function roundQuantity(v: number): number {
  return Math.round(v * 100) / 100;
}
