import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import {
  childKeyOf,
  contributionOf,
  emptyPartial,
  fieldsByVersion,
  finishRollup,
  parsePeriod,
  periodRange,
  rollupFieldsOf,
  type RollupPartial,
} from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { rollupStore } from '../store/rollup.store.js';
import { reportingUnits } from './reporting-units.js';

export interface RollupQueryInput {
  unitId?: string;
  from: string;
  to: string;
  /** Field codes to roll up; every numeric field when absent. */
  fields?: string[];
}

/**
 * Figures rolled up the tree (a sub-district sees the sum over its communities): the total for the
 * unit's subtree over the period range, one row per child unit (街道 → 社区) and one point per period
 * (the trend), each by the field's rule (sum, average, max). Read from the roll-up tables (the
 * reports below each area) plus the own reports of the unit and its children.
 */
export async function rollupReport(deps: ReportingDeps, actor: Actor, formId: string, q: RollupQueryInput) {
  const db = deps.database.db;
  const form = await reportStore.form(db, formId);
  if (!form || form.row.district_code !== actor.districtCode) throw new NotFound('report_form', formId);
  const def = form.definition;
  parsePeriod(q.from, def.periodType, 'from');
  parsePeriod(q.to, def.periodType, 'to');
  const periods = periodRange(q.from, q.to, def.periodType);
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  const all = rollupFieldsOf(def);
  const unknown = (q.fields ?? []).filter((f) => !all.some((x) => x.code === f));
  if (unknown.length)
    throw new Invalid(
      'report.rollup_unknown_field',
      `no summable fields ${unknown.join(', ')}`,
      [
        {
          field: 'fields',
          code: 'report.rollup_fields_unknown',
          params: { fields: unknown.join(', ') },
          message: `no summable fields ${unknown.join(', ')}`,
        },
      ],
      { fields: unknown.join('、') },
    );
  const fields = q.fields?.length ? all.filter((f) => q.fields!.includes(f.code)) : all;
  const codes = fields.map((f) => f.code);
  // A row per child the form applies to (it reports, or reporting units lie below it), retired ones
  // included: their reports are in the total, so their rows stay and the rows add up to it.
  const reporters = await reportingUnits(deps, db, actor.districtCode, unit.path, def.reporters);
  const childIds = new Set(reporters.filter((u) => u.path !== unit.path).map((u) => childKeyOf(unit.path, u.path)));
  const active = await deps.org.children(db, unit.id);
  const found = await deps.org.unitsByIds(db, [...childIds]);
  const children = [
    ...active.filter((c) => childIds.has(c.id)),
    ...[...found.values()]
      .filter((c) => !active.some((a) => a.id === c.id))
      .sort((a, b) => a.path.localeCompare(b.path)),
  ];
  const childOfPath = new Map(children.map((c) => [c.path, c.id]));

  const [areaRows, counts, own, versions] = await Promise.all([
    rollupStore.fields(db, formId, [unit.path, ...children.map((c) => c.path)], q.from, q.to, codes),
    rollupStore.counts(db, formId, [unit.path, ...children.map((c) => c.path)], q.from, q.to),
    reportStore.reportsOfUnits(db, formId, [unit.id, ...children.map((c) => c.id)], q.from, q.to),
    reportStore.versions(db, formId),
  ]);
  const fieldsOf = fieldsByVersion(versions);

  const byKey = new Map<string, RollupPartial>();
  const byPeriod = new Map<string, RollupPartial>();
  const reports = new Map<string, number>();
  const partialOf = (m: Map<string, RollupPartial>, k: string) => {
    let p = m.get(k);
    if (!p) m.set(k, (p = emptyPartial(fields)));
    return p;
  };
  const merge = (p: RollupPartial, field: string, sum: number, count: number, max: number | null) => {
    const x = p[field];
    if (!x) return;
    x.sum += sum;
    x.count += count;
    if (max !== null && (x.max === null || max > x.max)) x.max = max;
  };
  for (const r of areaRows) {
    const key = r.area_path === unit.path ? 'total' : childOfPath.get(r.area_path)!;
    merge(partialOf(byKey, key), r.field, r.sum, r.count, r.max);
    if (key === 'total') merge(partialOf(byPeriod, r.period), r.field, r.sum, r.count, r.max);
  }
  for (const r of counts) {
    const key = r.area_path === unit.path ? 'total' : childOfPath.get(r.area_path)!;
    reports.set(key, (reports.get(key) ?? 0) + r.submitted);
  }
  for (const r of own) {
    const c = contributionOf(fieldsOf.get(r.form_version) ?? [], {
      onTime: false,
      zero: r.zero === 1,
      values: JSON.parse(r.values),
    });
    // The unit's own reports are not below it: they add to the total and to its own row (本级).
    const keys = r.unit_id === unit.id ? ['total', 'self'] : [r.unit_id];
    for (const key of keys) {
      reports.set(key, (reports.get(key) ?? 0) + 1);
      for (const code of codes)
        if (c.fields[code] !== undefined) merge(partialOf(byKey, key), code, c.fields[code], 1, c.fields[code]);
    }
    if (r.unit_id === unit.id)
      for (const code of codes)
        if (c.fields[code] !== undefined) merge(partialOf(byPeriod, r.period), code, c.fields[code], 1, c.fields[code]);
  }
  // Areas with reports below them can be opened (drill down) for their own children.
  const below = new Set(counts.filter((r) => r.submitted > 0).map((r) => r.area_path));
  const labels = new Map(def.fields.map((f) => [f.code, f.label]));
  const finish = (k: string, m = byKey) => (m.has(k) ? finishRollup(fields, m.get(k)!) : null);
  return {
    formId,
    formName: def.name,
    unitId: unit.id,
    unitName: unit.name,
    from: q.from,
    to: q.to,
    reports: reports.get('total') ?? 0,
    fields: fields.map((f) => ({ code: f.code, label: labels.get(f.code) ?? f.code, aggregation: f.aggregation })),
    total: finishRollup(fields, byKey.get('total') ?? emptyPartial(fields)),
    rows: [
      ...children
        .filter((c) => c.status === 'active' || reports.has(c.id))
        .map((c) => ({
          unitId: c.id,
          unitName: c.status === 'active' ? c.name : `${c.name}（已撤销）`,
          hasChildren: below.has(c.path),
          reports: reports.get(c.id) ?? 0,
          values: finish(c.id),
        })),
      ...(reports.has('self')
        ? [
            {
              unitId: unit.id,
              unitName: `${unit.name}（本级）`,
              hasChildren: false,
              reports: reports.get('self') ?? 0,
              values: finish('self'),
            },
          ]
        : []),
    ],
    byPeriod: periods.map((p) => ({ period: p, values: finish(p, byPeriod) })),
  };
}
