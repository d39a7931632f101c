import { api } from '../../lib/api';

export type DayKind = 'holiday' | 'workday';

export interface SpecialDay {
  date: string;
  kind: DayKind;
  name?: string;
  origin: 'official' | 'admin';
}

export interface CalendarYear {
  year: number;
  covered: boolean;
  source: string | null;
  days: SpecialDay[];
}

export const calendarApi = {
  year: (year: number, signal?: AbortSignal) => api.get<CalendarYear>('/calendar', { year }, { signal }),
  setDay: (date: string, body: { kind: DayKind; name?: string }) =>
    api.put<void>(`/calendar/days/${encodeURIComponent(date)}`, body),
  clearDay: (date: string) => api.delete(`/calendar/days/${encodeURIComponent(date)}`),
};
