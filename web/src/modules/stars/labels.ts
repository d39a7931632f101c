export { BRANCH_KIND_LABELS, STAR_INDICATOR_KIND_LABELS } from '../../../../src/contracts/stars';

/** '2026-Q4' → '2026年第四季度'. */
export function quarterLabel(q: string): string {
  const n = ['一', '二', '三', '四'][Number(q.slice(6, 7)) - 1] ?? q.slice(6);
  return q.startsWith('2000-') ? '初始版本起' : `${q.slice(0, 4)}年第${n}季度`;
}

/** The quarters from `back` before the current one to `ahead` after it, newest first. */
export function quarterOptions(today: Date, back = 8, ahead = 0): { value: string; label: string }[] {
  const y = today.getFullYear();
  const q = Math.floor(today.getMonth() / 3);
  const out: { value: string; label: string }[] = [];
  for (let i = -ahead; i <= back; i++) {
    const idx = y * 4 + q - i;
    const value = `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
    out.push({ value, label: quarterLabel(value) });
  }
  return out;
}

/** A rate 0–1 as a percentage without trailing zeros. */
export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
