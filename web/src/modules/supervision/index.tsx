import {
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  ImportOutlined,
  OrderedListOutlined,
  ProjectOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { allRolesBut, registerNavGroup, type NavItem } from '../../app/nav';

/** 督查督办 (SPEC §7): tasks from meetings and work plans, 督办, the leader's and unit's views, assessment. */
registerNavGroup({ key: 'supervision', label: '督查督办', icon: <AuditOutlined />, order: 9 });

export const supervisionNav: NavItem[] = [
  {
    key: 'supervision-tasks',
    label: '任务看板',
    description: '任务状态、进度、时间节点，树形查看任务分解',
    path: 'supervision/tasks',
    icon: <ProjectOutlined />,
    order: 9,
    permission: 'task.read',
    group: 'supervision',
    page: lazy(() => import('./pages/TaskRoutes')),
  },
  {
    key: 'supervision-leader',
    label: '领导视图',
    description: '我牵头的任务：滞后、逾期优先，待答复的督办',
    path: 'supervision/leader',
    icon: <DashboardOutlined />,
    order: 9.1,
    permission: 'task.read',
    // 我牵头的任务: only 区领导 lead tasks (createTask refuses any other leader).
    roles: ['admin', 'district_leader'],
    group: 'supervision',
    page: lazy(() => import('./pages/LeaderViewPage')),
  },
  {
    key: 'supervision-todo',
    label: '本单位待办',
    description: '本单位应完成的节点、进度报告、督办答复，按到期排序',
    path: 'supervision/todo',
    icon: <OrderedListOutlined />,
    order: 9.2,
    permission: 'task.read',
    // Units that carry tasks out (task.report); a 区领导 leads them from 领导视图.
    roles: ['admin', 'supervision_office', 'subdistrict_staff', 'community_worker', 'unit_handler'],
    group: 'supervision',
    page: lazy(() => import('./pages/UnitViewPage')),
  },
  {
    key: 'supervision-meetings',
    label: '会议',
    description: '会议议定事项、评审意见及转办任务',
    path: 'supervision/meetings',
    icon: <TeamOutlined />,
    order: 9.3,
    permission: 'task.read',
    group: 'supervision',
    page: lazy(() => import('./pages/MeetingRoutes')),
  },
  {
    key: 'supervision-topics',
    label: '协商计划',
    description: '年度协商计划议题、协商会议与形成的任务',
    path: 'supervision/topics',
    icon: <CalendarOutlined />,
    order: 9.4,
    permission: ['task.read', 'proposal.register'],
    group: 'supervision',
    page: lazy(() => import('./pages/TopicsPage')),
  },
  {
    key: 'supervision-assessment',
    label: '考核排名',
    description: '按季度考核各单位：节点按期率、报送率、逾期、质量评价',
    path: 'supervision/assessment',
    icon: <TrophyOutlined />,
    order: 9.5,
    permission: 'task.read',
    // Ranks units: for those who assess and those assessed, not for a 民主监督员.
    roles: allRolesBut('democratic_supervisor'),
    group: 'supervision',
    page: lazy(() => import('./pages/AssessmentPage')),
  },
  {
    key: 'supervision-import',
    label: '工作要点导入',
    description: '从 Excel 工作要点分解表批量生成任务',
    path: 'supervision/import',
    icon: <ImportOutlined />,
    order: 9.6,
    permission: 'task.manage',
    group: 'supervision',
    page: lazy(() => import('./pages/ImportPage')),
  },
];
