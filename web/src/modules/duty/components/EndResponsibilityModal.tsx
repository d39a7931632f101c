import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { dutyApi, type Responsibility } from '../api';
import { RESPONSIBILITY_KIND_NAMES, spanText } from '../labels';

/** 结束包联责任: its last day; the record stays as history. */
export function EndResponsibilityModal({
  item,
  onClose,
  onDone,
}: {
  item: Responsibility;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<{ to: Dayjs }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setGeneral(null);
    try {
      await dutyApi.endResponsibility(item.id, v.to.format('YYYY-MM-DD'));
      message.success('已结束');
      onDone();
    } catch (e) {
      if (applyFieldErrors(form, e, ['to']).length || !(e as { errors?: unknown[] }).errors?.length)
        setGeneral(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="结束包联责任"
      open
      onCancel={onClose}
      onOk={submit}
      okText="结束"
      okButtonProps={{ loading: busy, danger: true, ...{ 'data-testid': 'responsibility-end-submit' } }}
      destroyOnHidden
    >
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        {item.holder.name} {RESPONSIBILITY_KIND_NAMES[item.kind]}「{item.target.name}」（{spanText(item.from, item.to)}
        ）
      </Typography.Paragraph>
      <Form form={form} initialValues={{ to: dayjs() }}>
        <Form.Item name="to" label="最后一天" rules={[{ required: true, message: '请选择最后一天' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
