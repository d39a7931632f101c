import { formatDateTime } from '../../lib/format-time';
export { PATROL_CASE_OUTCOME_NAMES, PATROL_KIND_NAMES, PATROL_STATUS_NAMES } from '../../../../src/contracts/patrols';

export const PATROL_STATUS_COLORS: Record<string, string> = { active: 'processing', ended: 'default' };

/** "1 小时 5 分" from minutes. */
export function durationText(minutes: number | null): string {
  if (minutes == null) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} 小时 ${m} 分` : `${m} 分钟`;
}

/** "1.2 公里" or "800 米". */
export function distanceText(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${m} 米`;
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** "12-07 09:30" of an ISO instant, in Asia/Shanghai (the console's one clock, whatever the browser's zone). */
export function shortTime(iso: string | null): string {
  return iso ? formatDateTime(iso).slice(5) : '—';
}
