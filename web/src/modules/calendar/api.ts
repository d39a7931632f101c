import { api } from '../../lib/api';
import type { CalendarDay, CalendarYear, SetCalendarDayBody } from '../../../../src/contracts/platform';

/** The shapes come from the server's contract (src/contracts/platform.ts). */
export type { CalendarYear };
export type SpecialDay = CalendarDay;
export type DayKind = CalendarDay['kind'];

export const calendarApi = {
  year: (year: number, signal?: AbortSignal) => api.get<CalendarYear>('/calendar', { year }, { signal }),
  setDay: (date: string, body: SetCalendarDayBody) => api.put<void>(`/calendar/days/${encodeURIComponent(date)}`, body),
  clearDay: (date: string) => api.delete(`/calendar/days/${encodeURIComponent(date)}`),
};
