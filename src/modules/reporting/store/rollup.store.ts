import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { rebasedPath, startsWith } from '../../../kernel/db/dialect.js';
import { contributionOf, type ContributionDelta, type FoldedRollup, type RollupField } from '../domain/index.js';

export interface AreaCountRow {
  area_path: string;
  period: string;
  submitted: number;
  on_time: number;
  zero: number;
}

export interface AreaFieldRow {
  area_path: string;
  period: string;
  field: string;
  sum: number;
  count: number;
  max: number | null;
}

const BATCH = 400;

/** Queries of the roll-up tables (report_rollups, report_rollup_fields); the rules are in domain/rollup-table.ts. */
export const rollupStore = {
  /** Adds a submission's change to every area above its unit; recomputes a max a correction may have lowered. */
  async apply(
    ex: Executor,
    a: {
      districtCode: string;
      formId: string;
      period: string;
      areas: string[];
      delta: ContributionDelta;
      /** The rolled-up fields of a form version, to recompute a max from the submissions. */
      fieldsOf: (version: number) => readonly RollupField[];
    },
  ): Promise<void> {
    const { delta } = a;
    for (const area of a.areas) {
      if (delta.submitted || delta.onTime || delta.zero) {
        await ex
          .insertInto('report_rollups')
          .values({
            form_id: a.formId,
            period: a.period,
            area_path: area,
            district_code: a.districtCode,
            submitted: delta.submitted,
            on_time: delta.onTime,
            zero: delta.zero,
          })
          .onConflict((oc) =>
            oc.columns(['form_id', 'area_path', 'period']).doUpdateSet((eb) => ({
              submitted: eb('report_rollups.submitted', '+', eb.ref('excluded.submitted')),
              on_time: eb('report_rollups.on_time', '+', eb.ref('excluded.on_time')),
              zero: eb('report_rollups.zero', '+', eb.ref('excluded.zero')),
            })),
          )
          .execute();
      }
      for (const f of delta.fields) {
        await ex
          .insertInto('report_rollup_fields')
          .values({
            form_id: a.formId,
            period: a.period,
            area_path: area,
            field: f.field,
            district_code: a.districtCode,
            sum: f.sum,
            count: f.count,
            max: f.add,
          })
          .onConflict((oc) =>
            oc.columns(['form_id', 'area_path', 'period', 'field']).doUpdateSet((eb) => ({
              sum: eb('report_rollup_fields.sum', '+', eb.ref('excluded.sum')),
              count: eb('report_rollup_fields.count', '+', eb.ref('excluded.count')),
              // Both databases: SQLite's max(a, b) is NULL when either is, PostgreSQL has GREATEST instead.
              max: sql<
                number | null
              >`CASE WHEN report_rollup_fields.max IS NULL OR excluded.max > report_rollup_fields.max THEN excluded.max ELSE report_rollup_fields.max END`,
            })),
          )
          .execute();
        if (f.removed === null) continue;
        const row = await ex
          .selectFrom('report_rollup_fields')
          .select(['max', 'count'])
          .where('form_id', '=', a.formId)
          .where('area_path', '=', area)
          .where('period', '=', a.period)
          .where('field', '=', f.field)
          .executeTakeFirstOrThrow();
        if (row.max === null || row.max > f.removed) continue;
        const max =
          row.count === 0
            ? null
            : await rollupStore.maxFromSubmissions(ex, a.formId, a.period, area, f.field, a.fieldsOf);
        await ex
          .updateTable('report_rollup_fields')
          .set({ max })
          .where('form_id', '=', a.formId)
          .where('area_path', '=', area)
          .where('period', '=', a.period)
          .where('field', '=', f.field)
          .execute();
      }
    }
  },

  /** The largest value of a field among the reports of a period under an area (the area's own excluded). */
  async maxFromSubmissions(
    ex: Executor,
    formId: string,
    period: string,
    area: string,
    field: string,
    fieldsOf: (version: number) => readonly RollupField[],
  ): Promise<number | null> {
    const rows = await ex
      .selectFrom('report_submissions')
      .select(['form_version', 'zero', 'values'])
      .where('form_id', '=', formId)
      .where('period', '=', period)
      .where(startsWith('unit_path', area))
      .where('unit_path', '!=', area)
      .execute();
    let max: number | null = null;
    for (const r of rows) {
      const v = contributionOf(fieldsOf(r.form_version), {
        onTime: false,
        zero: r.zero === 1,
        values: JSON.parse(r.values),
      }).fields[field];
      if (v !== undefined && (max === null || v > max)) max = v;
    }
    return max;
  },

  async deleteForm(ex: Executor, formId: string): Promise<void> {
    await ex.deleteFrom('report_rollup_fields').where('form_id', '=', formId).execute();
    await ex.deleteFrom('report_rollups').where('form_id', '=', formId).execute();
  },

  async insertFolded(ex: Executor, districtCode: string, formId: string, rows: Iterable<FoldedRollup>): Promise<void> {
    let counts: AreaCountRow[] = [];
    let fields: AreaFieldRow[] = [];
    const flush = async (force: boolean) => {
      if (counts.length && (force || counts.length >= BATCH)) {
        await ex
          .insertInto('report_rollups')
          .values(counts.map((r) => ({ ...r, form_id: formId, district_code: districtCode })))
          .execute();
        counts = [];
      }
      if (fields.length && (force || fields.length >= BATCH)) {
        await ex
          .insertInto('report_rollup_fields')
          .values(fields.map((r) => ({ ...r, form_id: formId, district_code: districtCode })))
          .execute();
        fields = [];
      }
    };
    for (const r of rows) {
      counts.push({ area_path: r.areaPath, period: r.period, submitted: r.submitted, on_time: r.onTime, zero: r.zero });
      for (const [field, p] of Object.entries(r.fields))
        fields.push({ area_path: r.areaPath, period: r.period, field, sum: p.sum, count: p.count, max: p.max });
      await flush(false);
    }
    await flush(true);
  },

  /** Counts per area and period for a period range (areas: exact paths). */
  async counts(ex: Executor, formId: string, areas: string[], from: string, to: string): Promise<AreaCountRow[]> {
    if (!areas.length) return [];
    return ex
      .selectFrom('report_rollups')
      .select(['area_path', 'period', 'submitted', 'on_time', 'zero'])
      .where('form_id', '=', formId)
      .where('area_path', 'in', areas)
      .where('period', '>=', from)
      .where('period', '<=', to)
      .execute();
  },

  /** Field partials per area and period for a period range. */
  async fields(
    ex: Executor,
    formId: string,
    areas: string[],
    from: string,
    to: string,
    fields: string[],
  ): Promise<AreaFieldRow[]> {
    if (!areas.length || !fields.length) return [];
    return ex
      .selectFrom('report_rollup_fields')
      .select(['area_path', 'period', 'field', 'sum', 'count', 'max'])
      .where('form_id', '=', formId)
      .where('area_path', 'in', areas)
      .where('field', 'in', fields)
      .where('period', '>=', from)
      .where('period', '<=', to)
      .execute();
  },

  /** Every row of one area (all periods) of a form: what a moving unit's descendants reported. */
  async areaRows(ex: Executor, formId: string, area: string) {
    const counts = await ex
      .selectFrom('report_rollups')
      .select(['period', 'submitted', 'on_time', 'zero'])
      .where('form_id', '=', formId)
      .where('area_path', '=', area)
      .execute();
    if (!counts.length) return { counts: [], fields: [] };
    const fields = await ex
      .selectFrom('report_rollup_fields')
      .select(['period', 'field', 'sum', 'count', 'max'])
      .where('form_id', '=', formId)
      .where('area_path', '=', area)
      .execute();
    return {
      counts: counts.map((r) => ({ period: r.period, submitted: r.submitted, onTime: r.on_time, zero: r.zero })),
      fields,
    };
  },

  /** Re-keys the rows of these areas (exact old paths, all under oldPath) to newPath: a moved subtree's own areas. */
  async moveAreas(ex: Executor, formId: string, areas: string[], oldPath: string, newPath: string): Promise<void> {
    const rekeyed = rebasedPath('area_path', oldPath, newPath);
    for (let i = 0; i < areas.length; i += BATCH) {
      const chunk = areas.slice(i, i + BATCH);
      await ex
        .updateTable('report_rollups')
        .set({ area_path: rekeyed })
        .where('form_id', '=', formId)
        .where('area_path', 'in', chunk)
        .execute();
      await ex
        .updateTable('report_rollup_fields')
        .set({ area_path: rekeyed })
        .where('form_id', '=', formId)
        .where('area_path', 'in', chunk)
        .execute();
    }
  },
};
