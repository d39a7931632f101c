import { recordAudit } from '../../../kernel/audit/audit.js';
import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import type { EndPatrolBody } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { patrolDays } from '../domain/coverage.js';
import { checkEnd } from '../domain/patrol-rules.js';
import { patrolStore } from '../store/patrol.store.js';
import { appendTrack, checkBatch, patrolAreas } from './append-track.js';
import { loadVisiblePatrol } from './patrol-access.js';
import { assertRecorder } from './record-track.js';

export const END_OPERATION = 'patrols.end';

/**
 * Ends a patrol (结束巡查) at the phone's time, with its last points; from then on the patrol counts
 * in coverage: each of its units gets one more patrol on each local day it spanned.
 */
export async function endPatrol(
  deps: PatrolsDeps,
  actor: Actor,
  id: string,
  body: EndPatrolBody,
  opts: { idempotency?: IdempotencyClaim; requestId?: string } = {},
): Promise<{ replayed: boolean }> {
  authorize(actor, 'patrol.record');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const db = deps.database.db;
  const p = await loadVisiblePatrol(db, actor, id);
  assertRecorder(actor, p);
  const endedAt = new Date(body.endedAt);
  const issue = checkEnd(new Date(p.started_at), endedAt, nowDate);
  if (issue)
    throw new Invalid(issue.code, issue.code, [
      { field: issue.field, code: issue.code, message: issue.code, ...(issue.params ? { params: issue.params } : {}) },
    ]);
  const areas = body.points?.length ? await patrolAreas(deps, db, id) : [];
  return db.transaction().execute(async (trx) => {
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, END_OPERATION, opts.idempotency, id, nowDate);
      if (prior) return { replayed: true };
    }
    if (!(await patrolStore.claimActive(trx, id, now))) throw new Conflict('patrol.ended', 'the patrol has ended');
    const current = (await patrolStore.findById(trx, id))!;
    if (body.points?.length) {
      checkBatch(current, body.points, endedAt, nowDate);
      const r = await appendTrack(trx, current, body.points, areas, now);
      Object.assign(current, r.totals);
    }
    const endDay = localDateOf(endedAt);
    await patrolStore.update(trx, id, {
      status: 'ended',
      ended_at: endedAt.toISOString(),
      end_day: endDay,
      updated_at: now,
      ...(body.note ? { note: body.note } : {}),
    });
    const units = (await patrolStore.unitsOf(trx, [id])).get(id) ?? [];
    await patrolStore.bumpUnitDays(
      trx,
      units.flatMap((u) =>
        patrolDays(current.start_day, endDay).map((day) => ({
          unit_id: u.unit_id,
          kind: current.kind,
          day,
          district_code: current.district_code,
          unit_path: u.unit_path,
        })),
      ),
    );
    await recordAudit(trx, {
      actor,
      action: 'patrol.end',
      entityType: 'patrol',
      entityId: id,
      at: nowDate,
      requestId: opts.requestId ?? null,
      summary: `结束巡查：${units.map((u) => u.unit_name).join('、')}（${current.points} 个轨迹点）`,
    });
    return { replayed: false };
  });
}
