/**
 * 名次变化: how an area's place moved since the previous period, as a 通报 prints it. Rank 1 is best,
 * so a smaller number now is a move up (上升): 3rd → 1st is ↑2.
 * - `new` (新上榜): ranked now, not ranked before (no previous rank: nothing to measure, or no period).
 * - `none` (—): not ranked now (a rate over nothing), whatever it was before.
 */
export interface Movement {
  kind: 'up' | 'down' | 'same' | 'new' | 'none';
  /** Places moved (0 unless up or down). */
  by: number;
  /** zh-CN: ↑2, ↓1, 持平, 新上榜, —. */
  label: string;
}

export function movementOf(rank: number | null, previousRank: number | null): Movement {
  if (rank === null) return { kind: 'none', by: 0, label: '—' };
  if (previousRank === null) return { kind: 'new', by: 0, label: '新上榜' };
  const by = previousRank - rank;
  if (by > 0) return { kind: 'up', by, label: `↑${by}` };
  if (by < 0) return { kind: 'down', by: -by, label: `↓${-by}` };
  return { kind: 'same', by: 0, label: '持平' };
}
