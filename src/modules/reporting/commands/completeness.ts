import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import { computeCompleteness, parsePeriod } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { reportingUnits } from './reporting-units.js';

/**
 * 应报 / 实报 / 按时报 for a unit subtree and period range, as DHIS2 computes reporting rates:
 * reporting rate = submitted ÷ expected, timeliness = on time ÷ expected (formulas in docs/reporting.md).
 */
export async function completeness(deps: ReportingDeps, actor: Actor, formId: string, q: { unitId?: string; from: string; to: string }) {
  const db = deps.database.db;
  const tz = deps.config.timeZone;
  const form = await reportStore.form(db, formId);
  if (!form || form.row.district_code !== actor.districtCode) throw new NotFound('report_form', formId);
  const def = form.definition;
  parsePeriod(q.from, def.periodType, 'from');
  parsePeriod(q.to, def.periodType, 'to');
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', q.unitId ?? actor.unitId);
  const units = await reportingUnits(deps, db, actor.districtCode, unit.path, def.reporters);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const report = computeCompleteness({
    periodType: def.periodType, deadline: def.deadline, from: q.from, to: q.to, timeZone: tz, now: deps.clock.now(),
    units: units.map((u) => ({ unitId: u.id, activeFrom: new Date(u.createdAt), retiredAt: u.retiredAt ? new Date(u.retiredAt) : null })),
    submissions: [],
  });
  const rows = await reportStore.submissions(db, formId, unit.path, report.periods);
  const full = computeCompleteness({
    periodType: def.periodType, deadline: def.deadline, from: q.from, to: q.to, timeZone: tz, now: deps.clock.now(),
    units: units.map((u) => ({ unitId: u.id, activeFrom: new Date(u.createdAt), retiredAt: u.retiredAt ? new Date(u.retiredAt) : null })),
    submissions: rows.map((r) => ({ unitId: r.unit_id, period: r.period, submittedAt: new Date(r.submitted_at), zero: r.zero === 1 })),
  });
  return {
    formId, unitId: unit.id, unitName: unit.name, from: q.from, to: q.to, periods: full.periods,
    ...full.totals,
    missing: full.missing.map((m) => ({ unitId: m.unitId, unitName: names.get(m.unitId) ?? null, period: m.period, deadline: m.deadline.toISOString(), overdue: m.overdue })),
    units: full.units.map((u) => ({ ...u, unitName: names.get(u.unitId) ?? null })),
    byPeriod: full.byPeriod,
  };
}
