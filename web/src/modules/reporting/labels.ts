import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import type { PeriodType, ReportForm } from './api';

dayjs.extend(isoWeek);

export const periodTypeLabel: Record<PeriodType, string> = {
  daily: '日报',
  weekly: '周报',
  monthly: '月报',
};

/** The period id the server uses: '2026-11-30', '2026-W49' (ISO week, Monday first) or '2026-11'. */
export function periodOf(type: PeriodType, d: Dayjs): string {
  if (type === 'weekly') return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`;
  if (type === 'monthly') return d.format('YYYY-MM');
  return d.format('YYYY-MM-DD');
}

/** '2026-11-30' → '2026年11月30日', '2026-W49' → '2026年第49周', '2026-11' → '2026年11月'. */
export function periodLabel(period: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) return `${m[1]}年第${Number(m[2])}周`;
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return period;
}

export function deadlineText(form: Pick<ReportForm, 'periodType' | 'deadline'>): string {
  const { time, dayOffset = 0, graceDays = 0 } = form.deadline;
  const base = form.periodType === 'daily' ? '当日' : form.periodType === 'weekly' ? '本周最后一天' : '本月最后一天';
  const day = dayOffset ? `${base}后第 ${dayOffset} 天` : base;
  return `${day} ${time} 前报送${graceDays ? `（宽限 ${graceDays} 天）` : ''}`;
}

export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return `${(v * 100).toFixed(1)}%`;
}

export function rateColor(v: number | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return v >= 0.9 ? '#389e0d' : v >= 0.7 ? '#d48806' : '#cf1322';
}

/** A reported value as text: '—' for none, JSON for a table's rows. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
