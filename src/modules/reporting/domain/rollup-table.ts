import { rollupFieldsOf, type FieldPartial, type RollupField } from './rollup.js';
import type { ReportFormDefinition } from './form-schema.js';

/**
 * The pre-aggregated roll-up kept beside the submissions (tables report_rollups and
 * report_rollup_fields). Its definition is a fold over every submission as it stands now:
 *
 *   for each submission s (its latest values, its first submission's timeliness),
 *   for each ancestor area A of s.unitPath (the unit itself excluded):
 *     row(form, s.period, A).submitted += 1, .onTime += s.onTime, .zero += s.zero
 *     for each numeric field f of the form version s was made on, with a value v (0 for a zero report):
 *       field(form, s.period, A, f).sum += v, .count += 1, .max = max(.max, v)
 *
 * A submission adds its contribution; a correction removes the old one and adds the new one
 * (`contributionDelta`). Sums and counts subtract exactly; a max cannot, so when a correction lowers
 * or removes the value that was the max, the store recomputes that max from the submissions.
 */

export interface RollupSubmission {
  unitPath: string;
  period: string;
  onTime: boolean;
  zero: boolean;
  values: Record<string, unknown> | null;
}

export interface Contribution {
  submitted: number;
  onTime: number;
  zero: number;
  /** Per field: the value counted (0 for a zero report); absent when the report has no number there. */
  fields: Record<string, number>;
}

/** Every ancestor path of a unit path, the unit itself excluded: '/d/s/c/' → ['/d/', '/d/s/']. */
export function ancestorAreas(unitPath: string): string[] {
  const ids = unitPath.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < ids.length; i++) out.push(`/${ids.slice(0, i).join('/')}/`);
  return out;
}

/** What one submission adds to every area above it, read with the fields of its own form version. */
export function contributionOf(
  fields: readonly RollupField[],
  s: Pick<RollupSubmission, 'onTime' | 'zero' | 'values'>,
): Contribution {
  const out: Contribution = { submitted: 1, onTime: s.onTime ? 1 : 0, zero: s.zero ? 1 : 0, fields: {} };
  for (const f of fields) {
    if (f.aggregation === 'none') continue;
    if (s.zero) {
      out.fields[f.code] = 0;
      continue;
    }
    const v = s.values?.[f.code];
    if (typeof v === 'number' && Number.isFinite(v)) out.fields[f.code] = v;
  }
  return out;
}

export interface FieldDelta {
  field: string;
  sum: number;
  count: number;
  /** The value to merge into max, when the new report carries one. */
  add: number | null;
  /** The old report's value: when it equalled the area's max and the max may have dropped, the max is recomputed. */
  removed: number | null;
}

export interface ContributionDelta {
  submitted: number;
  onTime: number;
  zero: number;
  fields: FieldDelta[];
}

/** The change from `before` (null for a new report) to `after`, as added to each area above the unit. */
export function contributionDelta(before: Contribution | null, after: Contribution): ContributionDelta {
  const codes = new Set([...Object.keys(before?.fields ?? {}), ...Object.keys(after.fields)]);
  const fields: FieldDelta[] = [];
  for (const code of codes) {
    const old = before?.fields[code];
    const now = after.fields[code];
    const d: FieldDelta = {
      field: code,
      sum: (now ?? 0) - (old ?? 0),
      count: (now === undefined ? 0 : 1) - (old === undefined ? 0 : 1),
      add: now ?? null,
      // Only a removal that could lower the max matters: the old value gone and the new one smaller (or none).
      removed: old !== undefined && (now === undefined || now < old) ? old : null,
    };
    if (d.sum !== 0 || d.count !== 0 || d.add !== null || d.removed !== null) fields.push(d);
  }
  return {
    submitted: after.submitted - (before?.submitted ?? 0),
    onTime: after.onTime - (before?.onTime ?? 0),
    zero: after.zero - (before?.zero ?? 0),
    fields,
  };
}

export interface FoldedRollup {
  period: string;
  areaPath: string;
  submitted: number;
  onTime: number;
  zero: number;
  fields: Record<string, FieldPartial>;
}

/**
 * The roll-up rows as the fold above defines them, from the submissions as they stand (the rebuild,
 * the bench's generator and the test that checks the incremental upkeep all use it).
 * `fieldsOf(version)` gives the rolled-up fields of a form version.
 */
export class RollupFold {
  private readonly rows = new Map<string, FoldedRollup>();

  add(fields: readonly RollupField[], s: RollupSubmission): void {
    const c = contributionOf(fields, s);
    for (const area of ancestorAreas(s.unitPath)) {
      const key = `${s.period}|${area}`;
      let r = this.rows.get(key);
      if (!r)
        this.rows.set(key, (r = { period: s.period, areaPath: area, submitted: 0, onTime: 0, zero: 0, fields: {} }));
      r.submitted += c.submitted;
      r.onTime += c.onTime;
      r.zero += c.zero;
      for (const code in c.fields) {
        const v = c.fields[code];
        const p = r.fields[code] ?? (r.fields[code] = { sum: 0, count: 0, max: null });
        p.sum += v;
        p.count++;
        if (p.max === null || v > p.max) p.max = v;
      }
    }
  }

  get size(): number {
    return this.rows.size;
  }

  values(): IterableIterator<FoldedRollup> {
    return this.rows.values();
  }
}

/** The rolled-up fields of each version of a form, by version number. */
export function fieldsByVersion(
  versions: readonly Pick<ReportFormDefinition, 'version' | 'fields'>[],
): Map<number, RollupField[]> {
  return new Map(versions.map((v) => [v.version, rollupFieldsOf(v)]));
}
