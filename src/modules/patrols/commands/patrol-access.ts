import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import { patrolStore, type PatrolRow } from '../store/patrol.store.js';

/** Whether the actor's view holds the patrol: its scope lies in theirs, or they recorded it. */
export const canSeePatrol = (actor: Actor, p: PatrolRow): boolean =>
  p.district_code === actor.districtCode && (inScope(actor, p.scope_path) || p.recorder_id === actor.accountId);

/** A patrol the actor may see; an invisible one answers as not found, so its existence does not leak. */
export async function loadVisiblePatrol(ex: Executor, actor: Actor, id: string): Promise<PatrolRow> {
  const p = await patrolStore.findById(ex, id);
  if (!p || !canSeePatrol(actor, p)) throw new NotFound('patrol', id);
  return p;
}
