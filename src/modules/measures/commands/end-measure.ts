import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { Conflict, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { MEASURE_STATUS_NAMES, type EndMeasureBody, type MeasureStatus } from '../../../contracts/measures.js';
import { notify } from '../../inbox/index.js';
import type { MeasuresDeps } from '../deps.js';
import { canEnd } from '../domain/measure-rules.js';
import { measureStore, type MeasureRow } from '../store/measure.store.js';
import { managesPath, measureVisible } from './measure-access.js';

/**
 * Ends an open measure early: 失访 (lost to follow-up) or 转院送医 (moved to hospital), with the reason.
 * Today's and earlier follow-ups stay as they are (today's still to record); later days leave the list.
 * The owners are told. Only the 街道 or 社区 holding the subject's grid may.
 */
export async function endMeasure(
  deps: MeasuresDeps,
  actor: Actor,
  id: string,
  body: EndMeasureBody,
  requestId?: string,
): Promise<MeasureRow> {
  authorize(actor, 'measure.manage');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const today = localDateOf(nowDate);
  return deps.database.db.transaction().execute(async (trx) => {
    const { measure: m, owners } = await measureVisible(trx, actor, id);
    if (!managesPath(actor, m.grid_path)) throw new NotFound('measure', id);
    const problem = canEnd(
      m.status as MeasureStatus,
      body.outcome,
      { startDay: m.start_day, endDay: m.end_day },
      today,
    );
    if (problem) throw new Conflict(problem, 'the measure is not open');
    // Ended today at the latest; a measure not yet begun ends on its first day (nothing is owed).
    const endedOn = today < m.start_day ? m.start_day : today > m.end_day ? m.end_day : today;
    await measureStore.end(trx, id, body.outcome, endedOn, now);
    await measureStore.dropFollowUpsAfter(trx, id, endedOn);
    const name = MEASURE_STATUS_NAMES[body.outcome];
    await measureStore.addEvent(trx, {
      id: newId(nowDate.getTime()),
      measure_id: id,
      at: now,
      kind: 'end',
      detail: `${name}（${endedOn}）：${body.reason}`,
      by_id: actor.accountId,
      by_name: actor.displayName,
    });
    await recordAudit(trx, {
      actor,
      at: nowDate,
      action: 'measure.end',
      entityType: 'measure',
      entityId: id,
      summary: `${m.subject_name}的居家措施结束：${name}`,
      before: { status: m.status },
      after: { status: body.outcome, endedOn, reason: body.reason },
      requestId,
    });
    await notify(trx, {
      accountIds: owners.map((o) => o.account_id),
      districtCode: m.district_code,
      kind: 'measure.ended',
      title: `居家措施结束：${m.subject_name}`,
      body: `${m.subject_name}的居家措施已结束（${name}，${endedOn}）：${body.reason}`,
      entityType: 'measure',
      entityId: id,
      at: nowDate,
    });
    return (await measureStore.byId(trx, id))!;
  });
}
