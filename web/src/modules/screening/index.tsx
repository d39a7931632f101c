import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

/** 排查名单: list campaigns (返乡人员排查 …), their entries, the 24-hour 协查 queue, and the purge. */
export const screeningNav: NavItem[] = [
  {
    key: 'screening',
    label: '排查名单',
    description: '返乡人员等排查名单、上级下发的 24 小时协查、结束后清除个人信息',
    path: 'screening',
    icon: <SolutionOutlined />,
    order: 6.7,
    group: 'population',
    permission: 'screening.read',
    // The grid worker adds people on the phone; the offices and the community work the lists here.
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/ScreeningPage')),
  },
];
