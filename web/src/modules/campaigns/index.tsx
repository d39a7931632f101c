import { AimOutlined, BarChartOutlined, FlagOutlined, FundOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';
import type { RoleCode } from '../../../../src/contracts/org';

registerNavGroup({ key: 'campaigns', label: '整治与成效', icon: <ThunderboltOutlined />, order: 5.6 });

// The offices and the 街道 / 社区 read and keep these; the grid worker enters from the phone (录入工作量).
const OFFICES: RoleCode[] = ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'];

/** 集中整治, 工作量指标, 目标 and 工作成效 (SPEC §4, issue 13 items 4–6). */
export const campaignsNav: NavItem[] = [
  {
    key: 'campaigns',
    label: '集中整治',
    description: '集中整治、专项行动：参与与包联单位、志愿者、关联问题与工作量',
    path: 'campaigns',
    icon: <FlagOutlined />,
    group: 'campaigns',
    order: 5.61,
    permission: 'campaign.read',
    // A 包联 unit (电信、联通 …) sees the campaigns it joins.
    roles: [...OFFICES, 'unit_handler'],
    page: lazy(() => import('./pages/CampaignsRoutes')),
  },
  {
    key: 'indicators',
    label: '工作量指标',
    description: '工作量指标的定义、录入明细和按单位、月份的汇总',
    path: 'indicators',
    icon: <BarChartOutlined />,
    group: 'campaigns',
    order: 5.62,
    permission: 'indicator.read',
    roles: OFFICES,
    page: lazy(() => import('./pages/IndicatorsPage')),
  },
  {
    key: 'indicator-targets',
    label: '指标目标',
    description: '各单位各期间的目标与进度（已完成、进度正常、进度滞后）',
    path: 'indicator-targets',
    icon: <AimOutlined />,
    group: 'campaigns',
    order: 5.63,
    permission: 'indicator.read',
    roles: OFFICES,
    page: lazy(() => import('./pages/TargetsPage')),
  },
  {
    key: 'achievements',
    label: '工作成效',
    description: '按单位和期间生成工作成效表述，每个数字可追溯到原始记录',
    path: 'achievements',
    icon: <FundOutlined />,
    group: 'campaigns',
    order: 5.64,
    permission: 'indicator.read',
    roles: OFFICES,
    page: lazy(() => import('./pages/AchievementsPage')),
  },
];
