import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/api';
import { venuesApi } from '../api';

/**
 * The owner's phone as everyone sees it (138****1234) and, for those who keep venues, a 查看 button:
 * it asks why, and the server logs the view with that reason (个人信息保护法).
 */
export function RevealPhone({
  venueId,
  masked,
  canReveal,
  revealed,
  onRevealed,
}: {
  venueId: string;
  masked: string;
  canReveal: boolean;
  revealed: string | null;
  onRevealed(phone: string): void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const reveal = async () => {
    setBusy(true);
    try {
      const v = await venuesApi.reveal(venueId, reason.trim());
      onRevealed(v.ownerPhone);
      setAsking(false);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8}>
      <span data-testid="venue-phone-shown">{revealed ?? masked}</span>
      {canReveal && !revealed && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="venue-reveal">
          查看
        </Button>
      )}
      <Modal
        title="查看完整电话"
        open={asking}
        onCancel={() => setAsking(false)}
        onOk={reveal}
        okText="查看"
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          负责人电话属于个人信息，查看将记入审计日志。请填写查看事由。
        </Typography.Paragraph>
        <Input.TextArea
          rows={2}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如：电话通知负责人整改"
          data-testid="venue-reveal-reason"
        />
      </Modal>
    </Space>
  );
}
