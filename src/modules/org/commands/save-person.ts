import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { can, inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Forbidden, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CreatePersonBody, UpdatePersonBody } from '../../../contracts/org.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

async function checkGrids(trx: Executor, actor: Actor, gridIds: string[]): Promise<void> {
  const grids = await unitStore.findByIds(trx, [...new Set(gridIds)]);
  gridIds.forEach((gid, i) => {
    const g = grids.find((x) => x.id === gid);
    if (!g || !inScope(actor, g.path))
      throw new Invalid('person.unknown_grid', `网格 ${gid} 不存在或不在数据范围内`, [
        { field: `gridIds[${i}]`, message: '网格不存在或不在数据范围内' },
      ]);
    if (!g.kind.startsWith('grid_') || g.status !== 'active')
      throw new Invalid('person.not_a_grid', `「${g.name}」不是有效网格`, [
        { field: `gridIds[${i}]`, message: '不是有效网格' },
      ]);
  });
}

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
      throw new Invalid('person.unit_retired', '所属单位已撤销', [{ field: 'unitId', message: '单位已撤销' }]);
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
        throw new Invalid('person.unit_retired', '所属单位已撤销', [{ field: 'unitId', message: '单位已撤销' }]);
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

/** The full record with the unmasked phone, for roles that need it; every such view is audited. */
export async function revealPerson(deps: OrgDeps, actor: Actor, id: string, requestId?: string) {
  if (!can(actor, 'person.reveal')) throw new Forbidden('person.reveal_denied', '您的角色无权查看完整个人信息');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await personStore.findById(trx, id);
    if (!row || !inScope(actor, row.unit_path)) throw new NotFound('person', id);
    await recordAudit(trx, {
      actor,
      action: 'person.reveal',
      entityType: 'person',
      entityId: id,
      at: now,
      requestId,
      summary: `查看「${row.name}」的完整个人信息`,
    });
    const grids = await personStore.gridIdsOf(trx, [id]);
    return { row, gridIds: grids.get(id) ?? [], reveal: true };
  });
}

export async function listPeople(
  deps: OrgDeps,
  actor: Actor,
  input: { unitId?: string; kind?: string; q?: string; limit?: number },
) {
  const db = deps.database.db;
  const unitPath = input.unitId ? (await loadUnitInScope(db, actor, input.unitId)).path : undefined;
  const rows = await personStore.list(db, deps.database.dialect, {
    scopePath: actor.scopePath,
    unitPath,
    kind: input.kind,
    q: input.q,
    limit: input.limit,
  });
  const grids = await personStore.gridIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ row: r, gridIds: grids.get(r.id) ?? [], reveal: false })) };
}

export async function getPerson(deps: OrgDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const row = await personStore.findById(db, id);
  if (!row || !inScope(actor, row.unit_path)) throw new NotFound('person', id);
  const grids = await personStore.gridIdsOf(db, [id]);
  return { row, gridIds: grids.get(id) ?? [], reveal: false };
}
