import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { checkItems, type MeetingItem } from './meeting-access.js';

/** Adds a decision or review opinion to a recorded meeting. */
export async function addMeetingItem(
  deps: SupervisionDeps,
  actor: Actor,
  meetingId: string,
  body: MeetingItem,
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const m = await meetingStore.findInDistrict(trx, actor.districtCode, meetingId);
    if (!m) throw new NotFound('meeting', meetingId);
    const problems: FieldProblem[] = [];
    await checkItems(trx, actor, [body], 'items', problems);
    if (problems.length)
      throw new Invalid(
        'supervision.invalid_item',
        problems[0].message,
        problems.map((p) => ({ ...p, field: p.field.replace(/^items\[0\]\./, '') })),
      );
    const seq = await meetingStore.nextItemSeq(trx, m.id);
    const id = newId(now.getTime());
    await meetingStore.insertItems(trx, [
      {
        id,
        district_code: m.district_code,
        meeting_id: m.id,
        kind: body.kind,
        seq,
        content: body.content,
        project_id: body.projectId ?? null,
      },
    ]);
    await recordAudit(trx, {
      actor,
      action: 'meeting.item',
      entityType: 'meeting',
      entityId: m.id,
      at: now,
      requestId,
      summary: `增加${body.kind === 'decision' ? '议定事项' : '评审意见'} ${seq}`,
    });
    return { id };
  });
}
