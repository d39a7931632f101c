import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../lib/query';
import { populationApi, type Resident } from '../api';
import { HOUSEHOLD_RELATION_NAMES, HOUSEHOLD_RELATIONS, type HouseholdRelation } from '../labels';
import { POP } from '../use-population';
import { HouseholdSelect } from './HouseholdSelect';

interface Values {
  householdId: string;
  relation?: HouseholdRelation;
  reason?: string;
}

/** 搬迁: a resident moves to another household; the old address stays in the history. */
export function MoveModal({ resident, onClose }: { resident: Resident | null; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const move = useApiMutation(
    (v: Values) =>
      populationApi.moveResident(resident!.id, {
        householdId: v.householdId,
        relation: v.relation ?? null,
        reason: v.reason?.trim() || null,
      }),
    {
      invalidates: [[POP]],
      toastError: false,
      successMessage: (r) => `${r.name} 已迁至 ${r.household?.address ?? '新住址'}`,
      onSuccess: onClose,
    },
  );
  useEffect(() => {
    if (resident) {
      form.resetFields();
      move.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resident, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    move.mutate(v, { onError: (e) => applyFieldErrors(form, e, ['householdId', 'relation', 'reason']) });
  };

  return (
    <Modal
      open={!!resident}
      title={`搬迁 — ${resident?.name ?? ''}`}
      okText="确认搬迁"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
      data-testid="move-modal"
    >
      <ErrorAlert error={move.error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="现住址">{resident?.household?.address ?? '—'}</Form.Item>
        <Form.Item name="householdId" label="迁入户" rules={[{ required: true, message: '请选择迁入的户' }]}>
          <HouseholdSelect excludeId={resident?.household?.id} data-testid="move-household" />
        </Form.Item>
        <Form.Item name="relation" label="与新户主关系">
          <Select
            allowClear
            options={HOUSEHOLD_RELATIONS.map((k) => ({ value: k, label: HOUSEHOLD_RELATION_NAMES[k] }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="搬迁原因">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
