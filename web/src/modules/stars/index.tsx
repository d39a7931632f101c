import { SettingOutlined, StarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

registerNavGroup({ key: 'stars', label: '五星支部', icon: <StarOutlined />, order: 5.7 });

/** "五星"支部创建 (SPEC §9, issue 14). */
export const starsNav: NavItem[] = [
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
