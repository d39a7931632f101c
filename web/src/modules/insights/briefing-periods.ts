import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';

dayjs.extend(isoWeek);

export const PERIOD_PRESETS = ['lastWeek', 'thisMonth', 'lastMonth', 'thisQuarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const PERIOD_PRESET_NAMES: Record<PeriodPreset, string> = {
  lastWeek: '上周',
  thisMonth: '本月',
  lastMonth: '上月',
  thisQuarter: '本季',
};

const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** A preset as local days from `today`: 上周 Monday–Sunday, 本月/本季 up to today, 上月 whole. */
export function presetPeriod(p: PeriodPreset, today = dayjs()): { from: string; to: string } {
  if (p === 'lastWeek') {
    const monday = today.isoWeekday(1).subtract(7, 'day');
    return { from: fmt(monday), to: fmt(monday.add(6, 'day')) };
  }
  if (p === 'thisMonth') return { from: fmt(today.startOf('month')), to: fmt(today) };
  if (p === 'lastMonth') {
    const m = today.subtract(1, 'month');
    return { from: fmt(m.startOf('month')), to: fmt(m.endOf('month')) };
  }
  const q = Math.floor(today.month() / 3) * 3;
  return { from: fmt(today.month(q).startOf('month')), to: fmt(today) };
}

/** 2026年11月23日至11月29日. */
export function periodText(from: string, to: string): string {
  const d = (s: string) => `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  const y = (s: string) => `${s.slice(0, 4)}年`;
  if (from === to) return y(from) + d(from);
  return `${y(from)}${d(from)}至${from.slice(0, 4) === to.slice(0, 4) ? '' : y(to)}${d(to)}`;
}
