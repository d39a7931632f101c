import { calendarCacheOf, createCalendar, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Database, Executor } from '../../../kernel/db/db.js';
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

/**
 * The district's working calendar, built once per database and reused until a day changes (see
 * CalendarCache): what every module that counts working days asks for.
 */
export function cachedWorkCalendar(
  database: Database,
  ex: Executor,
  districtCode: string,
  timeZone: string,
): Promise<WorkCalendar> {
  return calendarCacheOf(database.db).get(`${districtCode}|${timeZone}`, {
    load: () => loadWorkCalendar(ex, districtCode, timeZone),
    version: () => calendarVersion(ex, districtCode),
  });
}
