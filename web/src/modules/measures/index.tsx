import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

/** 居家措施: home quarantine and health monitoring with their four owners (四包一) and daily follow-ups. */
export const measuresNav: NavItem[] = [
  {
    key: 'measures',
    label: '居家措施',
    description: '居家隔离、居家健康监测：四包一责任人、每日随访与随访完成率',
    path: 'measures',
    icon: <HomeOutlined />,
    order: 5.4,
    permission: 'measure.read',
    // The 民警 and the 医生 follow their people up on the phone (今日随访); the offices keep the list here.
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/MeasuresRoutes')),
  },
];
