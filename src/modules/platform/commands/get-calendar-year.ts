import type { Actor } from '../../../kernel/auth/actor.js';
import { citeNotice, HOLIDAY_SCHEDULE } from '../../../kernel/calendar/index.js';
import type { OrgDeps } from '../../org/index.js';
import { calendarStore } from '../store/calendar.store.js';
import { loadWorkCalendar } from './load-work-calendar.js';

/** A year's special days (the shipped notice's, then the admin's overrides) and whether the year is covered. */
export async function calendarYear(deps: OrgDeps, actor: Actor, year: number) {
  const db = deps.database.db;
  const cal = await loadWorkCalendar(db, actor.districtCode, deps.config.timeZone);
  const admin = await calendarStore.daysOfYear(db, actor.districtCode, year);
  const days = new Map<
    string,
    { date: string; kind: 'holiday' | 'workday'; name?: string; origin: 'official' | 'admin' }
  >();
  const shipped = HOLIDAY_SCHEDULE.find((y) => y.year === year);
  for (const p of shipped?.periods ?? []) {
    const name = p.mergedWith ? `${p.name}、${p.mergedWith}` : p.name;
    for (const d of p.daysOff) days.set(d, { date: d, kind: 'holiday', name, origin: 'official' });
    for (const d of p.makeupWorkdays)
      days.set(d, { date: d, kind: 'workday', name: `${name}调休`, origin: 'official' });
  }
  for (const r of admin)
    days.set(r.date, {
      date: r.date,
      kind: r.kind as 'holiday' | 'workday',
      name: r.name ?? undefined,
      origin: 'admin',
    });
  const coverage = cal.coverage(year);
  return {
    year,
    covered: coverage.covered,
    source: shipped ? citeNotice(shipped.notice) : (coverage.source ?? null),
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
