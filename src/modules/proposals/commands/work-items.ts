import type { WorkItemSource } from '../../insights/index.js';
import { cachedWorkCalendar } from '../../platform/index.js';
import type { ProposalsDeps } from '../deps.js';
import { isHandler } from '../domain/proposal-policy.js';
import { isReplyOverdue } from '../domain/overdue.js';
import { proposalStore } from '../store/proposal.store.js';
import { proposalFilter } from './list-proposals.js';

/**
 * 待答复提案 on the 工作台, for the units that reply (proposal.handle, 区领导 aside: they hear progress):
 * the proposals at 已交办 whose main handler (主办) lies in the account's scope — the reply the policy
 * lets it give — read with the list's own filter (`toReply`), so the number is the list's. Overdue past
 * the reply deadline (the module's `isReplyOverdue`); due soon when the deadline, the last day allowed,
 * is today or the next working day.
 */
export function proposalWorkItems(deps: ProposalsDeps): WorkItemSource[] {
  return [
    {
      code: 'proposals.toReply',
      label: '待答复提案',
      group: '政协提案',
      permission: 'proposal.handle',
      async count(ex, actor, now) {
        if (!isHandler(actor)) return null;
        const cal = await cachedWorkCalendar(deps.database, ex, actor.districtCode, deps.config.timeZone);
        const today = cal.localDate(now);
        const soon = cal.nextWorkday(today);
        const deadlines = await proposalStore.replyDeadlines(
          ex,
          await proposalFilter(deps, actor, { toReply: true }, today),
        );
        const overdue = deadlines.filter((d) => isReplyOverdue({ status: 'assigned', replyDeadline: d }, today)).length;
        const dueSoon = deadlines.filter((d) => d !== null && d >= today && d <= soon).length;
        return { total: deadlines.length, overdue, dueSoon };
      },
      link: '/proposals?toReply=true',
      overdueLink: '/proposals?toReply=true&replyOverdue=true',
    },
  ];
}
