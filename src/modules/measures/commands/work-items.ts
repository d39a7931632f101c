import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { FollowUpStatus } from '../../../contracts/measures.js';
import type { WorkItemSource } from '../../insights/index.js';
import { dueToMiss } from '../domain/measure-rules.js';
import { measureStore } from '../store/measure.store.js';

/**
 * 今日待随访 on the 工作台, for the four owners of a measure (followup.record): the follow-ups of the
 * open measures the account owns that nobody has recorded yet — today's (due by tonight, so due soon)
 * and, until the day-end job marks them missed, the days before (overdue, the job's own `dueToMiss`).
 * The phone page 今日随访 (GET /follow-ups) lists today's of the same measures.
 */
export function measureWorkItems(): WorkItemSource[] {
  return [
    {
      code: 'measures.followUpsDue',
      label: '今日待随访',
      group: '居家措施',
      permission: 'followup.record',
      async count(ex, actor, now) {
        const today = localDateOf(now);
        const rows = (await measureStore.pendingFor(ex, actor.accountId, actor.districtCode, today)).map((r) => ({
          day: r.day,
          status: r.status as FollowUpStatus,
        }));
        const overdue = dueToMiss(rows, today).length;
        return { total: rows.length, overdue, dueSoon: rows.length - overdue };
      },
      link: '/m/followups',
    },
  ];
}
