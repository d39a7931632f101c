import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { RoundBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { checkRoundWindow } from '../domain/round-rules.js';
import { roundStore } from '../store/round.store.js';

const SCOPE_KINDS = new Set([
  'district',
  'subdistrict',
  'township',
  'community',
  'village',
  'grid_large',
  'grid_small',
]);

/** Opens a door-knocking round (敲门行动) over a unit of the actor's scope for a window of days. */
export async function createRound(deps: PopulationDeps, actor: Actor, body: RoundBody, requestId?: string) {
  authorize(actor, 'doorknock.manage');
  const nowDate = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await deps.org.unit(trx, body.scopeUnitId);
    if (!unit || unit.status !== 'active' || !SCOPE_KINDS.has(unit.kind) || !inScope(actor, unit.path))
      throw new Invalid('round.scope_unusable', 'not an area unit in scope', [
        {
          field: 'scopeUnitId',
          code: 'round.scope_unusable',
          message: 'choose a sub-district, community or grid in your scope',
        },
      ]);
    const problem = checkRoundWindow(body.startsOn, body.endsOn);
    if (problem)
      throw new Invalid(`round.${problem}`, problem, [{ field: 'endsOn', code: `round.${problem}`, message: problem }]);
    const row = {
      id: newId(nowDate.getTime()),
      district_code: actor.districtCode,
      name: body.name,
      scope_unit_id: unit.id,
      scope_path: unit.path,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      note: body.note ?? null,
      created_by: actor.accountId,
      created_by_name: actor.displayName,
      created_at: nowDate.toISOString(),
    };
    await roundStore.insert(trx, row);
    await recordAudit(trx, {
      actor,
      action: 'round.create',
      entityType: 'door_knock_round',
      entityId: row.id,
      summary: `发起敲门行动「${body.name}」（${unit.name}，${body.startsOn} 至 ${body.endsOn}）`,
      requestId,
      at: nowDate,
    });
    return row;
  });
}
