import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import type { ResidentMoveBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { residentStore } from '../store/resident.store.js';
import { householdInScope } from './household-access.js';
import { applyMerge } from './register-resident.js';
import { residentInScope, residentViews } from './resident-access.js';

/** Moving house (搬迁) within the actor's scope: the old door stays in the person's history. */
export async function moveResident(
  deps: PopulationDeps,
  actor: Actor,
  id: string,
  body: ResidentMoveBody,
  requestId?: string,
) {
  authorize(actor, 'resident.write');
  const nowDate = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await residentInScope(trx, actor, id);
    const target = await householdInScope(trx, actor, body.householdId).catch(() => {
      throw new Invalid('resident.household_unknown', 'no such household', [
        { field: 'householdId', code: 'resident.household_unknown', message: 'no such household in your scope' },
      ]);
    });
    if (target.id === row.household_id)
      throw new Invalid('resident.same_household', 'already lives there', [
        { field: 'householdId', code: 'resident.same_household', message: 'the person already lives there' },
      ]);
    await applyMerge(
      trx,
      actor,
      row,
      {
        moveTo: { householdId: target.id, gridId: target.grid_id },
        ...(row.status === 'left' ? { reactivate: true } : {}),
      },
      { relation: body.relation ?? null, gridPath: target.grid_path },
      null,
      nowDate.toISOString(),
      body.reason ?? null,
    );
    await recordAudit(trx, {
      actor,
      action: 'resident.move',
      entityType: 'resident',
      entityId: id,
      summary: `居民 ${row.name} 搬至 ${target.address}`,
      requestId,
      at: nowDate,
    });
    return (await residentViews(deps, trx, [(await residentStore.byId(trx, id))!]))[0]!;
  });
}
