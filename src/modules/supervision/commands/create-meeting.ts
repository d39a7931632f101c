import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { MeetingBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { checkItems } from './meeting-access.js';

type Meeting = z.output<typeof MeetingBody>;

/** Records a meeting with its decisions and review opinions (议定事项). */
export async function createMeeting(deps: SupervisionDeps, actor: Actor, body: Meeting, requestId?: string) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const problems: FieldProblem[] = [];
    const accounts = await deps.org.accountsByIds(trx, [...(body.chairId ? [body.chairId] : []), ...body.attendeeIds]);
    if (body.chairId && accounts.get(body.chairId)?.districtCode !== actor.districtCode)
      problems.push({ field: 'chairId', code: 'meeting.chair_missing', message: 'no such account' });
    body.attendeeIds.forEach((id, i) => {
      if (accounts.get(id)?.districtCode !== actor.districtCode)
        problems.push({ field: `attendeeIds[${i}]`, code: 'meeting.attendee_missing', message: 'no such account' });
    });
    const units = await deps.org.unitsByIds(trx, body.attendeeUnitIds);
    body.attendeeUnitIds.forEach((id, i) => {
      if (units.get(id)?.districtCode !== actor.districtCode)
        problems.push({ field: `attendeeUnitIds[${i}]`, code: 'meeting.unit_missing', message: 'no such unit' });
    });
    if (body.topicId && !(await meetingStore.topicExists(trx, actor.districtCode, body.topicId)))
      problems.push({ field: 'topicId', code: 'topic.missing', message: 'no such consultation topic' });
    await checkItems(trx, actor, body.items, 'items', problems);
    if (problems.length) throw new Invalid('supervision.invalid_meeting', problems[0].message, problems);
    const id = newId(now.getTime());
    await meetingStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      kind: body.kind,
      title: body.title,
      held_on: body.heldOn,
      chair_id: body.chairId ?? null,
      attendee_ids: JSON.stringify(body.attendeeIds),
      attendee_unit_ids: JSON.stringify(body.attendeeUnitIds),
      summary: body.summary ?? null,
      topic_id: body.topicId ?? null,
      created_by: actor.accountId,
      created_at: now.toISOString(),
    });
    await meetingStore.insertItems(
      trx,
      body.items.map((it, i) => ({
        id: newId(now.getTime()),
        district_code: actor.districtCode,
        meeting_id: id,
        kind: it.kind,
        seq: i + 1,
        content: it.content,
        project_id: it.projectId ?? null,
      })),
    );
    await recordAudit(trx, {
      actor,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      at: now,
      requestId,
      summary: `记录会议「${body.title}」，议定事项 ${body.items.length} 项`,
    });
    return { id };
  });
}
