/**
 * 缺岗 in a community's duty roster (分班): a day with no duty cadre, and the community's grids that no
 * entry of that day covers. Pure: the roster and the grids come in, the gaps go out.
 */
export interface RosterEntry {
  day: string;
  cadreId: string | null;
  gridIds: readonly string[];
}

export interface DayGaps {
  day: string;
  noCadre: boolean;
  /** In the order of `grids`. */
  uncoveredGridIds: string[];
}

/** The gaps of each day listed (a day without an entry has them all). */
export function rosterGaps(
  days: readonly string[],
  entries: readonly RosterEntry[],
  grids: readonly string[],
): DayGaps[] {
  const byDay = new Map<string, RosterEntry[]>();
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  return days.map((day) => {
    const of = byDay.get(day) ?? [];
    const covered = new Set(of.flatMap((e) => e.gridIds));
    return {
      day,
      noCadre: !of.some((e) => e.cadreId !== null),
      uncoveredGridIds: grids.filter((g) => !covered.has(g)),
    };
  });
}

/** Whether a day's gaps are worth telling anyone about. */
export function hasGap(g: DayGaps): boolean {
  return g.noCadre || g.uncoveredGridIds.length > 0;
}

/**
 * Copying a week forward: each source day lands seven days later. Refused days are the targets that
 * already have an entry, unless `overwrite`.
 */
export function copyForwardPlan(
  weekStart: string,
  source: readonly RosterEntry[],
  targetDaysWithEntries: ReadonlySet<string>,
  overwrite: boolean,
  shift: (day: string, n: number) => string,
): { copies: RosterEntry[]; refused: string[]; replaced: string[] } {
  const copies = source
    .map((e) => ({ ...e, day: shift(e.day, 7) }))
    .filter((e) => e.day >= weekStart && e.day < shift(weekStart, 7));
  const clash = copies.map((e) => e.day).filter((d) => targetDaysWithEntries.has(d));
  if (clash.length && !overwrite) return { copies: [], refused: clash, replaced: [] };
  return { copies, refused: [], replaced: clash };
}
