import type { Job } from '../../../kernel/jobs/scheduler.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { notify } from '../../inbox/index.js';
import { caseEscalationLevel, deadlineStatus, ESCALATION_LADDER, stateFromJson } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import '../case-events.js';
import { calendarFor } from './case-context.js';
import { caseStore } from '../store/case.store.js';

const ROLE_OF: Record<string, string[]> = {
  assigned_unit: ['unit_handler'],
  triage: ['subdistrict_staff'],
  supervision_office: ['supervision_office'],
  district_leader: ['district_leader'],
};

/**
 * Recomputes 预警/超期 for every case whose clock runs, and notifies on each change: near-overdue
 * to the unit, overdue to the unit (and the webhook 'case.overdue'), and each further time limit
 * overdue one rung up the ladder (sub-district, then supervision office and district leaders). Each
 * overdue rung also emits 'case.overdue' in the same transaction (listeners: duty's 分包 notice).
 * Idempotent: a case is touched only when its status or level changed.
 */
export async function checkDeadlines(
  deps: CasesDeps,
  now: Date,
): Promise<{ checked: number; changed: number; notices: number }> {
  const db = deps.database.db;
  const rows = await caseStore.withRunningClock(db);
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarFor>>>();
  let changed = 0;
  let notices = 0;
  for (const r of rows) {
    if (!calendars.has(r.district_code)) calendars.set(r.district_code, await calendarFor(deps, db, r.district_code));
    const calendar = calendars.get(r.district_code)!;
    const state = stateFromJson(r.state);
    const status = deadlineStatus(state, now, calendar);
    const level = caseEscalationLevel(state, now, calendar);
    if (status === r.deadline_status && level === r.escalation_level) continue;
    await db.transaction().execute(async (trx) => {
      // Only if no action changed the case meanwhile; the next run sees the new state.
      if (
        !(await caseStore.setDeadlineIfVersion(trx, r.id, r.version, {
          deadline_status: status,
          escalation_level: level,
        }))
      )
        return;
      changed++;
      const area = state.gridPath ?? state.districtPath;
      const send = async (kind: string, title: string, audiences: readonly string[]) => {
        const ids: string[] = [];
        for (const a of audiences) {
          const path = a === 'assigned_unit' ? state.assignedUnitPath : area;
          if (path) for (const acc of await deps.org.accountsCovering(trx, path, ROLE_OF[a])) ids.push(acc.id);
        }
        await notify(trx, {
          accountIds: ids,
          districtCode: r.district_code,
          kind,
          title,
          body: `${state.description.slice(0, 120)}\n处置时限：${state.deadline ? formatLocalDateTime(state.deadline, deps.config.timeZone) : ''}`,
          entityType: 'case',
          entityId: r.id,
          at: now,
        });
        notices += ids.length;
      };
      if (status === 'near_overdue' && r.deadline_status !== 'near_overdue')
        await send('case.near_overdue', `【预警】${r.case_number} 即将超期`, ['assigned_unit']);
      if (level > r.escalation_level && level > 0) {
        const rung = ESCALATION_LADDER[Math.min(level, 3) as 1 | 2 | 3];
        await send(
          `case.overdue_${rung.notice}`,
          `【${rung.notice === 'urge' ? '催办' : '督办'}】${r.case_number} 已超期${level > 1 ? `（第 ${level} 级）` : ''}`,
          rung.notify,
        );
        await deps.events?.emit(trx, 'case.overdue', {
          caseId: r.id,
          caseNumber: r.case_number,
          districtCode: r.district_code,
          areaPath: area,
          level,
          summary: state.description.slice(0, 60),
          at: now,
        });
        if (level === 1 && deps.enqueueEvent) {
          await deps.enqueueEvent(trx, {
            districtCode: r.district_code,
            type: 'case.overdue',
            at: now,
            payload: {
              caseId: r.id,
              caseNumber: r.case_number,
              deadline: state.deadline?.toISOString() ?? null,
              assignedUnitId: state.assignedUnitId,
            },
            text: `问题已超期：${r.case_number} — ${state.description.slice(0, 60)}`,
          });
        }
      }
    });
  }
  return { checked: rows.length, changed, notices };
}

export function caseDeadlineJob(deps: CasesDeps): Job {
  return { name: 'cases.deadlines', everyMs: 5 * 60_000, run: (now) => checkDeadlines(deps, now) };
}
