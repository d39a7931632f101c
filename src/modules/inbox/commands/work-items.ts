import type { WorkItemSource } from '../../insights/index.js';
import { inboxStore } from '../store/inbox.store.js';

/** 未读消息 on the 工作台: the account's in-app messages not yet read (every account has an inbox). */
export function inboxWorkItems(): WorkItemSource[] {
  return [
    {
      code: 'inbox.unread',
      label: '未读消息',
      group: '消息',
      // Every role holds unit.read: the inbox is every account's.
      permission: 'unit.read',
      count: async (ex, actor) => ({ total: await inboxStore.countUnread(ex, actor.accountId) }),
      link: '/inbox?unread=true',
    },
  ];
}
