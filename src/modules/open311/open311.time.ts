import { DAY_MS } from '../../kernel/calendar/local-time.js';

/*
 * Dates as the spec wants them: "a common subset of ISO 8601 as per the w3 note", time zone
 * required. We always answer with the district's offset (2026-11-30T10:00:00+08:00).
 */

/** W3C/ISO 8601 with the zone's offset and no fraction: 2026-11-30T10:00:00+08:00. */
export function formatDateTime(d: Date, offsetMs: number): string {
  const local = new Date(d.getTime() + offsetMs).toISOString().slice(0, 19);
  const minutes = Math.abs(offsetMs) / 60_000;
  const sign = offsetMs < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss[.s…]] followed by Z or ±hh:mm (the W3C note's forms from a complete date on).
const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export type ParsedDateTime = { ok: true; date: Date } | { ok: false; reason: 'format' | 'zone' };

export interface ParseOptions {
  /** A date alone stands for a whole local day: its first instant, or with `endOfDay` its last. */
  endOfDay?: boolean;
  /** Accept a time without a zone as district local time (an HTML datetime-local input sends that). */
  zoneOptional?: boolean;
}

export function parseDateTime(s: string, offsetMs: number, opts: ParseOptions = {}): ParsedDateTime {
  const m = W3C.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  const dayMs = Date.UTC(+y, +mo - 1, +d);
  if (new Date(dayMs).toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return { ok: false, reason: 'format' };
  if (hh === undefined) {
    const start = dayMs - offsetMs;
    return { ok: true, date: new Date(opts.endOfDay ? start + DAY_MS - 1 : start) };
  }
  if (+hh > 23 || +mi > 59 || (ss !== undefined && +ss > 59)) return { ok: false, reason: 'format' };
  let zoneMs: number;
  if (zone === undefined) {
    if (!opts.zoneOptional) return { ok: false, reason: 'zone' };
    zoneMs = offsetMs;
  } else if (zone === 'Z') {
    zoneMs = 0;
  } else {
    const zh = +zone.slice(1, 3);
    const zm = +zone.slice(4, 6);
    if (zh > 14 || zm > 59) return { ok: false, reason: 'format' };
    zoneMs = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  return { ok: true, date: new Date(dayMs + ((+hh * 60 + +mi) * 60 + +(ss ?? 0)) * 1000 + ms - zoneMs) };
}
