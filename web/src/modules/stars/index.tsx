import {
  AuditOutlined,
  CalendarOutlined,
  EyeOutlined,
  OrderedListOutlined,
  SettingOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

registerNavGroup({ key: 'stars', label: '五星支部', icon: <StarOutlined />, order: 5.7 });

/** "五星"支部创建 (SPEC §9, issue 14). */
export const starsNav: NavItem[] = [
  {
    key: 'star-weekly',
    label: '每周推进',
    description: '党支部每周推进：街道看各支部各周按时、逾期、未报，导出 Excel；社区填报本支部周报和佐证材料',
    path: 'stars/weekly',
    icon: <CalendarOutlined />,
    group: 'stars',
    order: 5.71,
    permission: 'star.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/WeeklyPage')),
  },
  {
    key: 'star-observations',
    label: '每月观摩',
    description: '街道组织的支部观摩：观摩的支部、评分人员、每人对每个支部的评分与评语、各支部平均分',
    path: 'stars/observations',
    icon: <EyeOutlined />,
    group: 'stars',
    order: 5.72,
    permission: 'star.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/ObservationsPage')),
  },
  {
    key: 'star-rating',
    label: '季度评比',
    description: '每季一评比：支部自评、街道打分提名、区级确认或退回，授星摘星留痕，期限按工作日提醒',
    path: 'stars/rating',
    icon: <AuditOutlined />,
    group: 'stars',
    order: 5.74,
    permission: 'star.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/RatingWorkbenchPage')),
  },
  {
    key: 'star-ranking',
    label: '评比排名',
    description: '按街道、全区的季度排名：现有星数、总分、较上季升降，未评单列，可导出 Excel，每个数字可追溯到评比明细',
    path: 'stars/ranking',
    icon: <OrderedListOutlined />,
    group: 'stars',
    order: 5.75,
    permission: 'star.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/RankingPage')),
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
