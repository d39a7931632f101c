import { Alert, Button, Modal, Typography } from 'antd';

interface Props {
  value: { username: string; password: string; reason: 'created' | 'reset' } | null;
  onClose(): void;
}

/** Shows a temporary password exactly once. */
export function TemporaryPasswordModal({ value, onClose }: Props) {
  return (
    <Modal
      open={!!value}
      title={value?.reason === 'created' ? '账号已创建' : '密码已重置'}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
      data-testid="temporary-password-modal"
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            message="临时密码只显示这一次"
            description="请当面或通过安全渠道转交使用人。首次登录时系统会要求修改密码。"
            style={{ marginBottom: 16 }}
          />
          <p>
            用户名：<Typography.Text strong>{value.username}</Typography.Text>
          </p>
          <p>
            临时密码：
            <Typography.Text
              code
              copyable={{ text: value.password, tooltips: ['复制', '已复制'] }}
              style={{ fontSize: 18 }}
              data-testid="temporary-password"
            >
              {value.password}
            </Typography.Text>
          </p>
        </>
      )}
    </Modal>
  );
}
