import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { UpdatePersonBody } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';
import { loadUnitInScope } from './load-unit.js';
import { checkGrids } from './person-access.js';

export async function updatePerson(
  deps: OrgDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdatePersonBody>,
  requestId?: string,
) {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await personStore.findById(trx, id);
    if (!before || !inScope(actor, before.unit_path)) throw new NotFound('person', id);
    if (input.unitId) {
      const unit = await loadUnitInScope(trx, actor, input.unitId);
      if (unit.status !== 'active')
        throw new Invalid('person.unit_retired', 'the unit is retired', [
          { field: 'unitId', code: 'unit.is_retired', message: 'the unit is retired' },
        ]);
    }
    if (input.gridIds?.length) await checkGrids(trx, actor, input.gridIds);
    const { gridIds, ...fields } = input;
    await personStore.update(trx, id, {
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
      ...(fields.unitId !== undefined ? { unit_id: fields.unitId } : {}),
      ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
      ...(fields.status !== undefined ? { status: fields.status } : {}),
      updated_at: now.toISOString(),
    });
    if (gridIds) await personStore.setGrids(trx, id, before.district_code, gridIds);
    const currentGrids = (await personStore.gridIdsOf(trx, [id])).get(id) ?? [];
    await recordAudit(trx, {
      actor,
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      at: now,
      requestId,
      summary: `修改人员「${before.name}」`,
      // Phones are personal data: the audit says that it changed, never what it was.
      before: { name: before.name, kind: before.kind, unitId: before.unit_id, status: before.status },
      after: { ...fields, phone: fields.phone !== undefined ? '(changed)' : undefined, gridIds },
    });
    const row = (await personStore.findById(trx, id))!;
    return { row, gridIds: currentGrids, reveal: false };
  });
}
