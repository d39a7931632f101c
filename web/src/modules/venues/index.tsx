import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

/** 场所管理: venues on the grid, their inspections and closure orders (停业整顿). */
export const venuesNav: NavItem[] = [
  {
    key: 'venues',
    label: '场所管理',
    description: '场所登记、扫码测温等检查、停业整顿与复查解除',
    path: 'venues',
    icon: <ShopOutlined />,
    order: 5.5,
    permission: 'venue.read',
    // The grid worker checks venues on the phone (场所检查); the office roles keep them here.
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/VenuesRoutes')),
  },
];
