import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import { notify } from '../../inbox/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';

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
    const sub = await trx
      .selectFrom('report_submissions')
      .selectAll()
      .where('id', '=', submissionId)
      .executeTakeFirst();
    if (!sub || !sub.unit_path.startsWith(actor.scopePath)) throw new NotFound('report_submission', submissionId);
    if (sub.unit_path === actor.scopePath)
      throw new Forbidden('report.query_own_unit', '数据核查由上级单位发起，不能核查本单位的报告');
    const form = (await reportStore.form(trx, sub.form_id))!;
    if (body.field && !form.definition.fields.some((f) => f.code === body.field)) {
      throw new Invalid('report.query_unknown_field', `报表没有字段 ${body.field}`, [
        { field: 'field', message: '报表没有该字段' },
      ]);
    }
    const id = newId(now.getTime());
    const due = new Date(now.getTime() + ANSWER_WITHIN_MS);
    await trx
      .insertInto('report_queries')
      .values({
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
      })
      .execute();
    await trx
      .insertInto('report_query_messages')
      .values({
        id: newId(now.getTime()),
        query_id: id,
        district_code: sub.district_code,
        author_id: actor.accountId,
        author_name: actor.displayName,
        kind: 'question',
        text: body.question,
        at: now.toISOString(),
      })
      .execute();
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

/** The unit answers (late answers are kept and show as late); the asker hears of it. */
export async function answerQuery(
  deps: ReportingDeps,
  actor: Actor,
  queryId: string,
  body: { answer: string },
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const q = await trx.selectFrom('report_queries').selectAll().where('id', '=', queryId).executeTakeFirst();
    if (!q || !q.unit_path.startsWith(actor.scopePath)) throw new NotFound('report_query', queryId);
    // Only the questioned unit's own accounts answer (the asker and the levels above may not).
    if (q.asked_by === actor.accountId || actor.scopePath !== q.unit_path) {
      throw new Forbidden('report.query_answer_forbidden', '数据核查由被核查单位答复');
    }
    if (q.status === 'closed') throw new Conflict('report.query_closed', '该核查已结束');
    await trx
      .insertInto('report_query_messages')
      .values({
        id: newId(now.getTime()),
        query_id: q.id,
        district_code: q.district_code,
        author_id: actor.accountId,
        author_name: actor.displayName,
        kind: 'answer',
        text: body.answer,
        at: now.toISOString(),
      })
      .execute();
    await trx
      .updateTable('report_queries')
      .set({ status: 'answered', answered_at: q.answered_at ?? now.toISOString() })
      .where('id', '=', q.id)
      .execute();
    await notify(trx, {
      accountIds: [q.asked_by],
      districtCode: q.district_code,
      kind: 'report.query_answered',
      title: '【数据核查】已答复',
      body: body.answer,
      entityType: 'report_query',
      entityId: q.id,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'report.query_answer',
      entityType: 'report_query',
      entityId: q.id,
      at: now,
      requestId,
      summary: `答复数据核查${now.toISOString() > q.due_at ? '（超时）' : ''}`,
    });
  });
}

/** Data queries in the caller's scope, newest first, with what was questioned and the thread. */
export async function listQueries(deps: ReportingDeps, actor: Actor, f: { status?: string }) {
  const db = deps.database.db;
  let q = db
    .selectFrom('report_queries')
    .selectAll()
    .where('district_code', '=', actor.districtCode)
    .where(startsWith('unit_path', actor.scopePath));
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q.orderBy('id', 'desc').limit(200).execute();
  if (!rows.length) return { items: [] };
  const [messages, subs] = await Promise.all([
    db
      .selectFrom('report_query_messages')
      .selectAll()
      .where(
        'query_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .execute(),
    db
      .selectFrom('report_submissions')
      .select(['id', 'form_id', 'unit_id', 'period', 'zero', 'values'])
      .where('id', 'in', [...new Set(rows.map((r) => r.submission_id))])
      .execute(),
  ]);
  const subOf = new Map(subs.map((s) => [s.id, s]));
  const forms = new Map<string, Awaited<ReturnType<typeof reportStore.form>>>();
  for (const formId of new Set(subs.map((s) => s.form_id))) forms.set(formId, await reportStore.form(db, formId));
  const units = await deps.org.unitsByIds(
    db,
    subs.map((s) => s.unit_id),
  );
  return {
    items: rows.map((r) => {
      const sub = subOf.get(r.submission_id)!;
      const form = forms.get(sub.form_id)?.definition;
      const values = JSON.parse(sub.values) as Record<string, unknown>;
      return {
        id: r.id,
        submissionId: r.submission_id,
        formId: sub.form_id,
        formName: form?.name ?? '',
        unitId: sub.unit_id,
        unitName: units.get(sub.unit_id)?.name ?? '',
        period: sub.period,
        field: r.field,
        fieldLabel: r.field ? (form?.fields.find((x) => x.code === r.field)?.label ?? r.field) : null,
        value: r.field ? (sub.zero === 1 ? 0 : (values[r.field] ?? null)) : null,
        status: r.status,
        askedAt: r.asked_at,
        dueAt: r.due_at,
        answeredAt: r.answered_at,
        answeredLate: r.answered_at !== null && r.answered_at > r.due_at,
        escalatedAt: r.escalated_at,
        // The same rule as answerQuery: the questioned unit's own accounts, not the asker.
        canAnswer:
          r.status !== 'closed' &&
          actor.scopePath === r.unit_path &&
          r.asked_by !== actor.accountId &&
          actor.permissions.has('report.submit'),
        thread: messages
          .filter((m) => m.query_id === r.id)
          .map((m) => ({ kind: m.kind, author: m.author_name, text: m.text, at: m.at })),
      };
    }),
  };
}

/** Queries unanswered after 24 hours are flagged overdue and escalated to the sub-district and the asker, once. */
export async function escalateOverdueQueries(deps: ReportingDeps, now: Date): Promise<{ escalated: number }> {
  const db = deps.database.db;
  const due = await db
    .selectFrom('report_queries')
    .selectAll()
    .where('status', '=', 'open')
    .where('due_at', '<', now.toISOString())
    .execute();
  for (const q of due) {
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('report_queries')
        .set({ status: 'overdue', escalated_at: now.toISOString() })
        .where('id', '=', q.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) return;
      const above = (
        await deps.org.accountsCovering(trx, q.unit_path, ['subdistrict_staff', 'supervision_office'])
      ).map((a) => a.id);
      await notify(trx, {
        accountIds: [...new Set([q.asked_by, ...above])],
        districtCode: q.district_code,
        kind: 'report.query_overdue',
        title: '【数据核查超时】24 小时内未答复',
        body: `核查于 ${formatLocalDateTime(new Date(q.asked_at), deps.config.timeZone)} 发起，至今未答复。`,
        entityType: 'report_query',
        entityId: q.id,
        at: now,
      });
    });
  }
  return { escalated: due.length };
}

export function reportQueryJob(deps: ReportingDeps): Job {
  return { name: 'reporting.queries', everyMs: 5 * 60_000, run: (now) => escalateOverdueQueries(deps, now) };
}
