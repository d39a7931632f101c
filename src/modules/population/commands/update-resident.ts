import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { RESIDENT_STATUS_NAMES, type ResidentPatch } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { placeStore } from '../store/place.store.js';
import { residentStore, type ResidentRow } from '../store/resident.store.js';
import { checkEntry } from './register-resident.js';
import { residentInScope, residentViews } from './resident-access.js';

/** Corrects a resident's facts, or marks them gone (已迁出) or deceased; the change is audited and kept in the history. */
export async function updateResident(
  deps: PopulationDeps,
  actor: Actor,
  id: string,
  body: ResidentPatch,
  requestId?: string,
) {
  authorize(actor, 'resident.write');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await residentInScope(trx, actor, id);
    const checked = await checkEntry(trx, actor, { tags: body.tags }, localDateOf(nowDate));
    if (checked.problems.length) throw new Invalid('resident.invalid', checked.problems[0]!.message, checked.problems);
    if (body.relation === 'head' && row.household_id && row.relation !== 'head') {
      const members = await residentStore.householdMembers(trx, [row.household_id]);
      if (members.some((m) => m.relation === 'head' && m.id !== id))
        throw new Invalid('resident.head_exists', 'the household has a head', [
          { field: 'relation', code: 'resident.head_exists', message: 'the household already has a head' },
        ]);
    }
    const set: Partial<ResidentRow> = { updated_at: now };
    if (body.name !== undefined) set.name = body.name;
    if (body.phone !== undefined) set.phone = body.phone ?? null;
    if (body.relation !== undefined) set.relation = body.relation ?? null;
    if (body.residenceKind !== undefined) set.residence_kind = body.residenceKind;
    if (body.tags !== undefined) set.tags = JSON.stringify(body.tags);
    if (body.note !== undefined) set.note = body.note ?? null;
    if (body.status !== undefined) set.status = body.status;
    await residentStore.update(trx, id, set);
    if (body.status !== undefined && body.status !== row.status) {
      const door = row.household_id ? await placeStore.household(trx, row.household_id) : undefined;
      await residentStore.addEvent(trx, {
        id: newId(nowDate.getTime()),
        resident_id: id,
        at: now,
        kind: 'status',
        household_id: row.household_id,
        household_address: door?.address ?? null,
        detail: RESIDENT_STATUS_NAMES[body.status],
        by_id: actor.accountId,
        by_name: actor.displayName,
      });
    }
    const changed = Object.keys(set).filter((k) => k !== 'updated_at');
    await recordAudit(trx, {
      actor,
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      summary: `修改居民 ${row.name} 的信息（${changed.join('、')}）`,
      requestId,
      at: nowDate,
    });
    return (await residentViews(deps, trx, [(await residentStore.byId(trx, id))!]))[0]!;
  });
}
