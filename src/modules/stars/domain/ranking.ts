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

/** Scores are compared to the hundredth, as shown: 87.333… and 87.33 tie. */
export const roundScore = (s: number): number => Math.round(s * 100) / 100;

function better(a: { stars: number; score: number }, b: { stars: number; score: number }): number {
  return b.stars - a.stars || roundScore(b.score) - roundScore(a.score);
}

/** Ranks of the rated branches: 1 + how many are strictly better. */
export function ranksOf(entries: readonly RankEntry[]): Map<string, number> {
  const rated = entries
    .filter((e): e is RankEntry & { rated: { stars: number; score: number } } => e.rated !== null)
    .sort((a, b) => better(a.rated, b.rated));
  const out = new Map<string, number>();
  rated.forEach((e, i) => {
    const prev = rated[i - 1];
    out.set(e.branchId, prev && better(prev.rated, e.rated) === 0 ? out.get(prev.branchId)! : i + 1);
  });
  return out;
}

/** The table: ranked rows best first (ties by name), then the unrated by name. */
export function rankBranches(current: readonly RankEntry[], previous: readonly RankEntry[] = []): RankedRow[] {
  const now = ranksOf(current);
  const before = ranksOf(previous);
  const byName = (a: RankEntry, b: RankEntry) => zh.compare(a.name, b.name);
  return [...current]
    .sort((a, b) => {
      if (a.rated && b.rated) return better(a.rated, b.rated) || byName(a, b);
      if (a.rated || b.rated) return a.rated ? -1 : 1;
      return byName(a, b);
    })
    .map((e) => {
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
