import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

export const peopleNav: NavItem[] = [
  {
    key: 'people',
    label: '人员管理',
    description: '工作人员、网格员、志愿者名册',
    path: 'people',
    icon: <TeamOutlined />,
    order: 20,
    permission: 'person.read',
    // A roster for those who keep it or lead; a 网格员 works from the phone page.
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/PeoplePage')),
  },
];
