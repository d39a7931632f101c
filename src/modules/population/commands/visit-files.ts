import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import { roundStore } from '../store/round.store.js';

/** A visit's photo is seen by whoever may read residents where the visited household lies. */
export async function canActorSeeVisitFile(ex: Executor, actor: Actor, fileId: string): Promise<boolean> {
  if (!can(actor, 'resident.read')) return false;
  const v = await roundStore.visitOfFile(ex, fileId);
  return !!v && inScope(actor, v.grid_path);
}
