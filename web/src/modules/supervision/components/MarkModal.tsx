import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import { UnitPicker } from '../../../components/UnitPicker';
import { supervisionApi, type Named } from '../api';
import { applyServerErrors } from '../form-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Values {
  unitId: string;
  score: number;
  comment?: string;
  markedOn?: Dayjs;
}

interface Props {
  open: boolean;
  /** On a task: the units owing it, and the task the mark is about. */
  task?: { id: string; title: string; units: Named[] };
  onClose: () => void;
  onDone: () => void;
}

/** 质量评价: the supervision office's 0–100 mark for a unit, counted in the assessment. */
export function MarkModal({ open, task, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ unitId: task?.units[0]?.id, score: 90, markedOn: dayjs() });
  }, [open, task, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await supervisionApi.addMark({
        unitId: v.unitId,
        taskId: task?.id ?? null,
        score: v.score,
        comment: v.comment?.trim() || null,
        markedOn: v.markedOn?.format('YYYY-MM-DD'),
      });
      message.success('质量评价已记录');
      onDone();
    } catch (e) {
      applyServerErrors(form, e, ['unitId', 'score', 'comment', 'markedOn']);
      setFailure(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={task ? `质量评价：${task.title}` : '质量评价'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="记录"
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'mark-submit' }}
      data-testid="mark-modal"
    >
      {failure && <ErrorAlert error={failure} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="unitId" label="被评价单位" rules={[{ required: true, message: '请选择单位' }]}>
          {task ? (
            <Select options={task.units.map((u) => ({ value: u.id, label: u.name }))} data-testid="mark-unit" />
          ) : (
            <UnitPicker byName placeholder="选择单位" style={{ width: '100%' }} data-testid="mark-unit" />
          )}
        </Form.Item>
        <Form.Item name="score" label="评分（0–100）" rules={[{ required: true, message: '请评分' }]}>
          <InputNumber min={0} max={100} style={{ width: 140 }} data-testid="mark-score" />
        </Form.Item>
        <Form.Item name="markedOn" label="计入日期">
          <DatePicker data-testid="mark-date" />
        </Form.Item>
        <Form.Item name="comment" label="评价意见">
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="mark-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
