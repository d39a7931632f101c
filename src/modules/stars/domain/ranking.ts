/**
 * The quarter's ranking of branches (SPEC §9, issue 14 item 5): by stars held after the quarter's
 * confirmed rating, then by the rating's total score. Ties share a rank and the next rank skips
 * (competition ranking: 1, 1, 3). A branch without a confirmed rating is listed as 未评 and not ranked.
 * Movement is the rank last quarter minus the rank now (positive = moved up), null when either is
 * missing.
 */
export interface RankEntry {
  branchId: string;
  /** For a stable order of tied and unrated rows in the table. */
  name: string;
  /** null = no confirmed rating this quarter (未评). */
  rated: { stars: number; score: number } | null;
}

export interface RankedRow extends RankEntry {
  rank: number | null;
  previousRank: number | null;
  movement: number | null;
}

const zh = new Intl.Collator('zh-CN', { numeric: true });

/**
 * One number ordering rated entries: more stars first, then the higher score compared to the hundredth,
 * as shown (87.333… and 87.33 tie).
 */
const keyOf = (r: { stars: number; score: number }): number => r.stars * 1e9 + Math.round(r.score * 100);

/** Ranks of the rated branches: 1 + how many are strictly better. */
export function ranksOf(entries: readonly RankEntry[]): Map<string, number> {
  const rated = entries.flatMap((e) => (e.rated ? [{ id: e.branchId, key: keyOf(e.rated) }] : []));
  rated.sort((a, b) => b.key - a.key);
  const out = new Map<string, number>();
  rated.forEach((e, i) => {
    const prev = rated[i - 1];
    out.set(e.id, prev && prev.key === e.key ? out.get(prev.id)! : i + 1);
  });
  return out;
}

/** The table: ranked rows best first (ties by name), then the unrated by name. */
export function rankBranches(current: readonly RankEntry[], previous: readonly RankEntry[] = []): RankedRow[] {
  const now = ranksOf(current);
  const before = ranksOf(previous);
  // Ranked first by rank; names (the collator is the costly part) only order ties and the unrated.
  const rankAt = Float64Array.from(current, (e) => now.get(e.branchId) ?? Number.MAX_SAFE_INTEGER);
  const order = current.map((_, i) => i).sort((a, b) => rankAt[a]! - rankAt[b]!);
  for (let from = 0; from < order.length;) {
    let to = from + 1;
    while (to < order.length && rankAt[order[to]!] === rankAt[order[from]!]) to++;
    if (to - from > 1) {
      const group = order.slice(from, to).sort((a, b) => zh.compare(current[a]!.name, current[b]!.name));
      group.forEach((idx, k) => (order[from + k] = idx));
    }
    from = to;
  }
  return order.map((i) => {
    const e = current[i]!;
    const rank = now.get(e.branchId) ?? null;
    const previousRank = before.get(e.branchId) ?? null;
    return {
      ...e,
      rank,
      previousRank,
      movement: rank !== null && previousRank !== null ? previousRank - rank : null,
    };
  });
}
