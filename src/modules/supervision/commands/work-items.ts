import type { Actor } from '../../../kernel/auth/actor.js';
import type { WorkItemCount, WorkItemSource } from '../../insights/index.js';
import type { SupervisionDeps } from '../deps.js';
import { unitView, type OwedItem } from './get-unit-view.js';
import { calendarFor } from './refresh.js';

/**
 * What my unit owes on its tasks (本单位待办, the same items as GET /supervision/unit-view), split for
 * the 工作台: milestones, progress reports and task deadlines that are overdue (due before today) or
 * due soon (due today or on the next working day); and the 督办 / 催办 notices not yet answered,
 * overdue once past their reply deadline.
 */
async function owed(deps: SupervisionDeps, actor: Actor, now: Date) {
  const cal = await calendarFor(deps, deps.database.db, actor.districtCode);
  const soon = cal.nextWorkday(cal.localDate(now));
  const { items } = await unitView(deps, actor, now);
  const tasks: OwedItem[] = items.filter((i) => i.what !== 'notice');
  const dueSoon = tasks.filter((i) => !i.overdue && i.due <= soon).length;
  const overdue = tasks.filter((i) => i.overdue).length;
  const notices = items.filter((i) => i.what === 'notice');
  return {
    tasks: { total: overdue + dueSoon, overdue, dueSoon } satisfies WorkItemCount,
    notices: { total: notices.length, overdue: notices.filter((i) => i.overdue).length } satisfies WorkItemCount,
  };
}

/** Supervision's lines on the 工作台, for the units that carry tasks out (task.report). */
export function supervisionWorkItems(deps: SupervisionDeps): WorkItemSource[] {
  return [
    {
      code: 'supervision.due',
      label: '任务节点临期或超期',
      group: '督查督办',
      permission: 'task.report',
      count: async (_ex, actor, now) => (await owed(deps, actor, now)).tasks,
      link: '/supervision/todo?what=due',
    },
    {
      code: 'supervision.notices',
      label: '待答复督办',
      group: '督查督办',
      permission: 'task.report',
      count: async (_ex, actor, now) => (await owed(deps, actor, now)).notices,
      link: '/supervision/todo?what=notice',
    },
  ];
}
