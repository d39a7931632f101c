import { ApiOutlined, IdcardOutlined } from '@ant-design/icons';
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
  {
    key: 'api-tokens',
    label: 'API 令牌',
    description: '外部系统调用接口的令牌及其有效期',
    path: 'api-tokens',
    icon: <ApiOutlined />,
    order: 31,
    // Only those who may issue tokens find the page in the menu; anyone may still open it to revoke theirs.
    roles: ['admin'],
    page: lazy(() => import('./pages/ApiTokensPage')),
  },
];
