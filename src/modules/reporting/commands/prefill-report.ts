import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import { isFuture, parsePeriod, periodEnd, periodStart } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { systemFigures } from '../figures.js';
import { reportStore } from '../store/report.store.js';

/**
 * What the system already counts for a unit's report of a period (敲门入户数 from the door-knocking
 * visits, …), by field, so the form opens filled in. Counted over the unit's whole area and period.
 */
export async function prefillReport(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  query: { unitId: string; period: string },
) {
  const db = deps.database.db;
  const tz = deps.config.timeZone;
  const form = await reportStore.form(db, formId);
  if (!form || form.row.district_code !== actor.districtCode || form.row.status !== 'active')
    throw new NotFound('report_form', formId);
  const def = form.definition;
  const period = parsePeriod(query.period, def.periodType);
  if (isFuture(period.id, deps.clock.now(), tz))
    throw new Invalid('report.future_period', 'the period has not begun', [
      { field: 'period', code: 'report.period_not_started', message: 'not begun' },
    ]);
  const unit = await deps.org.unit(db, query.unitId);
  if (!unit || !inScope(actor, unit.path)) throw new NotFound('unit', query.unitId);
  const sources = deps.figures ?? [];
  const values = await systemFigures(sources, db, def.fields, {
    districtCode: actor.districtCode,
    unitId: unit.id,
    unitPath: unit.path,
    from: periodStart(period.id, tz),
    to: periodEnd(period.id, tz),
  });
  const labels = new Map(sources.map((s) => [s.code, s.label]));
  const figures = def.fields.flatMap((f) =>
    f.type === 'integer' && f.source && f.code in values
      ? [{ field: f.code, source: f.source, label: labels.get(f.source)!, value: values[f.code]! }]
      : [],
  );
  return { unitId: unit.id, period: period.id, values, figures };
}
