import { createCalendar, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { calendarStore } from '../store/calendar.store.js';

/** The district's working calendar: the shipped schedule plus the admin's overrides from the database. */
export async function loadWorkCalendar(ex: Executor, districtCode: string, timeZone: string): Promise<WorkCalendar> {
  const rows = await calendarStore.days(ex, districtCode);
  return createCalendar({
    timeZone,
    entries: rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name ?? undefined })),
  });
}

/**
 * A fingerprint of a district's stored days (how many, latest change): calendar caches compare it
 * to notice a day set or removed by another server process.
 */
export async function calendarVersion(ex: Executor, districtCode: string): Promise<string> {
  const r = await calendarStore.fingerprint(ex, districtCode);
  return `${Number(r?.n ?? 0)}|${r?.latest ?? ''}`;
}
