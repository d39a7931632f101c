import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import { seesOwnedOnly } from '../../../contracts/measures.js';
import { measureStore, type MeasureRow, type OwnerRow } from '../store/measure.store.js';

/** An account holding only owner roles sees the measures it owns and nothing under its unit. */
export function ownedOnly(actor: Actor): boolean {
  return seesOwnedOnly(actor.roles);
}

/** May the actor see this measure: its scope holds the subject's grid, or it is one of the four owners. */
export function canSeeMeasure(actor: Actor, m: MeasureRow, owners: readonly OwnerRow[]): boolean {
  if (m.district_code !== actor.districtCode) return false;
  if (owners.some((o) => o.account_id === actor.accountId)) return true;
  return !ownedOnly(actor) && inScope(actor, m.grid_path);
}

/** A measure the actor may see, with its owners, or 404: a measure outside it does not exist for them. */
export async function measureVisible(
  ex: Executor,
  actor: Actor,
  id: string,
): Promise<{ measure: MeasureRow; owners: OwnerRow[] }> {
  const measure = await measureStore.byId(ex, id);
  const owners = measure ? await measureStore.owners(ex, [id]) : [];
  if (!measure || !canSeeMeasure(actor, measure, owners)) throw new NotFound('measure', id);
  return { measure, owners };
}

/** The 街道 or 社区 that may start or end a measure on this subject's grid (never an owner-only role). */
export function managesPath(actor: Actor, gridPath: string): boolean {
  return !ownedOnly(actor) && inScope(actor, gridPath) && actor.permissions.has('measure.manage');
}
