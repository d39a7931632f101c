import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportQueryStore } from '../store/report-query.store.js';

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
    const q = await reportQueryStore.findById(trx, queryId);
    if (!q || !q.unit_path.startsWith(actor.scopePath)) throw new NotFound('report_query', queryId);
    // Only the questioned unit's own accounts answer (the asker and the levels above may not).
    if (q.asked_by === actor.accountId || actor.scopePath !== q.unit_path) {
      throw new Forbidden('report.query_answer_forbidden', "only the questioned unit's accounts answer");
    }
    if (q.status === 'closed') throw new Conflict('report.query_closed', 'the query is closed');
    await reportQueryStore.insertMessage(trx, {
      id: newId(now.getTime()),
      query_id: q.id,
      district_code: q.district_code,
      author_id: actor.accountId,
      author_name: actor.displayName,
      kind: 'answer',
      text: body.answer,
      at: now.toISOString(),
    });
    await reportQueryStore.markAnswered(trx, q.id, q.answered_at ?? now.toISOString());
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
