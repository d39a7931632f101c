import { Invalid, type FieldProblem } from '../errors.js';
import { parseClock } from './local-time.js';

export interface WorkPeriod {
  /** Local clock time the period starts, 'HH:MM'. */
  start: string;
  /** Local clock time the period ends, 'HH:MM' ('24:00' allowed); must be after `start`. */
  end: string;
}

/** 上午 08:30–12:00, 下午 14:30–17:30: the usual office hours of district organs. */
export const DEFAULT_WORK_HOURS: readonly WorkPeriod[] = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '14:30', end: '17:30' }),
]);

/**
 * The working periods of one working day, as milliseconds after local midnight, with the running
 * total so that "how much working time lies before this clock time" is a short scan, not a loop.
 */
export class WorkDay {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Working milliseconds before period i begins. */
  private readonly before: number[] = [];
  /** Working milliseconds in one whole working day. */
  readonly total: number;

  constructor(periods: readonly WorkPeriod[]) {
    const problems: FieldProblem[] = [];
    const parsed: { s: number; e: number }[] = [];
    periods.forEach((p, i) => {
      try {
        const s = parseClock(p.start);
        const e = parseClock(p.end);
        if (e <= s) problems.push({ field: `workHours[${i}]`, message: 'end must be after start' });
        else parsed.push({ s, e });
      } catch (err) {
        problems.push({ field: `workHours[${i}]`, message: (err as Error).message });
      }
    });
    parsed.sort((a, b) => a.s - b.s);
    for (let i = 1; i < parsed.length; i++) {
      if (parsed[i].s < parsed[i - 1].e) problems.push({ field: 'workHours', message: 'periods overlap' });
    }
    if (periods.length === 0) problems.push({ field: 'workHours', message: 'at least one period is needed' });
    if (problems.length) throw new Invalid('calendar.invalid_work_hours', 'invalid work hours', problems);
    let sum = 0;
    for (const { s, e } of parsed) {
      this.starts.push(s);
      this.ends.push(e);
      this.before.push(sum);
      sum += e - s;
    }
    this.total = sum;
  }

  /** Working milliseconds between local midnight and the clock time `tod`. */
  elapsed(tod: number): number {
    for (let i = 0; i < this.starts.length; i++) {
      if (tod <= this.starts[i]) return this.before[i];
      if (tod < this.ends[i]) return this.before[i] + tod - this.starts[i];
    }
    return this.total;
  }

  /** The earliest clock time at which `worked` (0 < worked ≤ total) ms of the day have elapsed. */
  clockAt(worked: number): number {
    for (let i = 0; i < this.starts.length; i++) {
      const len = this.ends[i] - this.starts[i];
      if (worked <= this.before[i] + len) return this.starts[i] + worked - this.before[i];
    }
    return this.ends[this.ends.length - 1];
  }

  /** `tod` itself when inside a period, else the start of the next period (or null after the last). */
  nextWorkingClock(tod: number): number | null {
    for (let i = 0; i < this.starts.length; i++) {
      if (tod < this.starts[i]) return this.starts[i];
      if (tod < this.ends[i]) return tod;
    }
    return null;
  }

  contains(tod: number): boolean {
    return this.starts.some((s, i) => tod >= s && tod < this.ends[i]);
  }

  get firstStart(): number {
    return this.starts[0];
  }

  get lastEnd(): number {
    return this.ends[this.ends.length - 1];
  }
}
