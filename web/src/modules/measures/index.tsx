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
    // The offices keep the list here; the 民警 and the 医生 see the measures they own (and follow up on
    // the phone, 今日随访).
    roles: [
      'admin',
      'district_leader',
      'supervision_office',
      'subdistrict_staff',
      'community_worker',
      'police_officer',
      'doctor',
    ],
    page: lazy(() => import('./pages/MeasuresRoutes')),
  },
];
