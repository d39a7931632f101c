import { AuditOutlined, BarChartOutlined, FileSearchOutlined, FormOutlined, TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { allRolesBut, type NavItem } from '../../app/nav';

/** 问题台账: the ledger and a case's page, reporting, 对账销号, KPIs and the category settings. */
export const casesNav: NavItem[] = [
  {
    key: 'cases',
    label: '问题台账',
    description: '案卷查询、办理、导出 Excel',
    path: 'cases',
    icon: <FileSearchOutlined />,
    order: 2,
    permission: 'case.read',
    // 民主监督员 hold case.read for the files of the proposals they follow, not to keep the ledger.
    roles: allRolesBut('democratic_supervisor'),
    page: lazy(() => import('./pages/CasesRoutes')),
  },
  {
    key: 'case-report',
    label: '上报问题',
    description: '发现上报、立行整改，地图标注位置',
    path: 'cases/report',
    icon: <FormOutlined />,
    order: 3,
    permission: 'case.report',
    page: lazy(() => import('./pages/ReportPage')),
  },
  {
    key: 'case-reconcile',
    label: '对账销号',
    description: '逐件核对已结案问题并销号',
    path: 'cases/reconcile',
    icon: <AuditOutlined />,
    order: 4,
    permission: 'case.read',
    // The keepers who check closed cases off (reconcileCase refuses anyone else).
    roles: ['admin', 'supervision_office', 'subdistrict_staff', 'community_worker'],
    page: lazy(() => import('./pages/ReconcilePage')),
  },
  {
    key: 'case-kpis',
    label: '统计分析',
    description: '结案率、按期结案率、返工率等指标',
    path: 'cases/kpis',
    icon: <BarChartOutlined />,
    order: 5,
    permission: 'case.read',
    roles: allRolesBut('democratic_supervisor', 'volunteer'),
    page: lazy(() => import('./pages/KpisPage')),
  },
  {
    key: 'case-categories',
    label: '问题类别',
    description: '类别的处置时限、默认责任单位',
    path: 'cases/categories',
    icon: <TagsOutlined />,
    order: 85,
    permission: 'category.write',
    page: lazy(() => import('./pages/CategoriesPage')),
  },
];
