import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

export const homeNav: NavItem[] = [
  {
    key: 'home',
    label: '首页/工作台',
    path: '',
    icon: <DashboardOutlined />,
    order: 0,
    page: lazy(() => import('./pages/HomePage')),
  },
];
