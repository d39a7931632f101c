import { FundOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

// 数据驾驶舱 (SPEC §10, issue 15): what leaders read first — the dashboard of a scope, the map coloured
// by a measure, rankings (排名通报), briefings (工作简报) and the wall display (大屏). The 工作台 itself is
// the home page (modules/home). Every figure comes from the measures the server's modules offer.
registerNavGroup({ key: 'insights', label: '数据驾驶舱', icon: <FundOutlined />, order: 0.5 });

/** Who reads the dashboards: the offices and the cadres of an area (insight.read). */
export const INSIGHT_ROLES = [
  'admin',
  'district_leader',
  'supervision_office',
  'subdistrict_staff',
  'community_worker',
] as const;

export const insightsNav: NavItem[] = [
  {
    key: 'insight-map',
    label: '态势地图',
    description: '各街道、社区、网格按指标着色，在办问题点位',
    group: 'insights',
    path: 'insights/map',
    order: 3,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    page: lazy(() => import('./pages/MapPage')),
  },
  {
    key: 'insight-wall',
    label: '指挥大屏',
    description: '全屏深色大屏：地图、今日流量与街道排名，自动刷新',
    group: 'insights',
    path: 'wall',
    order: 6,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    fullScreen: true,
    page: lazy(() => import('./pages/WallPage')),
  },
];
