import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { NavItem } from '../../app/nav';

export const auditNav: NavItem[] = [
  {
    key: 'audit',
    label: '审计日志',
    description: '关键操作留痕查询',
    path: 'audit',
    icon: <FileSearchOutlined />,
    order: 90,
    permission: 'audit.read',
    page: lazy(() => import('./pages/AuditPage')),
  },
];
