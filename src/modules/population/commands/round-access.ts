import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import { roundStore, type RoundRow } from '../store/round.store.js';

/** Do the round's scope and the actor's overlap (one lies inside the other)? */
export function roundVisible(actor: Actor, r: RoundRow): boolean {
  return (
    r.district_code === actor.districtCode &&
    (inScope(actor, r.scope_path) ||
      (r.scope_path.length <= actor.scopePath.length && actor.scopePath.startsWith(r.scope_path)))
  );
}

export async function roundInScope(ex: Executor, actor: Actor, id: string): Promise<RoundRow> {
  const r = await roundStore.byId(ex, id);
  if (!r || !roundVisible(actor, r)) throw new NotFound('door_knock_round', id);
  return r;
}

/** The part of the round's scope the actor answers for: the deeper of the two paths. */
export function sharedPath(actor: Actor, r: RoundRow): string {
  return r.scope_path.startsWith(actor.scopePath) ? r.scope_path : actor.scopePath;
}
