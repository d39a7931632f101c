import type { TargetKind, TargetStatus } from '../../../contracts/campaigns.js';

export interface TargetRule {
  kind: TargetKind;
  /** at_least: the quantity due by the period's end. */
  value: number | null;
  /** above_references: the values the actual must exceed (全省, 全市 … for "两个高于"). */
  references: readonly { label: string; value: number }[];
}

/**
 * Where a target stands (issue 13 item 6), a pure rule:
 * - no actual yet → no_data;
 * - at_least (a quantity that accumulates over the period): met once actual ≥ value; otherwise
 *   pro-rata — expected = value × elapsed (the share of the period's days passed, today included);
 *   on_track when actual ≥ expected, else behind. On the period's last day expected = value, so a
 *   finished period is met or behind, never on_track.
 * - above_references (a rate reported as a whole, e.g. income growth %): met when the actual exceeds
 *   every reference (strictly: "高于"), else behind; expected is the highest reference. No pro-rata:
 *   a rate does not accumulate.
 */
export function targetStatus(
  rule: TargetRule,
  actual: number | null,
  elapsed: number,
): { status: TargetStatus; expected: number | null } {
  if (rule.kind === 'above_references') {
    const bar = rule.references.length ? Math.max(...rule.references.map((r) => r.value)) : null;
    if (actual === null || bar === null) return { status: 'no_data', expected: bar };
    return { status: actual > bar ? 'met' : 'behind', expected: bar };
  }
  const value = rule.value ?? 0;
  const expected = Math.round(value * Math.min(1, Math.max(0, elapsed)) * 100) / 100;
  if (actual === null) return { status: 'no_data', expected };
  if (actual >= value) return { status: 'met', expected };
  return { status: actual >= expected ? 'on_track' : 'behind', expected };
}

/** Statuses from worst to best, for "more actual is never worse" checks and sorting. */
export const STATUS_RANK: Record<TargetStatus, number> = { no_data: 0, behind: 1, on_track: 2, met: 3 };
