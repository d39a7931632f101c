import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import { supervisionApi, type NoticeBody, type TaskDetail } from '../api';
import { applyServerErrors } from '../form-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Values {
  kind: NoticeBody['kind'];
  content: string;
  toUnitId: string;
  replyWithinWorkdays: number;
}

interface Props {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 催办 / 督办: a notice to a unit owing the task, with a reply deadline in working days. */
export function NoticeModal({ task, open, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const units = [task.leadUnit, ...task.cooperatingUnits.filter((u) => u.id !== task.leadUnit.id)];

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({
      kind: task.status === 'on_track' ? 'urge' : 'supervise',
      content: '',
      toUnitId: task.leadUnit.id,
      replyWithinWorkdays: 3,
    });
  }, [open, task.status, task.leadUnit.id, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await supervisionApi.sendNotice(task.id, v);
      message.success(v.kind === 'supervise' ? '督办通知已发出' : '催办通知已发出');
      onDone();
    } catch (e) {
      applyServerErrors(form, e, ['kind', 'content', 'toUnitId', 'replyWithinWorkdays']);
      setFailure(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="督办 / 催办"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="发出"
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'notice-submit' }}
      data-testid="notice-modal"
    >
      {failure && <ErrorAlert error={failure} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="kind" label="类型" extra="督办为正式通知，逾期未答复将提级至牵头领导">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'urge', label: '催办' },
              { value: 'supervise', label: '督办' },
            ]}
            data-testid="notice-kind"
          />
        </Form.Item>
        <Form.Item name="toUnitId" label="发送单位" rules={[{ required: true }]}>
          <Select options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="notice-unit" />
        </Form.Item>
        <Form.Item
          name="content"
          label="督办内容"
          rules={[{ required: true, whitespace: true, message: '请填写督办内容' }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder="如：请说明时间节点未完成的原因及整改措施"
            data-testid="notice-content"
          />
        </Form.Item>
        <Form.Item name="replyWithinWorkdays" label="答复期限" rules={[{ required: true }]}>
          <InputNumber min={1} max={30} addonAfter="个工作日内" style={{ width: 200 }} data-testid="notice-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
