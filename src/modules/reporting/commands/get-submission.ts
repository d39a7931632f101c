import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';

/** A unit's report for a period, with the history of its corrections. */
export async function getSubmission(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  query: { unitId: string; period: string },
) {
  const db = deps.database.db;
  const unit = await deps.org.unit(db, query.unitId);
  if (!unit || !unit.path.startsWith(actor.scopePath)) throw new NotFound('unit', query.unitId);
  const row = await reportStore.submission(db, formId, unit.id, query.period);
  if (!row || row.district_code !== actor.districtCode)
    throw new NotFound('report_submission', `${query.unitId}/${query.period}`);
  return { row, unitName: unit.name, history: await reportStore.history(db, row.id) };
}
