import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { DomainError, Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import {
  FOLLOW_UP_METHOD_NAMES,
  FOLLOW_UP_STATUS_NAMES,
  OWNER_ROLE_NAMES,
  type FollowUpBody,
  type MeasureStatus,
  type OwnerRole,
} from '../../../contracts/measures.js';
import type { MeasuresDeps } from '../deps.js';
import { checkRecord } from '../domain/measure-rules.js';
import { measureStore, type FollowUpRow, type MeasureRow } from '../store/measure.store.js';
import { measureVisible } from './measure-access.js';

export const FOLLOW_UP_OPERATION = 'measures.follow_up';

/**
 * Records a day's follow-up (随访) of a measure: seen and well (正常), seen with signs (异常), or not seen
 * (未见到), with the way (上门 / 电话), a temperature and a note. Only one of the measure's four owners
 * may, once per day, for a day of the window not after today. A phone resending from its outbox with
 * the same Idempotency-Key gets the first answer back and nothing is written twice.
 */
export async function recordFollowUp(
  deps: MeasuresDeps,
  actor: Actor,
  body: FollowUpBody,
  opts: { idempotency?: IdempotencyClaim } = {},
): Promise<{ measure: MeasureRow; followUp: FollowUpRow; replayed: boolean }> {
  authorize(actor, 'followup.record');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const today = localDateOf(nowDate);
  const day = body.day ?? today;
  return deps.database.db.transaction().execute(async (trx) => {
    const { measure: m, owners } = await measureVisible(trx, actor, body.measureId).catch(() => {
      throw new Invalid('followup.measure_unknown', 'no such measure', [
        { field: 'measureId', code: 'followup.measure_unknown', message: 'no such measure in your view' },
      ]);
    });
    const mine = owners.find((o) => o.account_id === actor.accountId);
    if (!mine)
      throw new DomainError(
        'forbidden',
        'followup.not_owner',
        'only the four owners of the measure record its follow-ups',
        [{ field: 'measureId', code: 'followup.not_owner', message: 'you are not an owner of this measure' }],
      );
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, FOLLOW_UP_OPERATION, opts.idempotency, m.id, nowDate);
      if (prior) return { measure: m, followUp: (await measureStore.followUp(trx, m.id, day))!, replayed: true };
    }
    const current = await measureStore.followUp(trx, m.id, day);
    const problem = checkRecord(
      { startDay: m.start_day, endDay: m.end_day, status: m.status as MeasureStatus, endedOn: m.ended_on },
      day,
      today,
      current
        ? { status: current.status as FollowUpRow['status'] & 'seen_ok', recordedBy: current.recorded_by }
        : undefined,
    );
    if (problem)
      throw new Invalid('followup.invalid', problem.code, [
        { field: problem.field, code: problem.code, params: problem.params, message: problem.code },
      ]);
    const row: FollowUpRow = {
      measure_id: m.id,
      day,
      status: body.status,
      method: body.method ?? null,
      temperature: body.temperature ?? null,
      note: body.note ?? null,
      recorded_by: actor.accountId,
      recorded_by_name: actor.displayName,
      recorded_role: mine.role,
      recorded_at: now,
    };
    await measureStore.recordFollowUp(trx, row);
    const how = body.method ? `（${FOLLOW_UP_METHOD_NAMES[body.method]}）` : '';
    const late = current?.status === 'missed' ? '，补录' : '';
    await measureStore.addEvent(trx, {
      id: newId(nowDate.getTime()),
      measure_id: m.id,
      at: now,
      kind: 'follow_up',
      detail: `${day} 随访${how}：${FOLLOW_UP_STATUS_NAMES[body.status]}${late}`,
      by_id: actor.accountId,
      by_name: `${OWNER_ROLE_NAMES[mine.role as OwnerRole]}${actor.displayName}`,
    });
    return { measure: m, followUp: row, replayed: false };
  });
}
