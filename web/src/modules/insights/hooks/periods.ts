import dayjs from 'dayjs';

/** The period presets of the dashboard (today, this week, month, quarter, year), as local days. */
export const PERIOD_PRESETS = ['today', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  today: '今日',
  week: '本周',
  month: '本月',
  quarter: '本季',
  year: '本年',
};

const DAY = 'YYYY-MM-DD';

/** The preset's first day up to today (the week starts on Monday). */
export function presetRange(p: PeriodPreset, today = dayjs()): { from: string; to: string } {
  const to = today.format(DAY);
  switch (p) {
    case 'today':
      return { from: to, to };
    case 'week':
      return { from: today.subtract((today.day() + 6) % 7, 'day').format(DAY), to };
    case 'month':
      return { from: today.startOf('month').format(DAY), to };
    case 'quarter':
      return {
        from: today
          .month(Math.floor(today.month() / 3) * 3)
          .startOf('month')
          .format(DAY),
        to,
      };
    case 'year':
      return { from: today.startOf('year').format(DAY), to };
  }
}

/** The preset a period is, if any (so the picker shows it selected). */
export function presetOf(r: { from: string; to: string }): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((p) => {
      const x = presetRange(p);
      return x.from === r.from && x.to === r.to;
    }) ?? null
  );
}

/** The grain a trend reads best at for the period: days up to two months, then weeks, then months. */
export function grainFor(r: { from: string; to: string }): 'day' | 'week' | 'month' {
  const days = dayjs(r.to).diff(dayjs(r.from), 'day') + 1;
  return days <= 62 ? 'day' : days <= 190 ? 'week' : 'month';
}
