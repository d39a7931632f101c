import { MobileOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const MobileApp = lazy(() => import('./pages/MobileApp'));

/**
 * The grid worker's phone page at /m (上报问题 / 我的网格 / 待核查, works offline). It has its own
 * frame, so it is a top-level route of its own rather than a page inside the console's layout.
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
];
