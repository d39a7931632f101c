import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useApiMutation } from '../../../lib/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { UploadedFile } from '../../cases/api';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { applyServerErrors } from '../../supervision/form-errors';
import { plansApi, type MeasureView } from '../plans-api';

interface Values {
  percent: number;
  content: string;
  files?: UploadedFile[];
}

/** 报进度 / 对账销号: a progress report on the measure's task; 100 % needs evidence photos. */
export function TickOffModal({ measure, onClose }: { measure: MeasureView | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const report = useApiMutation(
    (v: Values) =>
      plansApi.report(measure!.id, {
        percent: v.percent,
        content: v.content,
        fileIds: (v.files ?? []).map((f) => f.id),
      }),
    { successMessage: '进度已报送', invalidates: [['stars']], toastError: false, onSuccess: onClose },
  );
  useEffect(() => {
    if (measure) form.setFieldsValue({ percent: Math.round(measure.progress), content: '', files: [] });
  }, [measure, form]);
  const rest = report.error
    ? applyServerErrors(form, report.error, ['percent', 'content', 'files'], (p) =>
        p[0] === 'fileIds' ? ['files'] : p,
      )
    : [];
  const percent = Form.useWatch('percent', form);
  return (
    <Modal
      title={measure ? `报进度：${measure.title}` : ''}
      open={!!measure}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={report.isPending}
      okText={percent === 100 ? '对账销号' : '报送'}
      okButtonProps={{ 'data-testid': 'tick-submit' }}
      destroyOnHidden
    >
      {report.error && (rest.length > 0 || report.error.errors.length === 0) && (
        <ErrorAlert error={report.error} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => report.mutate(v)}>
        <Form.Item name="percent" label="完成进度" rules={[{ required: true, message: '请填写进度' }]}>
          <InputNumber min={0} max={100} addonAfter="%" data-testid="tick-percent" />
        </Form.Item>
        <Form.Item name="content" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="tick-content" />
        </Form.Item>
        <Form.Item name="files" label="佐证材料（照片）" valuePropName="value">
          <PhotoUpload max={20} label="上传佐证" />
        </Form.Item>
        <Typography.Text type="secondary">进度 100% 即对账销号，须上传佐证材料。</Typography.Text>
      </Form>
    </Modal>
  );
}
