import { Form, Input, Modal } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { applyFieldErrors } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  open: boolean;
  title: string;
  label: string;
  placeholder: string;
  okText: string;
  max: number;
  /** What the text is about, shown above the box (the instruction being answered). */
  context?: ReactNode;
  saving: boolean;
  error: unknown;
  onSubmit: (content: string) => void;
  onClose: () => void;
  'data-testid'?: string;
}

/** One text box in a dialog: writing a 批示 and answering one. */
export function TextModal(p: Props) {
  const [form] = Form.useForm<{ content: string }>();
  useEffect(() => {
    if (p.open) form.resetFields();
  }, [p.open, form]);
  useEffect(() => {
    if (p.error) applyFieldErrors(form, p.error, ['content']);
  }, [p.error, form]);
  return (
    <Modal
      title={p.title}
      open={p.open}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={p.okText}
      cancelText="取消"
      confirmLoading={p.saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${p['data-testid']}-submit` }}
      data-testid={p['data-testid']}
    >
      {p.context}
      {!!p.error && <ErrorAlert error={p.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => p.onSubmit(v.content)}>
        <Form.Item
          name="content"
          label={p.label}
          rules={[{ required: true, whitespace: true, message: '不能为空' }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            rows={4}
            maxLength={p.max}
            showCount
            placeholder={p.placeholder}
            data-testid={`${p['data-testid']}-content`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
