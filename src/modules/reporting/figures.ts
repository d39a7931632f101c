import type { Executor } from '../../kernel/db/db.js';

/** The area and time a figure is counted over: a unit's whole subtree, over [from, to). */
export interface FigureQuery {
  districtCode: string;
  unitId: string;
  /** The unit's tree path; a record belongs to the area when its own path starts with it. */
  unitPath: string;
  from: Date;
  to: Date;
  /**
   * Only records of these ledger categories (a code matches itself and, for a 2-digit 大类, its 小类).
   * Optional: a source that has no categories ignores it (report forms never set it; the work
   * indicators of the campaigns module do, e.g. 问题整改数 of 环境卫生 only).
   */
  categories?: readonly string[];
}

/** One record behind a figure (a case, a campaign …), for a drill-down that shows where a number came from. */
export interface FigureRecord {
  /** What the record is, e.g. 'case' or 'campaign'. */
  kind: string;
  id: string;
  /** A line a person reads, zh-CN, e.g. the case number and description. */
  label: string;
  /** The local day (YYYY-MM-DD) that put the record in the period. */
  day: string;
  /** How much it adds to the figure (1 for a counted record). */
  quantity: number;
}

/**
 * A figure another module already knows (敲门入户数 from door-knocking, 排查人数 from screening lists,
 * 在管人数 from home measures), offered to report forms: a form field that names the figure's code
 * as its `source` is pre-filled with it, the reporter may still change it, and the figure at the
 * moment of submission is kept beside the reported value. Reporting never reads other modules' tables.
 */
export interface ReportFigureSource {
  /** Stable code a form field names, e.g. 'population.doorsKnocked'. */
  code: string;
  /** What the figure counts, zh-CN, shown to form designers and reporters. */
  label: string;
  /** Counted in the caller's executor (inside a submission's transaction when submitting). */
  count(ex: Executor, q: FigureQuery): Promise<number>;
  /**
   * The records `count` counts, at most `limit` of them (optional: a source without it offers no
   * drill-down). The quantities of all of them add up to `count`.
   */
  records?(ex: Executor, q: FigureQuery, limit: number): Promise<FigureRecord[]>;
}

/** A rate's two counts; the denominator is 0 when there was nothing to measure (never read as 100 %). */
export interface RateFigure {
  numerator: number;
  denominator: number;
}

/**
 * A rate another module already computes (the ledger's 结案率, the reporting rate of the daily forms,
 * 巡查覆盖率 …), offered to whoever rates an area over a period by its records — the "五星"支部
 * indicators (stars module). Answered as the two counts, not the ratio, so a reader can show
 * 12 / 15 and tell "nothing to measure" (denominator 0) from a rate of 0.
 */
export interface RateFigureSource {
  /** Stable code a star indicator names as its `source`, e.g. 'cases.closureRate'. */
  code: string;
  /** What the rate measures, zh-CN, shown to the set editor and beside each value. */
  label: string;
  /** Measured in the caller's executor over the unit's subtree and [from, to) as of now. */
  rate(ex: Executor, q: FigureQuery): Promise<RateFigure>;
  /**
   * The records behind the rate, at most `limit` of them, latest day first (optional: a source
   * without it offers no drill-down). Their numerators and denominators add up to the rate's.
   */
  records?(ex: Executor, q: FigureQuery, limit: number): Promise<RateRecord[]>;
}

/** One record behind a rate (a case due, a milestone due, a grid's days) and what it adds to each count. */
export interface RateRecord {
  /** What the record is, e.g. 'case', 'milestone', 'grid'. */
  kind: string;
  id: string;
  /** A line a person reads, zh-CN, e.g. the case number and description. */
  label: string;
  /** The local day (YYYY-MM-DD) that put the record in the period; null for a record of the whole period. */
  day: string | null;
  numerator: number;
  denominator: number;
}

/** The system's figure for every field of `fields` that names a source, by field code. */
export async function systemFigures(
  sources: readonly ReportFigureSource[],
  ex: Executor,
  fields: readonly { code: string; source?: string }[],
  q: FigureQuery,
): Promise<Record<string, number>> {
  const byCode = new Map(sources.map((s) => [s.code, s]));
  const out: Record<string, number> = {};
  for (const f of fields) {
    const source = f.source === undefined ? undefined : byCode.get(f.source);
    if (source) out[f.code] = await source.count(ex, q);
  }
  return out;
}
