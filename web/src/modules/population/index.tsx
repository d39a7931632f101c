import { HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

/** 人口与房屋 (SPEC §6, GB/T 34300's 人 and 地): households and residents per grid, door-knocking rounds. */
registerNavGroup({ key: 'population', label: '人口与房屋', icon: <TeamOutlined />, order: 6.5 });

// Those who keep the people of the grid or read them; the grid worker does it on the phone (敲门).
const ROLES = ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'] as const;

export const populationNav: NavItem[] = [
  {
    key: 'population',
    label: '居民与房屋',
    description: '按网格查看户、居民和楼栋，登记、搬迁、合并审核，Excel 导入',
    path: 'population',
    icon: <TeamOutlined />,
    order: 6.5,
    permission: 'resident.read',
    roles: ROLES,
    group: 'population',
    page: lazy(() => import('./pages/PopulationPage')),
  },
  {
    key: 'door-knocking',
    label: '敲门行动',
    description: '发起入户走访，按街道、社区、网格查看走访率和未走访的户',
    path: 'door-knocking',
    icon: <HomeOutlined />,
    order: 6.6,
    permission: 'resident.read',
    roles: ROLES,
    group: 'population',
    page: lazy(() => import('./pages/RoundsRoutes')),
  },
];
