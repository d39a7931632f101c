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
        throw new Invalid('unit.parent_retired', 'the parent unit is retired', [
          { field: 'parentId', code: 'unit.parent_is_retired', message: 'the parent unit is retired' },
        ]);
      if (!canContain(parentKind, input.kind)) {
        const kinds = { parent: UNIT_KIND_NAMES[parentKind], child: UNIT_KIND_NAMES[input.kind] };
        throw new Invalid(
          'unit.kind_not_allowed',
          `a ${input.kind} cannot be under a ${parentKind}`,
          [{ field: 'kind', code: 'unit.kind_not_allowed_under', params: kinds, message: 'kind not allowed here' }],
          kinds,
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
      throw new Conflict(
        'unit.code_taken',
        `code ${input.code} is taken`,
        [{ field: 'code', code: 'unit.code_in_use', message: 'code taken' }],
        { code: String(input.code) },
      );
    throw err;
  }
}
