export {
  createCalendar,
  type CalendarDay,
  type CalendarOptions,
  type DayInfo,
  type DayKind,
  type WorkCalendar,
  type YearCoverage,
} from './calendar.js';
export {
  citeNotice,
  HOLIDAY_SCHEDULE,
  type HolidayName,
  type HolidayNotice,
  type HolidayPeriod,
  type HolidayYear,
} from './holidays.data.js';
export { DEFAULT_TIME_ZONE } from './local-time.js';
export { DEFAULT_WORK_HOURS, type WorkPeriod } from './work-hours.js';
export { CALENDAR_RECHECK_MS, CalendarCache, calendarCacheOf, type CalendarSource } from './calendar-cache.js';
export { addDays, addMonthsClamped, daysBetween, fromDay, isDate, localDateOf, toDay } from './dates.js';
export { dueSoonUntil } from './due-soon.js';
