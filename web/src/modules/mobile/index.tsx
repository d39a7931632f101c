import { MedicineBoxOutlined, MobileOutlined, ToolOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const MobileApp = lazy(() => import('./pages/MobileApp'));

/**
 * The phone pages at /m, offline-capable: the grid worker's (上报问题 / 我的网格 / 待核查) and the
 * handling crew's 处置通 at /m/crew (待处置 / 已反馈: 签收, 处置反馈, 延期, 退回). They have their own
 * frame, so they are a top-level route of their own rather than pages inside the console's layout.
 */
export const mobileRoutes: RouteObject[] = [
  {
    path: '/m/*',
    element: (
      <RequireAuth>
        <Suspense
          fallback={
            <div className="cg-center-page">
              <Spin size="large" />
            </div>
          }
        >
          <MobileApp />
        </Suspense>
      </RequireAuth>
    ),
  },
];

/** A console menu entry that opens the phone page (also a 工作台 card for grid workers). */
export const mobileNav: NavItem[] = [
  {
    key: 'mobile',
    label: '手机巡查',
    description: '网格员手机端：拍照上报、我的网格、核查，离线可用',
    path: 'mobile',
    icon: <MobileOutlined />,
    order: 6,
    permission: 'case.report',
    page: () => <Navigate to="/m" replace />,
  },
  {
    key: 'followups',
    label: '今日随访',
    description: '四包一责任人手机端：今天要随访的人，一键记录正常、异常、未见到，离线可用',
    path: 'followups',
    icon: <MedicineBoxOutlined />,
    order: 6.5,
    permission: 'followup.record',
    // The 民警 and the 医生 (the 街道 and the 社区 owners record from the measure's page too).
    roles: ['police_officer', 'doctor', 'subdistrict_staff', 'community_worker'],
    page: () => <Navigate to="/m/followups" replace />,
  },
  {
    key: 'crew',
    label: '处置通',
    description: '责任单位手机端：签收、处置反馈（带照片）、申请延期、退回，离线可用',
    path: 'crew',
    icon: <ToolOutlined />,
    order: 7,
    // Any account may be dispatched a case (a department, a 街道, a 社区); the menu by role narrows it.
    permission: 'case.read',
    // Those a case is dispatched to (a department's crew, a 街道, a 社区).
    roles: ['admin', 'unit_handler', 'subdistrict_staff', 'community_worker'],
    page: () => <Navigate to="/m/crew" replace />,
  },
];
