import { FlagOutlined, SettingOutlined, StarOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

registerNavGroup({ key: 'stars', label: '五星支部', icon: <StarOutlined />, order: 5.7 });

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
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
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
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/TeamsPage')),
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
