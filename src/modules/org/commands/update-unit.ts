import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import type { UpdateUnitBody } from '../../../contracts/org.js';
import { codeProblems, type UnitKind } from '../domain/unit-rules.js';
import type { OrgDeps } from '../deps.js';
import { unitStore, type UnitRow } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

/** Rename a unit or change its official code; history stays in the audit log. */
export async function updateUnit(
  deps: OrgDeps,
  actor: Actor,
  id: string,
  input: UpdateUnitBody,
  requestId?: string,
): Promise<UnitRow> {
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const unit = await loadUnitInScope(trx, actor, id);
      if (unit.status !== 'active')
        throw new Invalid(
          'unit.retired',
          'a retired unit cannot change',
          [{ field: 'id', code: 'unit.is_retired', message: 'the unit is retired' }],
          { act: 'update' },
        );
      if (input.code) {
        const parent = unit.parent_id ? await unitStore.findById(trx, unit.parent_id) : undefined;
        const problems = codeProblems({
          kind: unit.kind as UnitKind,
          code: input.code,
          parent: parent ? { kind: parent.kind as UnitKind, code: parent.code } : null,
        });
        if (problems.length) throw new Invalid('unit.invalid_code', problems[0].message, problems);
      }
      if (input.code === null && unit.kind === 'district') {
        throw new Invalid('unit.code_required', 'a district needs its division code', [
          { field: 'code', code: 'unit.code_not_clearable', message: 'cannot be cleared' },
        ]);
      }
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.code !== undefined ? { code: input.code } : {}),
        updated_at: now.toISOString(),
      };
      await unitStore.update(trx, id, patch);
      await recordAudit(trx, {
        actor,
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        at: now,
        requestId,
        summary:
          input.name && input.name !== unit.name ? `「${unit.name}」更名为「${input.name}」` : `修改「${unit.name}」`,
        before: { name: unit.name, code: unit.code },
        after: { name: input.name ?? unit.name, code: input.code === undefined ? unit.code : input.code },
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
