import { Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../../../../src/contracts/org';
import { formatDateTime } from '../../../lib/format-time';
import { useApiMutation } from '../../../lib/query';
import { accountsApi, type IssuedToken } from '../api';

interface Values {
  name: string;
  expiresInDays: number;
}

/** Asks for a name and a lifetime, then shows the token this once with its expiry. */
export function IssueTokenModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const create = useApiMutation((v: Values) => accountsApi.createToken(v), {
    invalidates: [['accounts', 'tokens']],
    onSuccess: (t) => setIssued(t),
  });
  const close = () => {
    setIssued(null);
    form.resetFields();
    onClose();
  };
  if (issued) {
    return (
      <Modal
        open={open}
        title="令牌已签发"
        onCancel={close}
        footer={
          <Button type="primary" onClick={close} data-testid="api-token-done">
            已保存
          </Button>
        }
      >
        <Typography.Paragraph>令牌只显示这一次，请立即复制并妥善保存：</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="api-token-value">
          {issued.token}
        </Typography.Paragraph>
        <Typography.Paragraph data-testid="api-token-issued-expires">
          失效时间：{formatDateTime(issued.expiresAt)}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal
      open={open}
      title="签发 API 令牌"
      okText="签发"
      okButtonProps={{ 'data-testid': 'api-token-submit' }}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      onCancel={close}
    >
      <Form form={form} layout="vertical" initialValues={{ expiresInDays: TOKEN_DEFAULT_DAYS }}>
        <Form.Item name="name" label="用途" rules={[{ required: true, whitespace: true, message: '请填写令牌用途' }]}>
          <Input maxLength={100} placeholder="如：大屏集成" data-testid="api-token-name" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={`有效期（天，最长 ${TOKEN_MAX_DAYS} 天）`} rules={[{ required: true }]}>
          <InputNumber min={1} max={TOKEN_MAX_DAYS} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
