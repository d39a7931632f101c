import { createBrowserRouter, type RouteObject } from 'react-router';
import LoginPage from '../modules/auth/pages/LoginPage';
import ChangePasswordPage from '../modules/auth/pages/ChangePasswordPage';
import { mobileRoutes } from '../modules/mobile';
import { NotFound, RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layout/AppLayout';
import './modules';
import { allNavItems } from './nav';

function moduleRoutes(): RouteObject[] {
  return allNavItems().map((item) => {
    const Page = item.page;
    const element = (
      <RequirePermission item={item}>
        <Page />
      </RequirePermission>
    );
    return item.path === '' ? { index: true, element } : { path: `${item.path}/*`, element };
  });
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    ...mobileRoutes,
    {
      path: '/change-password',
      element: (
        <RequireAuth allowPasswordChange>
          <ChangePasswordPage />
        </RequireAuth>
      ),
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [...moduleRoutes(), { path: '*', element: <NotFound /> }],
    },
  ]);
}
