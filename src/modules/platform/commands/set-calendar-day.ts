import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { calendarCacheOf } from '../../../kernel/calendar/index.js';
import type { OrgDeps } from '../../org/index.js';
import { calendarStore } from '../store/calendar.store.js';

export async function setCalendarDay(
  deps: OrgDeps,
  actor: Actor,
  date: string,
  input: { kind: 'holiday' | 'workday'; name?: string },
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await calendarStore.find(trx, actor.districtCode, date);
    await calendarStore.upsert(trx, {
      district_code: actor.districtCode,
      date,
      kind: input.kind,
      name: input.name ?? null,
      updated_by: actor.accountId,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'calendar.set_day',
      entityType: 'calendar_day',
      entityId: null,
      at: now,
      requestId,
      summary: `设置 ${date} 为${input.kind === 'holiday' ? '休息日' : '工作日'}${input.name ? `（${input.name}）` : ''}`,
      before: before ? { kind: before.kind, name: before.name } : null,
      after: { kind: input.kind, name: input.name ?? null },
    });
  });
  // Deadlines computed from now on use the new day.
  calendarCacheOf(deps.database.db).invalidate();
}
