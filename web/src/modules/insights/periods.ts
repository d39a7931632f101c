/** Period presets as the district's local days (Asia/Shanghai, UTC+8 all year). */
export type PeriodPreset = 'today' | 'last7' | 'month' | 'lastMonth' | 'quarter' | 'year';

export const periodPresetOptions: { value: PeriodPreset; label: string }[] = [
  { value: 'today', label: '今日' },
  { value: 'last7', label: '近7天' },
  { value: 'month', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '本年' },
];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** [from, to] of a preset at `now` (both ends included). */
export function presetPeriod(preset: PeriodPreset, now = new Date()): { from: string; to: string } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const today = day(local);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: day(new Date(local.getTime() - 6 * 86_400_000)), to: today };
    case 'month':
      return { from: day(new Date(Date.UTC(y, m, 1))), to: today };
    case 'lastMonth':
      return { from: day(new Date(Date.UTC(y, m - 1, 1))), to: day(new Date(Date.UTC(y, m, 0))) };
    case 'quarter':
      return { from: day(new Date(Date.UTC(y, m - (m % 3), 1))), to: today };
    case 'year':
      return { from: `${y}-01-01`, to: today };
  }
}
