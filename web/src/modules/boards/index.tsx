import { NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

/** 宣传阵地: the register of publicity boards (宣传栏 / 公益广告 / 墙绘). */
export const boardsNav: NavItem[] = [
  {
    key: 'boards',
    group: 'campaigns',
    label: '宣传阵地',
    description: '宣传栏、公益广告、墙绘的位置、照片与完好状态，更换记录',
    path: 'boards',
    icon: <NotificationOutlined />,
    order: 5.65,
    permission: 'board.read',
    roles: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/BoardsRoutes')),
  },
];
