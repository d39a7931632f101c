import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

export const calendarNav: NavItem[] = [
  {
    key: 'calendar',
    label: '工作日历',
    description: '法定节假日与调休安排',
    path: 'calendar',
    icon: <CalendarOutlined />,
    order: 40,
    page: lazy(() => import('./pages/CalendarPage')),
  },
];
