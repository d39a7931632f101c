import { EnvironmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

/** 耕地保护: farmland parcels per village, the farmland cases and their district approvals. */
export const farmlandNav: NavItem[] = [
  {
    key: 'farmland',
    group: 'patrols',
    label: '耕地保护',
    description: '各村耕地与永久基本农田图斑、违法占用耕地案卷与区级审批',
    path: 'farmland',
    icon: <EnvironmentOutlined />,
    order: 5.7,
    permission: 'farmland.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/FarmlandPage')),
  },
];
