import { addDays } from './dates.js';
import type { WorkCalendar } from './calendar.js';

/**
 * The end of "due soon" on the 工作台: the local midnight that ends the next working day after the
 * day of `now` (Monday 10:00 → Wednesday 00:00; Friday → Tuesday 00:00). A deadline in
 * [now, dueSoonUntil) is due soon; one before now is overdue.
 */
export function dueSoonUntil(cal: WorkCalendar, now: Date): Date {
  return cal.startOfDay(addDays(cal.nextWorkday(cal.localDate(now)), 1));
}
