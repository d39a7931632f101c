import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { calendarCacheOf } from '../../../kernel/calendar/index.js';
import { NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../../org/index.js';
import { calendarStore } from '../store/calendar.store.js';

export async function deleteCalendarDay(deps: OrgDeps, actor: Actor, date: string, requestId?: string) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await calendarStore.find(trx, actor.districtCode, date);
    if (!before) throw new NotFound('calendar_day', date);
    await calendarStore.delete(trx, actor.districtCode, date);
    await recordAudit(trx, {
      actor,
      action: 'calendar.delete_day',
      entityType: 'calendar_day',
      entityId: null,
      at: now,
      requestId,
      summary: `删除 ${date} 的日历设置`,
      before: { kind: before.kind, name: before.name },
    });
  });
  calendarCacheOf(deps.database.db).invalidate();
}
