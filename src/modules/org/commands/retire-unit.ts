import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { unitStore, type UnitRow } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

/**
 * Retires (撤销) a unit: it keeps its history and code but leaves the active tree and the locate index.
 * Units are never hard-deleted; a unit with active children must have them moved or retired first.
 */
export async function retireUnit(deps: OrgDeps, actor: Actor, id: string, requestId?: string): Promise<UnitRow> {
  const now = deps.clock.now();
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, id);
    if (!unit.parent_id)
      throw new Invalid('unit.root_permanent', 'the district root cannot retire', [
        { field: 'id', code: 'unit.root_cannot_retire', message: 'the root cannot retire' },
      ]);
    if (unit.status === 'retired') return unit;
    if (unit.path === actor.scopePath)
      throw new Invalid('unit.own_scope', "cannot retire the unit of one's own data scope", [
        { field: 'id', code: 'unit.is_own_scope', message: "one's own data scope" },
      ]);
    const children = await unitStore.countActiveChildren(trx, id);
    if (children > 0) {
      throw new Conflict(
        'unit.has_active_children',
        `${unit.name} has ${children} active children`,
        [{ field: 'id', code: 'unit.active_children', params: { count: children }, message: `${children} children` }],
        { unit: unit.name, count: children },
      );
    }
    await unitStore.update(trx, id, {
      status: 'retired',
      retired_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'unit.retire',
      entityType: 'unit',
      entityId: id,
      at: now,
      requestId,
      summary: `撤销「${unit.name}」`,
      before: { status: 'active' },
      after: { status: 'retired' },
    });
    await unitStore.setMeta(trx, 'boundary_version', now.toISOString() + id);
    return (await unitStore.findById(trx, id))!;
  });
  deps.locator.invalidate();
  return result;
}
