import type { Actor } from '../../../kernel/auth/actor.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { reportQueryStore } from '../store/report-query.store.js';

/** Data queries in the caller's scope, newest first, with what was questioned and the thread. */
export async function listQueries(deps: ReportingDeps, actor: Actor, f: { status?: string }) {
  const db = deps.database.db;
  const rows = await reportQueryStore.listInScope(db, {
    districtCode: actor.districtCode,
    scopePath: actor.scopePath,
    status: f.status,
    limit: 200,
  });
  if (!rows.length) return { items: [] };
  const [messages, subs] = await Promise.all([
    reportQueryStore.messagesOf(
      db,
      rows.map((r) => r.id),
    ),
    reportStore.submissionsByIds(db, [...new Set(rows.map((r) => r.submission_id))]),
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
