import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { ResidentBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { residentStore } from '../store/resident.store.js';
import { registerResidentIn } from './register-resident.js';
import { residentViews } from './resident-access.js';

/** Registers a person from the console or the phone; answers what happened and the record. */
export async function createResident(deps: PopulationDeps, actor: Actor, body: ResidentBody, requestId?: string) {
  authorize(actor, 'resident.write');
  return deps.database.db.transaction().execute(async (trx) => {
    const r = await registerResidentIn(deps, trx, actor, body, { requestId });
    const row = (await residentStore.byId(trx, r.residentId))!;
    return { ...r, view: (await residentViews(deps, trx, [row]))[0]! };
  });
}
