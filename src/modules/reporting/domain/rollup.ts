import { aggregationOf, type Aggregation, type ReportFormDefinition } from './form-schema.js';

/**
 * Roll-ups of numeric fields over any set of units and periods (a sub-district over its communities,
 * a year of daily reports). Rules:
 * - 'sum' adds, 'avg' is the mean over the reports that carry the field, 'max' the largest, 'none' is skipped.
 * - A zero report ("今日无新增") counts as 0 for every aggregated field: it is a report saying
 *   "nothing new", so it lowers an average and counts in `count`.
 * - A blank optional field is left out (it neither adds nor counts towards an average).
 * - Feed one row per unit and period: `latestSubmissions` keeps the latest correction of each.
 * Partials (sum, count, max) merge associatively, so a roll-up of a partition equals the roll-up of
 * the whole; the stores can aggregate per group in SQL and merge here.
 */

export interface RollupField {
  code: string;
  aggregation: Aggregation;
}

export interface RollupRow {
  unitId: string;
  period: string;
  values: Record<string, unknown> | null;
  zero?: boolean;
}

/** Mergeable state of one field. */
export interface FieldPartial {
  sum: number;
  count: number;
  max: number | null;
}

export type RollupPartial = Record<string, FieldPartial>;

export interface FieldRollup {
  aggregation: Aggregation;
  /** null when no report carried the field. */
  value: number | null;
  /** Reports that carried the field (zero reports included). */
  count: number;
}

/** The numeric fields of a form that roll up, with their rule (numbers default to 'sum'). */
export function rollupFieldsOf(form: Pick<ReportFormDefinition, 'fields'>): RollupField[] {
  return form.fields
    .map((f) => ({ code: f.code, aggregation: aggregationOf(f) }))
    .filter((f) => f.aggregation !== 'none');
}

export function emptyPartial(fields: readonly RollupField[]): RollupPartial {
  const p: RollupPartial = {};
  for (const f of fields) if (f.aggregation !== 'none') p[f.code] = { sum: 0, count: 0, max: null };
  return p;
}

function add(p: FieldPartial, v: number): void {
  p.sum += v;
  p.count++;
  if (p.max === null || v > p.max) p.max = v;
}

/** Adds rows into `into` (a new partial by default). */
export function accumulate(
  fields: readonly RollupField[],
  rows: Iterable<RollupRow>,
  into = emptyPartial(fields),
): RollupPartial {
  const active = fields.filter((f) => f.aggregation !== 'none');
  for (const row of rows) {
    for (const f of active) {
      const p = into[f.code] ?? (into[f.code] = { sum: 0, count: 0, max: null });
      if (row.zero) {
        add(p, 0);
        continue;
      }
      const v = row.values?.[f.code];
      if (typeof v === 'number' && Number.isFinite(v)) add(p, v);
    }
  }
  return into;
}

export function mergePartials(a: RollupPartial, b: RollupPartial): RollupPartial {
  const out: RollupPartial = {};
  for (const code of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[code] ?? { sum: 0, count: 0, max: null };
    const y = b[code] ?? { sum: 0, count: 0, max: null };
    out[code] = {
      sum: x.sum + y.sum,
      count: x.count + y.count,
      max: x.max === null ? y.max : y.max === null ? x.max : Math.max(x.max, y.max),
    };
  }
  return out;
}

export function finishRollup(fields: readonly RollupField[], partial: RollupPartial): Record<string, FieldRollup> {
  const out: Record<string, FieldRollup> = {};
  for (const f of fields) {
    if (f.aggregation === 'none') continue;
    const p = partial[f.code] ?? { sum: 0, count: 0, max: null };
    const value =
      p.count === 0 ? null : f.aggregation === 'sum' ? p.sum : f.aggregation === 'avg' ? p.sum / p.count : p.max;
    out[f.code] = { aggregation: f.aggregation, value, count: p.count };
  }
  return out;
}

export function rollup(fields: readonly RollupField[], rows: Iterable<RollupRow>): Record<string, FieldRollup> {
  return finishRollup(fields, accumulate(fields, rows));
}

/** One roll-up per key, e.g. keyOf = row → its sub-district, or row → its period for a trend line. */
export function rollupBy<R extends RollupRow>(
  fields: readonly RollupField[],
  rows: Iterable<R>,
  keyOf: (row: R) => string,
): Map<string, Record<string, FieldRollup>> {
  const partials = new Map<string, RollupPartial>();
  for (const row of rows) {
    const key = keyOf(row);
    let p = partials.get(key);
    if (!p) partials.set(key, (p = emptyPartial(fields)));
    accumulate(fields, [row], p);
  }
  return new Map([...partials].map(([k, p]) => [k, finishRollup(fields, p)]));
}

/** Keeps the latest version of each unit and period (a later correction replaces the earlier values). */
export function latestSubmissions<T extends { unitId: string; period: string; submittedAt: Date }>(
  rows: Iterable<T>,
): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const key = `${row.unitId}\u0000${row.period}`;
    const seen = latest.get(key);
    if (!seen || row.submittedAt.getTime() >= seen.submittedAt.getTime()) latest.set(key, row);
  }
  return [...latest.values()];
}
