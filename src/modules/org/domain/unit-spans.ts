/*
 * Unit span counts: how many units of a kind were opened and retired under an area, per instant —
 * what reporting's completeness needs to know of the units (how many owe each period) without a row
 * per unit. Kept with the units (unit.store writes both in one transaction) and read by
 * `spanCountsOver` in the public API.
 *
 * A unit counts under each strict ancestor of its path (its parent, its parent's parent … the root),
 * never under itself. Instants are kept to a grain of a quarter of an hour: an instant on a quarter
 * hour is kept as it is, any other as the middle of its quarter. Compared with a bound that is itself a
 * whole quarter hour (every local midnight of every time zone in use), the kept instant orders exactly
 * as the true one does — before, at or after — so counts by it are exact for periods of whole days.
 */

/** The grain of kept instants: 15 minutes. */
export const SPAN_GRAIN_MS = 900_000;

/** The instant as kept: itself on a quarter hour, else the middle of its quarter (ISO, UTC). */
export function spanInstant(t: string | Date): string {
  const ms = typeof t === 'string' ? Date.parse(t) : t.getTime();
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${String(t)}`);
  const q = Math.floor(ms / SPAN_GRAIN_MS) * SPAN_GRAIN_MS;
  return new Date(q === ms ? q : q + SPAN_GRAIN_MS / 2).toISOString();
}

/** Whether every bound is a whole quarter hour (counts by kept instants are exact against them). */
export function onSpanGrain(bounds: readonly Date[]): boolean {
  return bounds.every((d) => d.getTime() % SPAN_GRAIN_MS === 0);
}

/** The strict ancestors of a path: '/a/b/c/' → ['/a/', '/a/b/']. */
export function strictAncestors(path: string): string[] {
  const out: string[] = [];
  for (let j = path.indexOf('/', 1); j !== -1 && j < path.length - 1; j = path.indexOf('/', j + 1))
    out.push(path.slice(0, j + 1));
  return out;
}

export interface SpanUnit {
  kind: string;
  path: string;
  createdAt: string;
  retiredAt: string | null;
}

/** One row of the counts: units of `kind` under `areaPath` opened (born) and retired at `at`. */
export interface SpanCount {
  kind: string;
  areaPath: string;
  at: string;
  born: number;
  retired: number;
}

/**
 * Adds units' contributions to a tally keyed by kind, area and instant, `sign` times (−1 takes them
 * away). A unit retired before it was opened counts as retired when it was opened (it owes nothing).
 */
export class SpanTally {
  readonly rows = new Map<string, SpanCount>();

  private bump(kind: string, areaPath: string, at: string, born: number, retired: number) {
    const k = `${kind}\u0000${areaPath}\u0000${at}`;
    const r = this.rows.get(k);
    if (r) {
      r.born += born;
      r.retired += retired;
    } else this.rows.set(k, { kind, areaPath, at, born, retired });
  }

  /** The unit counted under `areas` (default: its strict ancestors). */
  addUnit(u: SpanUnit, sign: 1 | -1 = 1, areas: readonly string[] = strictAncestors(u.path)) {
    const born = spanInstant(u.createdAt);
    const retired = u.retiredAt === null ? null : spanInstant(u.retiredAt);
    for (const a of areas) {
      this.bump(u.kind, a, born, sign, 0);
      if (retired !== null) this.bump(u.kind, a, retired < born ? born : retired, 0, sign);
    }
  }

  /** Rows of counts already kept, moved to other areas (`sign` −1 takes them away). */
  addCounts(rows: readonly SpanCount[], areas: readonly string[], sign: 1 | -1 = 1) {
    for (const r of rows) for (const a of areas) this.bump(r.kind, a, r.at, sign * r.born, sign * r.retired);
  }

  /** The rows that change anything. */
  changes(): SpanCount[] {
    return [...this.rows.values()].filter((r) => r.born !== 0 || r.retired !== 0);
  }
}
