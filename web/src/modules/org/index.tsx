import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

export const orgNav: NavItem[] = [
  {
    key: 'org',
    label: '组织机构',
    description: '单位树、网格边界与点位定位',
    path: 'org',
    icon: <ApartmentOutlined />,
    order: 10,
    permission: 'unit.read',
    page: lazy(() => import('./pages/OrgPage')),
  },
];
