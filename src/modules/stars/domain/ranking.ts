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

/** The rated entries, best first (their positions in `entries` kept). */
function ratedBestFirst(entries: readonly RankEntry[]): { idx: number; key: number }[] {
  const rated: { idx: number; key: number }[] = [];
  entries.forEach((e, idx) => {
    if (e.rated) rated.push({ idx, key: keyOf(e.rated) });
  });
  return rated.sort((a, b) => b.key - a.key);
}

/** Ranks of the rated branches: 1 + how many are strictly better. */
export function ranksOf(entries: readonly RankEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  let rank = 0;
  ratedBestFirst(entries).forEach((e, i, all) => {
    if (i === 0 || all[i - 1]!.key !== e.key) rank = i + 1;
    out.set(entries[e.idx]!.branchId, rank);
  });
  return out;
}

/**
 * The table: ranked rows best first (ties by name), then the unrated by name. One sort of the rated
 * by their key; names (the collator is the costly part) only order ties and the unrated.
 */
export function rankBranches(current: readonly RankEntry[], previous: readonly RankEntry[] = []): RankedRow[] {
  const before = ranksOf(previous);
  const byName = (a: number, b: number) => zh.compare(current[a]!.name, current[b]!.name);
  const rows: RankedRow[] = [];
  const push = (idx: number, rank: number | null) => {
    const e = current[idx]!;
    const previousRank = before.get(e.branchId) ?? null;
    rows.push({
      branchId: e.branchId,
      name: e.name,
      rated: e.rated,
      rank,
      previousRank,
      movement: rank !== null && previousRank !== null ? previousRank - rank : null,
    });
  };
  const rated = ratedBestFirst(current);
  for (let from = 0; from < rated.length;) {
    let to = from + 1;
    while (to < rated.length && rated[to]!.key === rated[from]!.key) to++;
    const group = rated.slice(from, to).map((r) => r.idx);
    if (group.length > 1) group.sort(byName);
    for (const idx of group) push(idx, from + 1);
    from = to;
  }
  const unrated: number[] = [];
  current.forEach((e, idx) => {
    if (!e.rated) unrated.push(idx);
  });
  for (const idx of unrated.sort(byName)) push(idx, null);
  return rows;
}
