import { AimOutlined, BarChartOutlined, SafetyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

// 巡查值守: patrols, coverage, the duty roster, who answers for each unit, farmland — the daily rhythm.
registerNavGroup({ key: 'patrols', label: '巡查值守', icon: <SafetyOutlined />, order: 5.5 });

// The offices and the community read patrols here; the grid worker records them on the phone (开始巡查).
const ROLES = ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'] as const;

/** 巡查: patrol logs with their tracks and cases, a day's tracks on the map, coverage per grid and person. */
export const patrolsNav: NavItem[] = [
  {
    key: 'patrols',
    group: 'patrols',
    label: '巡查记录',
    description: '网格巡查、耕地巡查的记录：轨迹、同行人员、发现的问题，当日轨迹地图',
    path: 'patrols',
    icon: <AimOutlined />,
    order: 5.5,
    permission: 'patrol.read',
    roles: ROLES,
    page: lazy(() => import('./pages/PatrolsRoutes')),
  },
  {
    key: 'patrol-coverage',
    group: 'patrols',
    label: '巡查覆盖',
    description: '各网格巡查覆盖率（巡查天数 ÷ 期间天数）、期间未巡查的网格、各网格最近巡查日、人员巡查情况',
    path: 'patrol-coverage',
    icon: <BarChartOutlined />,
    order: 5.6,
    permission: 'patrol.read',
    roles: ROLES,
    page: lazy(() => import('./pages/CoveragePage')),
  },
];
