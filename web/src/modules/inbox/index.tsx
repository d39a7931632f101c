import { lazy } from 'react';
import type { NavItem } from '../../app/nav';
import { InboxNavIcon } from './components/InboxBell';

export { InboxBell } from './components/InboxBell';

/** 消息: every account's in-app inbox (派遣、催办、督办、超期 …); the menu icon shows the unread count. */
export const inboxNav: NavItem[] = [
  {
    key: 'inbox',
    label: '消息',
    description: '派遣、催办、督办、超期提醒',
    path: 'inbox',
    icon: <InboxNavIcon />,
    order: 6,
    page: lazy(() => import('./pages/InboxPage')),
  },
];
