import { fixedOffsetMs } from './local-time.js';

/** '2026-11-30 16:30' in the district's zone: how times are written in messages people read. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + fixedOffsetMs(timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}
