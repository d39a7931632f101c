export {
  CAMPAIGN_KIND_NAMES,
  CAMPAIGN_UNIT_ROLE_NAMES,
  INDICATOR_KIND_NAMES,
  MEASURE_UNITS,
  TARGET_STATUS_NAMES,
} from '../../../../src/contracts/campaigns';
import { CASE_STATUS_NAMES } from '../../../../src/contracts/cases';
export { CASE_STATUS_NAMES };

export const TARGET_STATUS_COLORS: Record<string, string> = {
  met: 'green',
  on_track: 'blue',
  behind: 'red',
  no_data: 'default',
};

/** Today and the first day of its quarter (Asia/Shanghai as the browser shows it), YYYY-MM-DD. */
export function quarterSoFar(now = new Date()): { from: string; to: string } {
  const local = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const m = Number(local.slice(5, 7));
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { from: `${local.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: local };
}

/** A quantity as the pages write it: integers plain, else up to two decimals. */
export const qty = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '—'
    : Number.isInteger(v)
      ? v.toLocaleString('zh-CN')
      : String(Math.round(v * 100) / 100);
