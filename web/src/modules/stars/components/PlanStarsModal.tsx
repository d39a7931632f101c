import { Checkbox, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useApiMutation } from '../../../lib/query';
import { plansApi, type BattleMap } from '../plans-api';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Values {
  stars: string[];
  note?: string;
}

/** 争创目标: which stars of its set the branch goes for this year. */
export function PlanStarsModal({ map, open, onClose }: { map: BattleMap; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => plansApi.savePlan(map.branch.id, { year: map.year, ...v }), {
    successMessage: '争创目标已保存',
    invalidates: [['stars']],
    toastError: false,
    onSuccess: onClose,
  });
  useEffect(() => {
    if (open) form.setFieldsValue({ stars: map.plan?.stars ?? [], note: map.plan?.note ?? '' });
  }, [open, map.plan, form]);
  return (
    <Modal
      title={`${map.year} 年争创目标`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'plan-submit' }}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="stars" label="争创的星" rules={[{ required: true, message: '至少选择一颗星' }]}>
          <Checkbox.Group options={map.starOptions.map((o) => ({ value: o.key, label: o.name }))} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
