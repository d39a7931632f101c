import { Invalid } from '../errors.js';

/** The district time zone unless a district says otherwise (SPEC §12). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^(\d{2}):(\d{2})$/;

const offsetCache = new Map<string, number>();

/**
 * The zone's UTC offset in milliseconds. Only fixed-offset zones are accepted: Asia/Shanghai has
 * had no daylight saving time since 1991, and a fixed offset lets every day be exactly 24 hours,
 * which keeps the working-time arithmetic closed-form.
 */
export function fixedOffsetMs(timeZone: string): number {
  const cached = offsetCache.get(timeZone);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new Invalid('calendar.invalid_time_zone', `unknown time zone ${timeZone}`);
  }
  // January and July of a few years catch daylight saving time in either hemisphere.
  const probes = [2000, 2020, 2040].flatMap((y) => [Date.UTC(y, 0, 15), Date.UTC(y, 6, 15)]);
  const offsets = new Set(
    probes.map((t) => {
      const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
      return asUtc - t;
    }),
  );
  if (offsets.size !== 1) {
    throw new Invalid(
      'calendar.invalid_time_zone',
      `time zone ${timeZone} has daylight saving time; only fixed-offset zones are supported`,
    );
  }
  const offset = [...offsets][0];
  offsetCache.set(timeZone, offset);
  return offset;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string; throws on anything that is not a real date. */
export function parseDay(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    const day = t / DAY_MS;
    if (formatDay(day) === date) return day;
  }
  throw new Invalid('calendar.invalid_date', `not a date in YYYY-MM-DD form: ${String(date)}`);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Number of Monday–Friday days in the half-open range [from, to). */
export function weekdaysInRange(from: number, to: number): number {
  if (to <= from) return 0;
  const span = to - from;
  let count = Math.floor(span / 7) * 5;
  for (let d = from + span - (span % 7); d < to; d++) if (!isWeekend(d)) count++;
  return count;
}

/** Milliseconds after local midnight for 'HH:MM' ('24:00' allowed as an end). */
export function parseClock(clock: string): number {
  const m = typeof clock === 'string' ? CLOCK_RE.exec(clock) : null;
  const ms = m ? (+m[1] * 60 + +m[2]) * MINUTE_MS : NaN;
  if (!m || +m[2] > 59 || ms > DAY_MS) {
    throw new Invalid('calendar.invalid_work_hours', `not a time in HH:MM form: ${String(clock)}`);
  }
  return ms;
}

/** Splits an instant into its local day number and milliseconds after local midnight. */
export function toLocal(instant: Date, offsetMs: number): { day: number; tod: number } {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(t)) throw new Invalid('calendar.invalid_instant', 'not a valid Date');
  const local = t + offsetMs;
  const day = Math.floor(local / DAY_MS);
  return { day, tod: local - day * DAY_MS };
}

export function fromLocal(day: number, tod: number, offsetMs: number): Date {
  return new Date(day * DAY_MS + tod - offsetMs);
}
