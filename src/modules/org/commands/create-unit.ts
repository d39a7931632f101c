import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateUnitBody } from '../../../contracts/org.js';
import { canContain, codeProblems, UNIT_KIND_NAMES, type UnitKind } from '../domain/unit-rules.js';
import type { OrgDeps } from '../deps.js';
import { unitStore, type UnitRow } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

export async function createUnit(
  deps: OrgDeps,
  actor: Actor,
  input: CreateUnitBody,
  requestId?: string,
): Promise<UnitRow> {
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const parent = await loadUnitInScope(trx, actor, input.parentId);
      const parentKind = parent.kind as UnitKind;
      if (parent.status !== 'active')
        throw new Invalid('unit.parent_retired', '上级单位已撤销，不能新增下级', [
          { field: 'parentId', message: '上级单位已撤销' },
        ]);
      if (!canContain(parentKind, input.kind)) {
        throw new Invalid(
          'unit.kind_not_allowed',
          `${UNIT_KIND_NAMES[parentKind]}下不能设立${UNIT_KIND_NAMES[input.kind]}`,
          [{ field: 'kind', message: `${UNIT_KIND_NAMES[parentKind]}下不能设立${UNIT_KIND_NAMES[input.kind]}` }],
        );
      }
      if (input.code) {
        const problems = codeProblems({
          kind: input.kind,
          code: input.code,
          parent: { kind: parentKind, code: parent.code },
        });
        if (problems.length) throw new Invalid('unit.invalid_code', problems[0].message, problems);
      }
      const id = newId(now.getTime());
      const row = {
        id,
        district_code: parent.district_code,
        parent_id: parent.id,
        kind: input.kind,
        code: input.code ?? null,
        name: input.name,
        status: 'active',
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        sort_order: (await unitStore.maxSortOrder(trx, parent.id)) + 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        retired_at: null,
      };
      await unitStore.insert(trx, row);
      await recordAudit(trx, {
        actor,
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        at: now,
        requestId,
        summary: `新增${UNIT_KIND_NAMES[input.kind]}「${input.name}」于「${parent.name}」下`,
        after: { kind: row.kind, name: row.name, code: row.code, parentId: row.parent_id },
      });
      return (await unitStore.findById(trx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Conflict('unit.code_taken', `代码 ${input.code} 已被使用`, [
        { field: 'code', message: '代码已被使用' },
      ]);
    throw err;
  }
}
