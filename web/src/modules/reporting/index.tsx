import { FormOutlined, PieChartOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

/** 日报告: filling in report forms (incl. zero reports) and completeness / timeliness (应报、实报、按时报). */
registerNavGroup({ key: 'reporting', label: '日报告', icon: <ScheduleOutlined />, order: 7 });

export const reportingNav: NavItem[] = [
  {
    key: 'reporting-fill',
    label: '报表填报',
    description: '填报日报、零报告，更正已报数据',
    path: 'reporting',
    icon: <FormOutlined />,
    order: 7,
    permission: 'report.read',
    group: 'reporting',
    page: lazy(() => import('./pages/FillPage')),
  },
  {
    key: 'reporting-completeness',
    label: '完成情况',
    description: '应报、实报、按时报，上报率与及时率，缺报名单',
    path: 'reporting/completeness',
    icon: <PieChartOutlined />,
    order: 8,
    permission: 'report.read',
    group: 'reporting',
    page: lazy(() => import('./pages/CompletenessPage')),
  },
];
