import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorizeAny } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { TopicBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';

/** Adds a topic to the year's consultation plan (协商计划). */
export async function createTopic(
  deps: SupervisionDeps,
  actor: Actor,
  body: z.output<typeof TopicBody>,
  requestId?: string,
) {
  authorizeAny(actor, ['task.manage', 'proposal.register']);
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const units = await deps.org.unitsByIds(trx, body.leadUnitIds);
    const problems: FieldProblem[] = [];
    body.leadUnitIds.forEach((id, i) => {
      const u = units.get(id);
      if (!u || u.districtCode !== actor.districtCode)
        problems.push({ field: `leadUnitIds[${i}]`, code: 'unit.missing', message: `no unit ${id}` });
      else if (u.status !== 'active')
        problems.push({
          field: `leadUnitIds[${i}]`,
          code: 'topic.unit_retired',
          params: { unit: u.name },
          message: `unit ${u.name} is retired`,
        });
    });
    if (!body.plannedMonth.startsWith(String(body.year)))
      problems.push({
        field: 'plannedMonth',
        code: 'topic.month_outside_year',
        params: { year: body.year },
        message: `not a month of ${body.year}`,
      });
    if (problems.length) throw new Invalid('supervision.invalid_topic', problems[0].message, problems);
    const id = newId(now.getTime());
    await meetingStore.insertTopic(trx, {
      id,
      district_code: actor.districtCode,
      year: body.year,
      title: body.title,
      form: body.form,
      planned_month: body.plannedMonth,
      lead_unit_ids: JSON.stringify(body.leadUnitIds),
      created_by: actor.accountId,
      created_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'topic.create',
      entityType: 'consultation_topic',
      entityId: id,
      at: now,
      requestId,
      summary: `${body.year} 年协商计划：${body.title}`,
    });
    return { id };
  });
}
