import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { Conflict, DomainError } from '../../../kernel/errors.js';
import type { TrackBody, TrackResult } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { patrolStore, type PatrolRow } from '../store/patrol.store.js';
import { appendTrack, checkBatch, patrolAreas } from './append-track.js';
import { loadVisiblePatrol } from './patrol-access.js';

export const TRACK_OPERATION = 'patrols.track';

/** Only the one who started a patrol adds to its track or ends it (their phone holds it). */
export function assertRecorder(actor: Actor, p: PatrolRow): void {
  if (p.recorder_id !== actor.accountId)
    throw new DomainError('forbidden', 'patrol.not_recorder', 'only the recorder adds to a patrol', [
      { field: 'id', code: 'patrol.not_recorder', message: 'not the recorder' },
    ]);
}

/**
 * Adds a batch of GPS points to a patrol under way (the phone uploads every few minutes, or all at the
 * end). A batch with a point outside the patrol's time is refused whole; a point far from its grids
 * is kept and flagged. Resending with the same Idempotency-Key stores nothing twice.
 */
export async function recordTrack(
  deps: PatrolsDeps,
  actor: Actor,
  id: string,
  body: TrackBody,
  opts: { idempotency?: IdempotencyClaim } = {},
): Promise<{ result: TrackResult; replayed: boolean }> {
  authorize(actor, 'patrol.record');
  const nowDate = deps.clock.now();
  const db = deps.database.db;
  const p = await loadVisiblePatrol(db, actor, id);
  assertRecorder(actor, p);
  const areas = await patrolAreas(deps, db, id);
  return db.transaction().execute(async (trx) => {
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, TRACK_OPERATION, opts.idempotency, id, nowDate);
      if (prior) {
        const now = (await patrolStore.findById(trx, id))!;
        return {
          result: { patrolId: id, received: body.points.length, stored: 0, far: 0, points: now.points },
          replayed: true,
        };
      }
    }
    if (!(await patrolStore.claimActive(trx, id, nowDate.toISOString())))
      throw new Conflict('patrol.ended', 'the patrol has ended');
    const current = (await patrolStore.findById(trx, id))!;
    checkBatch(current, body.points, null, nowDate);
    const r = await appendTrack(trx, current, body.points, areas, nowDate.toISOString());
    return {
      result: { patrolId: id, received: body.points.length, stored: r.stored, far: r.far, points: r.totals.points },
      replayed: false,
    };
  });
}
