import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { canContain, UNIT_KIND_NAMES, type UnitKind } from '../domain/unit-rules.js';
import type { OrgDeps } from '../deps.js';
import { unitStore, type UnitRow } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

/** Moves a unit with its whole subtree under another parent (e.g. a community transferred between sub-districts). */
export async function moveUnit(
  deps: OrgDeps,
  actor: Actor,
  id: string,
  parentId: string,
  requestId?: string,
): Promise<UnitRow> {
  const now = deps.clock.now();
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, id);
    const target = await loadUnitInScope(trx, actor, parentId);
    if (!unit.parent_id)
      throw new Invalid('unit.root_immovable', 'the district root cannot move', [
        { field: 'id', code: 'unit.root_cannot_move', message: 'the root cannot move' },
      ]);
    if (unit.status !== 'active' || target.status !== 'active') {
      throw new Invalid(
        'unit.retired',
        'a retired unit cannot move nor take children',
        [{ field: 'parentId', code: 'unit.is_retired', message: 'the unit is retired' }],
        { act: 'move' },
      );
    }
    if (target.path.startsWith(unit.path)) {
      throw new Invalid('unit.move_cycle', 'cannot move under itself or its descendants', [
        { field: 'parentId', code: 'unit.move_cycle', message: 'cannot move under itself or its descendants' },
      ]);
    }
    if (!canContain(target.kind as UnitKind, unit.kind as UnitKind)) {
      throw new Invalid(
        'unit.kind_not_allowed',
        `a ${unit.kind} cannot be under a ${target.kind}`,
        [{ field: 'parentId', code: 'unit.parent_kind_mismatch', message: 'parent kind does not fit' }],
        { parent: UNIT_KIND_NAMES[target.kind as UnitKind], child: UNIT_KIND_NAMES[unit.kind as UnitKind] },
      );
    }
    if (unit.parent_id === target.id) return unit;
    const oldParent = await unitStore.findById(trx, unit.parent_id);
    const newPath = `${target.path}${unit.id}/`;
    await unitStore.movePaths(trx, unit.path, newPath, target.depth + 1 - unit.depth, now.toISOString());
    await unitStore.update(trx, unit.id, {
      parent_id: target.id,
      sort_order: (await unitStore.maxSortOrder(trx, target.id)) + 1,
    });
    await recordAudit(trx, {
      actor,
      action: 'unit.move',
      entityType: 'unit',
      entityId: unit.id,
      at: now,
      requestId,
      summary: `「${unit.name}」由「${oldParent?.name ?? ''}」移至「${target.name}」`,
      before: { parentId: unit.parent_id },
      after: { parentId: target.id },
    });
    // Modules keeping unit paths of their own (reporting's roll-up) follow in this same transaction.
    await deps.events.emit(trx, 'org.unit_moved', {
      districtCode: unit.district_code,
      unitId: unit.id,
      unitName: unit.name,
      oldPath: unit.path,
      newPath,
      at: now,
      actor,
      requestId,
    });
    return (await unitStore.findById(trx, unit.id))!;
  });
  deps.locator.invalidate();
  return result;
}
