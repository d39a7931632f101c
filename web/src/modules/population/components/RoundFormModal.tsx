import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors } from '../../../lib/api';
import { useCreateRound } from '../use-rounds';

interface Values {
  name: string;
  scopeUnitId: string;
  window: [Dayjs, Dayjs];
  note?: string;
}

/** 发起敲门行动: a name, the 街道 / 社区 / 网格 whose households it covers, and its window. */
export function RoundFormModal({
  open,
  defaultScopeId,
  onClose,
  onCreated,
}: {
  open: boolean;
  defaultScopeId: string;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateRound(onCreated);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ scopeUnitId: defaultScopeId });
    create.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, defaultScopeId, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate(
      {
        name: v.name.trim(),
        scopeUnitId: v.scopeUnitId,
        startsOn: v.window[0].format('YYYY-MM-DD'),
        endsOn: v.window[1].format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      },
      {
        onError: (e) => {
          const rest = applyFieldErrors(form, e, ['name', 'scopeUnitId', 'note']);
          const dates = rest.filter((r) => r.field === 'startsOn' || r.field === 'endsOn');
          if (dates.length) form.setFields([{ name: 'window', errors: dates.map((d) => d.message) }]);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title="发起敲门行动"
      okText="发起"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="round-form-modal"
    >
      <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} placeholder="如：12月第一轮入户走访" data-testid="round-form-name" />
        </Form.Item>
        <Form.Item
          name="scopeUnitId"
          label="范围"
          extra="所选街道、社区或网格内的全部户"
          rules={[{ required: true, message: '请选择范围' }]}
        >
          <UnitPicker
            selectableKinds={[
              'district',
              'subdistrict',
              'township',
              'community',
              'village',
              'grid_large',
              'grid_small',
            ]}
          />
        </Form.Item>
        <Form.Item name="window" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="round-form-window" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
