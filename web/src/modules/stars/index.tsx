import {
  CalendarOutlined,
  EyeOutlined,
  FlagOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';
import type { RoleCode } from '../../../../src/contracts/org';

registerNavGroup({ key: 'stars', label: '五星支部', icon: <StarOutlined />, order: 5.7 });

const WORKING: RoleCode[] = ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'];

/** "五星"支部创建 (SPEC §9, issue 14). */
export const starsNav: NavItem[] = [
  {
    key: 'star-branches',
    label: '党支部作战图',
    description: '辖区党支部的争创目标、作战图措施（对账销号、逐条落实）和聚力团',
    path: 'stars/branches',
    icon: <FlagOutlined />,
    group: 'stars',
    order: 5.71,
    permission: 'star.read',
    roles: WORKING,
    page: lazy(() => import('./pages/BranchesRoutes')),
  },
  {
    key: 'star-teams',
    label: '聚力团',
    description: '“党支部+党员+网格员+聚力团成员”：成员、覆盖网格和承担的作战图措施',
    path: 'stars/teams',
    icon: <TeamOutlined />,
    group: 'stars',
    order: 5.72,
    permission: 'star.read',
    roles: WORKING,
    page: lazy(() => import('./pages/TeamsPage')),
  },
  {
    key: 'star-weekly',
    label: '每周推进',
    description: '党支部每周推进：街道看各支部各周按时、逾期、未报，导出 Excel；社区填报本支部周报和佐证材料',
    path: 'stars/weekly',
    icon: <CalendarOutlined />,
    group: 'stars',
    order: 5.73,
    permission: 'star.read',
    roles: WORKING,
    page: lazy(() => import('./pages/WeeklyPage')),
  },
  {
    key: 'star-observations',
    label: '每月观摩',
    description: '街道组织的支部观摩：观摩的支部、评分人员、每人对每个支部的评分与评语、各支部平均分',
    path: 'stars/observations',
    icon: <EyeOutlined />,
    group: 'stars',
    order: 5.74,
    permission: 'star.read',
    roles: WORKING,
    page: lazy(() => import('./pages/ObservationsPage')),
  },
  {
    key: 'star-sets',
    label: '星级标准',
    description: '行政村、城市社区“五星”支部的星级、指标、达标分和佐证要求，按季度生效的各个版本',
    path: 'stars/sets',
    icon: <SettingOutlined />,
    group: 'stars',
    order: 5.79,
    permission: 'star.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff'],
    page: lazy(() => import('./pages/StarSetsPage')),
  },
];
