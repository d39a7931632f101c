import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import { parsePeriod, periodRange, rollup, rollupBy, rollupFieldsOf } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';

/**
 * Figures rolled up the tree (a sub-district sees the sum over its communities): the total for the
 * unit's subtree over the period range, and one row per child unit (街道 → 社区), each by the
 * field's rule (sum, average, max).
 */
export async function rollupReport(deps: ReportingDeps, actor: Actor, formId: string, q: { unitId?: string; from: string; to: string }) {
  const db = deps.database.db;
  const form = await reportStore.form(db, formId);
  if (!form || form.row.district_code !== actor.districtCode) throw new NotFound('report_form', formId);
  const def = form.definition;
  parsePeriod(q.from, def.periodType, 'from');
  parsePeriod(q.to, def.periodType, 'to');
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  const periods = periodRange(q.from, q.to, def.periodType);
  const rows = (await reportStore.submissions(db, formId, unit.path, periods)).map((r) => ({
    unitId: r.unit_id, unitPath: r.unit_path, period: r.period, zero: r.zero === 1, values: JSON.parse(r.values) as Record<string, unknown>,
  }));
  const fields = rollupFieldsOf(def);
  const children = await deps.org.children(db, unit.id);
  // Each report belongs to the child whose subtree holds its unit (the unit itself when it reports directly).
  const childOf = (path: string) => children.find((c) => path.startsWith(c.path))?.id ?? unit.id;
  const byChild = rollupBy(fields, rows, (r) => childOf(r.unitPath));
  const labels = new Map(def.fields.map((f) => [f.code, f.label]));
  return {
    formId, unitId: unit.id, unitName: unit.name, from: q.from, to: q.to, reports: rows.length,
    fields: fields.map((f) => ({ code: f.code, label: labels.get(f.code) ?? f.code, aggregation: f.aggregation })),
    total: rollup(fields, rows),
    rows: [...children, ...(byChild.has(unit.id) ? [{ id: unit.id, name: `${unit.name}（本级）`, path: unit.path }] : [])]
      .map((c) => ({ unitId: c.id, unitName: c.name, values: byChild.get(c.id) ?? null })),
  };
}
