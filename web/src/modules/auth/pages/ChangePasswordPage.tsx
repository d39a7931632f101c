import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { applyFieldErrors, ApiError, errorText } from '../../../lib/api';
import { authApi } from '../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { landingPath } from '../../../app/landing';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const me = useMe();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forced = me.mustChangePassword;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      message.success('密码已修改');
      await refresh();
      // The first sign-in ends here: land where a login would have.
      navigate(forced ? landingPath(me, '/') : '/', { replace: true });
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['currentPassword', 'newPassword']);
      if (e instanceof ApiError && e.status === 401 && !e.errors.length) {
        form.setFields([{ name: 'currentPassword', errors: ['当前密码不正确'] }]);
      } else if (!(e instanceof ApiError) || !e.errors.length || rest.length) {
        setError(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cg-center-page" data-testid="change-password-page">
      <Card style={{ width: 440 }} title={forced ? '首次登录，请修改密码' : '修改密码'}>
        {forced && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 20 }}
            message="为保障账号安全，使用临时密码登录后须先设置新密码，才能使用系统。"
          />
        )}
        {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">
          账号：{me.displayName}（{me.username}）
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="cp-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra="至少 8 位，须同时包含字母和数字。"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 8, message: '至少 8 位' },
              { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '须同时包含字母和数字' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error('新密码不能与当前密码相同'))
                    : Promise.resolve(),
              }),
            ]}
            hasFeedback
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="cp-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            hasFeedback
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="cp-confirm" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {forced ? (
              <Button type="link" style={{ paddingInline: 0 }} onClick={() => void logout()}>
                退出登录
              </Button>
            ) : (
              <Button onClick={() => navigate(-1)}>返回</Button>
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="cp-submit">
              确认修改
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
