import {
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FundOutlined,
  OrderedListOutlined,
} from '@ant-design/icons';
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
    key: 'insight-dashboard',
    group: 'insights',
    label: '综合看板',
    description: '辖区各项指标：问题台账、日报告、督查督办、政协提案等，趋势、下级单位排名与问题大类分析',
    path: 'insights/dashboard',
    icon: <DashboardOutlined />,
    order: 0.51,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    page: lazy(() => import('./pages/DashboardPage')),
  },
  {
    key: 'insight-map',
    group: 'insights',
    label: '态势地图',
    description: '各街道、社区、网格按指标着色，在办问题点位',
    path: 'insights/map',
    icon: <EnvironmentOutlined />,
    order: 0.52,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    page: lazy(() => import('./pages/MapPage')),
  },
  {
    key: 'insight-rankings',
    group: 'insights',
    label: '排名通报',
    description: '街道、社区按指标排名，名次变化，打印、导出 Excel',
    path: 'insights/rankings',
    icon: <OrderedListOutlined />,
    order: 0.53,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    page: lazy(() => import('./pages/RankingsRoutes')),
  },
  {
    key: 'insight-briefings',
    group: 'insights',
    label: '工作简报',
    description: '按模板从数据生成工作简报，数字可溯源，可修改、签发、导出Word和打印',
    path: 'insights/briefings',
    icon: <FileTextOutlined />,
    order: 0.54,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    page: lazy(() => import('./pages/BriefingsPage')),
  },
  {
    key: 'insight-wall',
    group: 'insights',
    label: '指挥大屏',
    description: '全屏深色大屏：地图、今日流量与街道排名，自动刷新',
    path: 'wall',
    icon: <DesktopOutlined />,
    order: 0.55,
    permission: 'insight.read',
    roles: INSIGHT_ROLES,
    // Outside the console's layout: the command centre's screen, 1920×1080.
    fullScreen: true,
    page: lazy(() => import('./pages/WallPage')),
  },
];
