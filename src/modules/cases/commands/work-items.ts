import type { Actor } from '../../../kernel/auth/actor.js';
import { dueSoonUntil } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { WorkItemCount, WorkItemSource } from '../../insights/index.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { mayEverMove, stateFromJson, WAITING_STATUSES, waitingDue, waitsFor } from '../domain/index.js';
import { waitingCandidates } from '../store/case-waiting.store.js';
import { calendarFor, toCaseActor } from './case-context.js';

/** Which of the cases waiting for me: all, those past their deadline, those due by the end of the next working day. */
export type WaitingFilter = 'me' | 'overdue' | 'due_soon';

export interface WaitingCase {
  id: string;
  due: 'overdue' | 'due_soon' | null;
}

/**
 * The cases waiting for the actor's step now: open cases in scope (by grid, assigned unit, or out of
 * every grid) selected in SQL, then kept when the policy lets the actor's roles and scope move them on
 * (waitsFor: triage, dispatch, handling, an extension decision, verification).
 */
export async function casesWaitingFor(deps: CasesDeps, ex: Executor, actor: Actor, now: Date): Promise<WaitingCase[]> {
  const cal = await calendarFor(deps, ex, actor.districtCode);
  const soon = dueSoonUntil(cal, now);
  const who = toCaseActor(actor);
  const out: WaitingCase[] = [];
  for (const c of await waitingCandidates(ex, actor.districtCode, actor.scopePath, WAITING_STATUSES)) {
    const state = stateFromJson(c.state);
    if (waitsFor(who, state)) out.push({ id: c.id, due: waitingDue(state, now, soon) });
  }
  return out;
}

/** The ids the ledger's `waiting` filter lists: exactly the cases counted on the 工作台. */
export async function waitingCaseIds(deps: CasesDeps, actor: Actor, which: WaitingFilter): Promise<string[]> {
  const all = await casesWaitingFor(deps, deps.database.db, actor, deps.clock.now());
  return all.filter((c) => which === 'me' || c.due === which).map((c) => c.id);
}

/** The ledger's line on the 工作台: cases waiting for my step, of them overdue and due soon. */
export function caseWorkItems(deps: CasesDeps): WorkItemSource[] {
  return [
    {
      code: 'cases.waiting',
      label: '待我处理的问题',
      group: '问题台账',
      permission: 'case.read',
      async count(ex, actor, now): Promise<WorkItemCount | null> {
        if (!mayEverMove(actor.roles)) return null;
        const all = await casesWaitingFor(deps, ex, actor, now);
        return {
          total: all.length,
          overdue: all.filter((c) => c.due === 'overdue').length,
          dueSoon: all.filter((c) => c.due === 'due_soon').length,
        };
      },
      link: '/cases?waiting=me',
      overdueLink: '/cases?waiting=overdue',
    },
    {
      // For those who urge on (督办) rather than handle: the leader and the 督查室 watch what is late.
      code: 'cases.overdueInScope',
      label: '辖区超期问题',
      group: '问题台账',
      permission: 'task.notice',
      async count(ex, actor): Promise<WorkItemCount> {
        const district = await deps.org.unitByCode(ex, actor.districtCode);
        const total = await caseStore.countByDeadline(ex, {
          scopePath: actor.scopePath,
          districtPath: district?.path,
          districtCode: actor.districtCode,
          deadlineStatus: ['overdue'],
        });
        return { total, overdue: total };
      },
      link: '/cases?deadlineStatus=overdue',
      overdueLink: '/cases?deadlineStatus=overdue',
    },
  ];
}
