import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { QualityMarkBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { assessmentStore } from '../store/assessment.store.js';
import { calendarFor } from './refresh.js';
import { loadVisibleTask } from './task-access.js';

/** The supervision office gives a unit a quality mark (质量评价), optionally on one task. */
export async function addQualityMark(
  deps: SupervisionDeps,
  actor: Actor,
  body: z.output<typeof QualityMarkBody>,
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await deps.org.unit(trx, body.unitId);
    if (!unit || unit.districtCode !== actor.districtCode)
      throw new Invalid('supervision.mark_unit', `no unit ${body.unitId}`, [
        { field: 'unitId', code: 'unit.missing', message: 'no such unit' },
      ]);
    if (body.taskId) {
      const t = await loadVisibleTask(trx, actor, body.taskId).catch(() => null);
      if (!t)
        throw new Invalid('supervision.mark_task', `no visible task ${body.taskId}`, [
          { field: 'taskId', code: 'task.missing', message: 'no such task' },
        ]);
    }
    const cal = await calendarFor(deps, trx, actor.districtCode);
    const today = cal.localDate(now);
    const markedOn = body.markedOn ?? today;
    if (markedOn > today)
      throw new Invalid('supervision.mark_future', `marked on ${markedOn}, after today`, [
        { field: 'markedOn', code: 'assessment.mark_in_future', message: 'after today' },
      ]);
    const id = newId(now.getTime());
    await assessmentStore.insertMark(trx, {
      id,
      district_code: actor.districtCode,
      unit_id: unit.id,
      task_id: body.taskId ?? null,
      marked_on: markedOn,
      score: body.score,
      comment: body.comment ?? null,
      given_by: actor.accountId,
      given_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'assessment.mark',
      entityType: 'unit',
      entityId: unit.id,
      at: now,
      requestId,
      summary: `质量评价 ${unit.name} ${body.score} 分`,
    });
    return { id };
  });
}
