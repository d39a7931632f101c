import dayjs from 'dayjs';

// The desktop ledger's colours and names, so both pages speak alike.
export { caseStatusColor as statusColor, deadlineStatusLabel as deadlineLabel, photoRoleLabel } from '../cases/labels';

/** 今天 14:05 / 昨天 09:30 / 11-28 16:00 / 2025-11-28. */
export function shortTime(iso: string | number | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  const now = dayjs();
  if (d.isSame(now, 'day')) return `今天 ${d.format('HH:mm')}`;
  if (d.isSame(now.subtract(1, 'day'), 'day')) return `昨天 ${d.format('HH:mm')}`;
  if (d.isSame(now, 'year')) return d.format('MM-DD HH:mm');
  return d.format('YYYY-MM-DD HH:mm');
}

export function fullTime(iso: string | number | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
