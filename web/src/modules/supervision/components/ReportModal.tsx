import { App, Checkbox, Form, Input, InputNumber, Modal, Slider, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import type { UploadedFile } from '../../cases/api';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { supervisionApi, type TaskDetail } from '../api';
import { applyServerErrors } from '../form-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Values {
  percent: number;
  content: string;
  files?: UploadedFile[];
  milestoneIds?: string[];
}

interface Props {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onDone: (task: TaskDetail) => void;
}

/** 报送进度: percent, what was done, evidence photos, and the milestones it completes. */
export function ReportModal({ task, open, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const openMilestones = task.milestones.filter((m) => !m.doneOn);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ percent: Math.round(task.progress), content: '', files: [], milestoneIds: [] });
  }, [open, task.progress, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      const d = await supervisionApi.report(task.id, {
        percent: v.percent,
        content: v.content,
        fileIds: (v.files ?? []).map((f) => f.id),
        milestoneIds: v.milestoneIds ?? [],
      });
      message.success('进度已报送');
      onDone(d);
    } catch (e) {
      const rest = applyServerErrors(form, e, ['percent', 'content', 'milestoneIds'], (p) =>
        p[0] === 'fileIds' ? ['files'] : p,
      );
      setFailure(rest.length || !(e as { errors?: unknown[] }).errors?.length ? errorText(e) : null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`报送进度：${task.title}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="报送"
      confirmLoading={saving}
      width={620}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'report-submit' }}
      data-testid="report-modal"
    >
      {failure && <ErrorAlert error={failure} style={{ marginBottom: 12 }} data-testid="report-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="完成进度" required>
          <Space style={{ width: '100%' }} align="center">
            <Form.Item name="percent" noStyle>
              <Slider min={0} max={100} style={{ width: 380 }} data-testid="report-percent-slider" />
            </Form.Item>
            <Form.Item name="percent" noStyle rules={[{ required: true, message: '请填写进度' }]}>
              <InputNumber min={0} max={100} addonAfter="%" style={{ width: 110 }} data-testid="report-percent" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item
          name="content"
          label="进展情况"
          rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={4000}
            showCount
            placeholder="本期完成的工作、存在的问题、下一步计划"
            data-testid="report-content"
          />
        </Form.Item>
        {openMilestones.length > 0 && (
          <Form.Item name="milestoneIds" label="本次完成的时间节点">
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              data-testid="report-milestones"
            >
              {openMilestones.map((m) => (
                <Checkbox key={m.id} value={m.id} data-testid="report-milestone" data-milestone-id={m.id}>
                  {m.title}{' '}
                  <Typography.Text type={m.missed ? 'danger' : 'secondary'}>
                    （{m.due}
                    {m.missed ? '，已逾期' : ''}）
                  </Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="files" label="佐证材料（照片）" valuePropName="value">
          <PhotoUpload max={20} label="上传佐证" data-testid="report-files" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
