import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { reportQueryStore } from '../store/report-query.store.js';

/** 24小时数据核查: a query must be answered within this long of being asked. */
export const ANSWER_WITHIN_MS = 24 * 3600_000;

async function accountsOfUnit(
  deps: ReportingDeps,
  ex: Parameters<ReportingDeps['org']['accountsCovering']>[0],
  unitPath: string,
  roles: string[],
) {
  const unitId = unitPath.split('/').filter(Boolean).at(-1);
  return (await deps.org.accountsCovering(ex, unitPath, roles)).filter((a) => a.unitId === unitId).map((a) => a.id);
}

/** The level above questions a reported value; the unit is told, and has 24 hours to answer. */
export async function askQuery(
  deps: ReportingDeps,
  actor: Actor,
  submissionId: string,
  body: { field?: string | null; question: string },
  requestId?: string,
) {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const sub = await reportStore.submissionById(trx, submissionId);
    if (!sub || !sub.unit_path.startsWith(actor.scopePath)) throw new NotFound('report_submission', submissionId);
    if (sub.unit_path === actor.scopePath)
      throw new Forbidden('report.query_own_unit', 'a unit cannot query its own report');
    const form = (await reportStore.form(trx, sub.form_id))!;
    if (body.field && !form.definition.fields.some((f) => f.code === body.field)) {
      throw new Invalid(
        'report.query_unknown_field',
        `the form has no field ${body.field}`,
        [{ field: 'field', code: 'report.no_such_field', message: 'no such field' }],
        { field: body.field },
      );
    }
    const id = newId(now.getTime());
    const due = new Date(now.getTime() + ANSWER_WITHIN_MS);
    await reportQueryStore.insert(trx, {
      id,
      district_code: sub.district_code,
      submission_id: sub.id,
      unit_path: sub.unit_path,
      field: body.field ?? null,
      status: 'open',
      asked_by: actor.accountId,
      asked_at: now.toISOString(),
      due_at: due.toISOString(),
      answered_at: null,
      escalated_at: null,
    });
    await reportQueryStore.insertMessage(trx, {
      id: newId(now.getTime()),
      query_id: id,
      district_code: sub.district_code,
      author_id: actor.accountId,
      author_name: actor.displayName,
      kind: 'question',
      text: body.question,
      at: now.toISOString(),
    });
    const label = body.field ? form.definition.fields.find((f) => f.code === body.field)?.label : null;
    await notify(trx, {
      accountIds: await accountsOfUnit(deps, trx, sub.unit_path, [
        'community_worker',
        'grid_worker',
        'subdistrict_staff',
      ]),
      districtCode: sub.district_code,
      kind: 'report.query',
      title: `【数据核查】${form.definition.name} ${sub.period}${label ? ` · ${label}` : ''}`,
      body: `${body.question}\n请于 ${formatLocalDateTime(due, deps.config.timeZone)} 前答复。`,
      entityType: 'report_query',
      entityId: id,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'report.query',
      entityType: 'report_query',
      entityId: id,
      at: now,
      requestId,
      summary: `核查「${form.definition.name}」${sub.period}${label ? ` ${label}` : ''}`,
    });
    return id;
  });
}
