/** One area's value to rank; null is not ranked (a rate over nothing). */
export interface Rankable {
  key: string;
  value: number | null;
}

/**
 * Competition ranking (1, 1, 3): best first by the measure's direction, equal values share the
 * better rank, areas without a value get null and come last. Values are compared after rounding to
 * 1e-9 so that 2/3 and 4/6 tie.
 */
export function rankAreas(items: readonly Rankable[], better: 'higher' | 'lower'): Map<string, number | null> {
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  const ranked = items
    .filter((i) => i.value !== null)
    .map((i) => ({ key: i.key, v: round(i.value!) }))
    .sort((a, b) => (better === 'higher' ? b.v - a.v : a.v - b.v));
  const ranks = new Map<string, number | null>();
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    ranks.set(r.key, prev && prev.v === r.v ? ranks.get(prev.key)! : i + 1);
  });
  for (const i of items) if (i.value === null) ranks.set(i.key, null);
  return ranks;
}

/** A figure's value: a count is its numerator; a rate is numerator ÷ denominator, null over 0. */
export function valueOf(v: { numerator: number; denominator?: number | null }, kind: 'count' | 'rate'): number | null {
  if (kind === 'count') return v.numerator;
  return v.denominator ? v.numerator / v.denominator : null;
}
