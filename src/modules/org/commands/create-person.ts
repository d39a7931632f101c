import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CreatePersonBody } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';
import { loadUnitInScope } from './load-unit.js';
import { checkGrids } from './person-access.js';

export async function createPerson(
  deps: OrgDeps,
  actor: Actor,
  input: z.infer<typeof CreatePersonBody>,
  requestId?: string,
) {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.unitId);
    if (unit.status !== 'active')
      throw new Invalid('person.unit_retired', 'the unit is retired', [
        { field: 'unitId', code: 'unit.is_retired', message: 'the unit is retired' },
      ]);
    if (input.gridIds?.length) await checkGrids(trx, actor, input.gridIds);
    const id = newId(now.getTime());
    await personStore.insert(trx, {
      id,
      district_code: unit.district_code,
      name: input.name,
      kind: input.kind,
      unit_id: unit.id,
      phone: input.phone ?? null,
      status: 'active',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await personStore.setGrids(trx, id, unit.district_code, input.gridIds ?? []);
    await recordAudit(trx, {
      actor,
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      at: now,
      requestId,
      summary: `新增人员「${input.name}」（${unit.name}）`,
      after: {
        name: input.name,
        kind: input.kind,
        unitId: unit.id,
        gridIds: input.gridIds ?? [],
        phone: input.phone ? '(set)' : null,
      },
    });
    const row = (await personStore.findById(trx, id))!;
    return { row, gridIds: input.gridIds ?? [], reveal: false };
  });
}
