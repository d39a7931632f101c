import { AuditOutlined, BankOutlined, BarChartOutlined, FileTextOutlined, TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { registerNavGroup, type NavItem } from '../../app/nav';

/** 政协提案: proposals from registration to reply and implementation, yearly statistics, democratic supervision. */
registerNavGroup({ key: 'proposals', label: '政协提案', icon: <BankOutlined />, order: 9 });

export const proposalsNav: NavItem[] = [
  {
    key: 'proposals',
    label: '提案列表',
    description: '提案登记、交办、答复、落实与评价',
    path: 'proposals',
    icon: <FileTextOutlined />,
    order: 9,
    permission: 'proposal.read',
    group: 'proposals',
    page: lazy(() => import('./pages/ProposalsRoutes')),
  },
  {
    key: 'proposals-stats',
    label: '年度统计',
    description: '按时答复率、落实率、满意率',
    path: 'proposals/stats',
    icon: <BarChartOutlined />,
    order: 10,
    permission: 'proposal.read',
    group: 'proposals',
    page: lazy(() => import('./pages/ProposalStatsPage')),
  },
  {
    key: 'proposals-supervision',
    label: '民主监督',
    description: '民主监督员选派、走访、意见跟踪',
    path: 'proposals/supervision',
    icon: <AuditOutlined />,
    order: 11,
    permission: 'proposal.read',
    group: 'proposals',
    page: lazy(() => import('./pages/SupervisionPage')),
  },
  {
    key: 'proposals-categories',
    label: '提案类别',
    description: '登记提案时可选的类别（提案委维护）',
    path: 'proposals/categories',
    icon: <TagsOutlined />,
    order: 12,
    permission: 'proposal.register',
    group: 'proposals',
    page: lazy(() => import('./pages/ProposalCategoriesPage')),
  },
];
