import { createBrowserRouter, type RouteObject } from 'react-router';
import LoginPage from '../modules/auth/pages/LoginPage';
import ChangePasswordPage from '../modules/auth/pages/ChangePasswordPage';
import { mobileRoutes } from '../modules/mobile';
import { NotFound, RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layout/AppLayout';
import './modules';
import { allNavItems } from './nav';

function moduleRoutes(): RouteObject[] {
  return allNavItems()
    .filter((item) => !item.fullScreen)
    .map((item) => {
      const Page = item.page;
      const element = (
        <RequirePermission item={item}>
          <Page />
        </RequirePermission>
      );
      return item.path === '' ? { index: true, element } : { path: `${item.path}/*`, element };
    });
}

/** Pages that fill the screen (the wall display): signed in and permitted, outside the console's layout. */
function fullScreenRoutes(): RouteObject[] {
  return allNavItems()
    .filter((item) => item.fullScreen)
    .map((item) => {
      const Page = item.page;
      return {
        path: `/${item.path}/*`,
        element: (
          <RequireAuth>
            <RequirePermission item={item}>
              <Page />
            </RequirePermission>
          </RequireAuth>
        ),
      };
    });
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    ...mobileRoutes,
    ...fullScreenRoutes(),
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
