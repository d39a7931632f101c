import type { Dayjs } from 'dayjs';

/** The period presets of a 通报, and 自定义 (a range picked by hand). */
export const PERIOD_PRESETS = ['lastWeek', 'thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number] | 'custom';

export const PRESET_LABEL: Record<PeriodPreset, string> = {
  lastWeek: '上周',
  thisMonth: '本月',
  lastMonth: '上月',
  thisQuarter: '本季',
  lastQuarter: '上季',
  thisYear: '本年',
  custom: '自定义',
};

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
const quarterStart = (d: Dayjs) => d.startOf('month').subtract(d.month() % 3, 'month');

/**
 * A preset's days on `today` (local dates, both ends included). Whole months, quarters and years
 * compare with as many months before (the server's 较上期); 本月, 本季, 本年 run to today.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: Dayjs): { from: string; to: string } {
  const iso = (today.day() + 6) % 7; // Monday 0 … Sunday 6
  switch (preset) {
    case 'lastWeek': {
      const monday = today.subtract(iso + 7, 'day');
      return { from: fmt(monday), to: fmt(monday.add(6, 'day')) };
    }
    case 'thisMonth':
      return { from: fmt(today.startOf('month')), to: fmt(today) };
    case 'lastMonth': {
      const m = today.startOf('month').subtract(1, 'month');
      return { from: fmt(m), to: fmt(m.endOf('month')) };
    }
    case 'thisQuarter':
      return { from: fmt(quarterStart(today)), to: fmt(today) };
    case 'lastQuarter': {
      const q = quarterStart(today).subtract(3, 'month');
      return { from: fmt(q), to: fmt(q.add(2, 'month').endOf('month')) };
    }
    case 'thisYear':
      return { from: fmt(today.startOf('year')), to: fmt(today) };
  }
}
