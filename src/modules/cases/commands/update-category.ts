import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { UpdateCategoryBody } from '../../../contracts/cases.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { categoryCache } from '../store/category-cache.js';

export async function updateCategory(
  deps: CasesDeps,
  actor: Actor,
  code: string,
  input: z.infer<typeof UpdateCategoryBody>,
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await caseStore.category(trx, actor.districtCode, code);
    if (!before) throw new NotFound('category', code);
    if (input.defaultUnitId) {
      const unit = await deps.org.unit(trx, input.defaultUnitId);
      if (!unit || !['department', 'outside_unit'].includes(unit.kind) || unit.status !== 'active') {
        throw new Invalid('category.bad_unit', 'the default unit must be an active department or outside unit', [
          { field: 'defaultUnitId', code: 'category.unit_not_dispatchable', message: 'not a dispatch target' },
        ]);
      }
    }
    if (before.level === 1 && (input.timeLimit || input.defaultUnitId)) {
      throw new Invalid('category.group_has_no_limit', 'a group category has no time limit nor default unit', [
        {
          field: input.timeLimit ? 'timeLimit' : 'defaultUnitId',
          code: 'category.group_not_settable',
          message: 'not on a group',
        },
      ]);
    }
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.timeLimit !== undefined
        ? { time_limit_value: input.timeLimit?.value ?? null, time_limit_unit: input.timeLimit?.unit ?? null }
        : {}),
      ...(input.defaultUnitId !== undefined ? { default_unit_id: input.defaultUnitId } : {}),
      ...(input.duplicateRadiusM !== undefined ? { duplicate_radius_m: input.duplicateRadiusM } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      updated_at: now.toISOString(),
    };
    await caseStore.updateCategory(trx, actor.districtCode, code, patch);
    await recordAudit(trx, {
      actor,
      action: 'category.update',
      entityType: 'category',
      entityId: null,
      at: now,
      requestId,
      summary: `修改问题类别 ${code} ${before.name}`,
      before: {
        name: before.name,
        timeLimit: before.time_limit_value ? { value: before.time_limit_value, unit: before.time_limit_unit } : null,
        defaultUnitId: before.default_unit_id,
        duplicateRadiusM: before.duplicate_radius_m,
        active: before.active === 1,
      },
      after: input,
    });
  });
  categoryCache(deps.database.db).invalidate();
}
