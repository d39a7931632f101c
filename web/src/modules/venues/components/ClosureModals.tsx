import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { venuesApi, type VenueDetail } from '../api';

/** The last day of an order: the first day counts (7 days from the 1st end on the 7th). */
export function untilOf(start: Dayjs | undefined, days: number | undefined): string | null {
  if (!start || !days || days < 1) return null;
  return start.add(days - 1, 'day').format('YYYY-MM-DD');
}

/** 停业整顿: reason, first day and period (days); the venue shows 停业整顿 until the order is lifted. */
export function ClosureModal({ venue, onClose, onDone }: { venue: VenueDetail; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ reason: string; startDate: Dayjs; days: number }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const start = Form.useWatch('startDate', form);
  const days = Form.useWatch('days', form);
  const until = untilOf(start, days);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await venuesApi.close(venue.id, {
        reason: v.reason,
        startDate: v.startDate.format('YYYY-MM-DD'),
        days: v.days,
      });
      message.success('已下达停业整顿');
      onDone();
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['reason', 'startDate', 'days']);
      if (rest.length || !(e as { errors?: unknown[] }).errors?.length) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`停业整顿：${venue.name}`}
      open
      onCancel={onClose}
      onOk={submit}
      okText="下达"
      okButtonProps={{ danger: true, loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ startDate: dayjs(), days: 7 }}>
        <Form.Item
          name="reason"
          label="整顿事由"
          rules={[{ required: true, whitespace: true, message: '请填写整顿事由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="closure-reason" />
        </Form.Item>
        <Form.Item name="startDate" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="days"
          label="整顿期限（天）"
          rules={[{ required: true, type: 'integer', min: 1, max: 365, message: '整顿期限须为 1–365 天' }]}
          extra={until ? `整顿至 ${until}（含当日）` : undefined}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 200 }} data-testid="closure-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 解除: only after a passing re-check since the order; the server refuses otherwise and says why. */
export function LiftModal({ venue, onClose, onDone }: { venue: VenueDetail; onClose(): void; onDone(): void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { message } = App.useApp();
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await venuesApi.lift(venue.id, { note: note.trim() || null });
      message.success('已解除停业整顿，场所恢复营业');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const order = venue.openClosure;
  return (
    <Modal
      title={`解除停业整顿：${venue.name}`}
      open
      onCancel={onClose}
      onOk={submit}
      okText="解除"
      okButtonProps={{ loading: busy, 'data-testid': 'lift-submit' } as never}
      destroyOnHidden
    >
      {order && (
        <Typography.Paragraph>
          整顿期限 {order.startDate} 至 {order.untilDate}，事由：{order.reason}
        </Typography.Paragraph>
      )}
      {venue.recheckPassed ? (
        <Alert
          type="success"
          showIcon
          message="整顿下达后的最近一次复查合格，可以解除。"
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          message="须先复查合格：整顿下达后尚无检查，或最近一次检查不合格。"
          style={{ marginBottom: 12 }}
        />
      )}
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder="解除说明（选填）"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {error ? <Alert type="error" showIcon message={errorText(error)} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
