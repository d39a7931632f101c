import { CalendarOutlined, PartitionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

/** 包联责任 and 值班排班 (issue 13 items 1–2): who answers for each unit, and each community's daily duty. */
export const dutyNav: NavItem[] = [
  {
    key: 'duty-responsibilities',
    group: 'patrols',
    label: '包联责任',
    description: '分包、包联、下沉，网格长与网格指导员，按单位和类型查看',
    path: 'duty/responsibilities',
    icon: <PartitionOutlined />,
    order: 5.66,
    permission: 'duty.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/ResponsibilitiesPage')),
  },
  {
    key: 'duty-roster',
    group: 'patrols',
    label: '值班排班',
    description: '社区每日带班干部、志愿者和负责网格，缺岗提醒，复制上周，导出',
    path: 'duty/roster',
    icon: <CalendarOutlined />,
    order: 5.65,
    permission: 'duty.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/RosterPage')),
  },
];
