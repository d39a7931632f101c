/**
 * The console's one way of showing a time: 2026-12-07 14:05, in Asia/Shanghai whatever the PC's own
 * zone (the server stores UTC; days and deadlines are the district's). Dates alone: 2026-12-07.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(value: string | number | Date): Record<string, string> | null {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** An instant as 2026-12-07 14:05; `empty` for none, the text itself when it is not a time. */
export function formatDateTime(value: string | number | Date | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const f = fields(value);
  return f ? `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}` : String(value);
}

/** The same with seconds, where an instant must be told apart from its neighbours (audit log tooltips). */
export function formatDateTimeSeconds(value: string | number | Date | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const f = fields(value);
  return f ? `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}` : String(value);
}

/** A day as 2026-12-07: a YYYY-MM-DD date is shown as it is, an instant as its day in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const f = fields(value);
  return f ? `${f.year}-${f.month}-${f.day}` : String(value);
}
