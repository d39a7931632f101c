import type { WorkCalendar } from './calendar.js';

/** How often a cached calendar asks its source whether another process changed it. */
export const CALENDAR_RECHECK_MS = 5_000;

export interface CalendarSource {
  /** Builds the calendar from the stored days. */
  load(): Promise<WorkCalendar>;
  /** A cheap fingerprint of the stored days (e.g. their count and latest change), compared before reusing. */
  version(): Promise<string>;
}

interface Entry {
  calendar: WorkCalendar;
  version: string;
  checkedAt: number;
}

/**
 * Built working calendars, one per district (and time zone). Building one from its stored days
 * was 8 % of a case creation's time, and the days change a few times a year. The process that
 * writes a day calls invalidate() at once; other processes sharing a PostgreSQL database notice
 * through the source's version within CALENDAR_RECHECK_MS.
 */
export class CalendarCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by invalidate(), so a load that started before a write never lands after it. */
  private generation = 0;

  constructor(
    private readonly recheckMs = CALENDAR_RECHECK_MS,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  async get(key: string, source: CalendarSource): Promise<WorkCalendar> {
    const hit = this.entries.get(key);
    const now = this.nowMs();
    if (hit && now - hit.checkedAt < this.recheckMs) return hit.calendar;
    const generation = this.generation;
    const version = await source.version();
    if (hit && hit.version === version) {
      hit.checkedAt = now;
      return hit.calendar;
    }
    const calendar = await source.load();
    if (generation === this.generation) this.entries.set(key, { calendar, version, checkedAt: now });
    return calendar;
  }

  /** Forgets one key (or every key): the next get() loads afresh. */
  invalidate(key?: string): void {
    this.generation++;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}

const byOwner = new WeakMap<object, CalendarCache>();

/** The cache that belongs to one database (tests open several at once, each with its own days). */
export function calendarCacheOf(owner: object): CalendarCache {
  let cache = byOwner.get(owner);
  if (!cache) byOwner.set(owner, (cache = new CalendarCache()));
  return cache;
}
