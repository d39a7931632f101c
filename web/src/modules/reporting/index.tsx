import { AuditOutlined, BarChartOutlined, FormOutlined, PieChartOutlined, ScheduleOutlined } from '@ant-design/icons';
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
    // Those who file reports (report.submit); readers have 完成情况 and 数据汇总.
    roles: ['admin', 'subdistrict_staff', 'community_worker', 'grid_worker'],
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
  {
    key: 'reporting-rollup',
    label: '数据汇总',
    description: '按街道、社区汇总数值指标，趋势图，导出 Excel',
    path: 'reporting/rollup',
    icon: <BarChartOutlined />,
    order: 9,
    permission: 'report.read',
    group: 'reporting',
    page: lazy(() => import('./pages/RollupPage')),
  },
  {
    key: 'reporting-queries',
    label: '数据核查',
    description: '24 小时数据核查：上级发起核查，报送单位答复',
    path: 'reporting/queries',
    icon: <AuditOutlined />,
    order: 10,
    permission: 'report.read',
    group: 'reporting',
    page: lazy(() => import('./pages/QueriesPage')),
  },
];
