/**
 * The areas a 通报 names: the first three places, and the last three places among the ranked (a rate
 * over nothing is not ranked). Ties share a place, so "the last three" are the ranked areas whose rank
 * is at least that of the third from last — and below the third place, so a table where everyone
 * ties within the first three places names nobody at either end. A tie of more than MAX_NAMED areas
 * at either end (468 grids with nothing) names nobody there either.
 */
/** More areas than this sharing the first or last places (a big tie) are not named, nor marked. */
export const MAX_NAMED = 5;

export function rankingMarks(rows: readonly { id: string; rank: number | null }[]): {
  top: Set<string>;
  bottom: Set<string>;
} {
  const ranked = rows.filter((r) => r.rank !== null) as { id: string; rank: number }[];
  const first = ranked.filter((r) => r.rank <= 3);
  // When the first three places take in every one of more than three areas, nobody stands out.
  const top = new Set(first.length === ranked.length && ranked.length > 3 ? [] : first.map((r) => r.id));
  const least = ranked.length >= 3 ? [...ranked].sort((a, b) => b.rank - a.rank)[2]!.rank : Infinity;
  const bottom = new Set(ranked.filter((r) => r.rank >= least && r.rank > 3).map((r) => r.id));
  const named = (set: Set<string>) => (set.size > MAX_NAMED ? new Set<string>() : set);
  return { top: named(top), bottom: named(bottom) };
}
