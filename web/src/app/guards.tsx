import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { canSee, type NavItem } from './nav';

/** Signed-in accounts only; an account with a temporary password goes to 修改密码 first. */
export function RequireAuth({ children, allowPasswordChange }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) {
    return (
      <div className="cg-center-page">
        <Spin size="large" />
      </div>
    );
  }
  if (me === null) {
    const redirect = location.pathname + location.search;
    return <Navigate to={redirect === '/' ? '/login' : `/login?redirect=${encodeURIComponent(redirect)}`} replace />;
  }
  if (me.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

export function RequirePermission({ item, children }: { item: Pick<NavItem, 'permission'>; children: ReactNode }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  if (!me || !canSee(item, me.permissions)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="当前账号没有访问此页面的权限，如需开通请联系系统管理员。"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回首页
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
