import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { landingPath } from '../../../app/landing';
import { usePublicSettings } from '../../../app/settings';
import { ApiError, errorText } from '../../../lib/api';
import { authApi } from '../api';
import { ErrorAlert } from '../../../components/ErrorAlert';

export default function LoginPage() {
  const { me, setMe } = useAuth();
  const settings = usePublicSettings();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const redirect = safeRedirect(params.get('redirect'));

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : landingPath(me, redirect)} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { account } = await authApi.login(v.username.trim(), v.password);
      setMe(account);
      navigate(account.mustChangePassword ? '/change-password' : landingPath(account, redirect), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError('用户名或密码错误');
      else if (e instanceof ApiError && e.status === 429) setError('登录尝试过于频繁，请稍后再试');
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cg-login" data-testid="login-page">
      <div className="cg-login-brand">
        <div className="cg-login-emblem">网</div>
        <Typography.Title level={1} className="cg-login-title">
          {settings.districtName}网格治理平台
        </Typography.Title>
        <div className="cg-login-sub">网格化基层治理 · 问题台账 · 督查督办</div>
      </div>
      <Card className="cg-login-card" bordered={false}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          账号登录
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          请使用单位分配的账号登录
        </Typography.Paragraph>
        {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input
              prefix={<UserOutlined />}
              placeholder="用户名"
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder="密码"
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登 录
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}
        >
          忘记密码请联系本单位系统管理员重置
          {settings.version ? ` · 版本 ${settings.version}` : ''}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** Only same-site paths, so a crafted link cannot send the user elsewhere after login. */
function safeRedirect(r: string | null): string {
  if (!r || !r.startsWith('/') || r.startsWith('//') || r.startsWith('/login')) return '/';
  return r;
}
