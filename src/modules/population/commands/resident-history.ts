import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { ResidentHistoryEntry } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { residentStore } from '../store/resident.store.js';
import { residentInScope } from './resident-access.js';

/** A resident's history, oldest first: registered, moved (with the old door), merged, reviewed, status. */
export async function residentHistory(deps: PopulationDeps, actor: Actor, id: string): Promise<ResidentHistoryEntry[]> {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  await residentInScope(db, actor, id);
  return (await residentStore.events(db, id)).map((e) => ({
    at: e.at,
    kind: e.kind,
    householdAddress: e.household_address,
    detail: e.detail,
    byName: e.by_name,
  }));
}
