import { IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

export const accountsNav: NavItem[] = [
  {
    key: 'accounts',
    label: '账号管理',
    description: '登录账号、角色与数据权限',
    path: 'accounts',
    icon: <IdcardOutlined />,
    order: 30,
    permission: 'account.read',
    page: lazy(() => import('./pages/AccountsPage')),
  },
];
