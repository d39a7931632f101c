import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { UnitPicker } from '../../../components/UnitPicker';
import { gridKinds } from '../../org/unit-kinds';
import { peopleApi, personKindLabel, type Person, type PersonInput, type PersonKind } from '../api';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  open: boolean;
  /** null: create a new person. */
  person: Person | null;
  defaultUnitId?: string;
  onClose(): void;
  onSaved(p: Person): void;
}

interface Values {
  name: string;
  kind: PersonKind;
  unitId: string;
  phone?: string;
  gridIds?: string[];
}

const FIELDS = ['name', 'kind', 'unitId', 'phone', 'gridIds'];

export function PersonFormModal({ open, person, defaultUnitId, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      person
        ? { name: person.name, kind: person.kind, unitId: person.unitId, gridIds: person.gridIds, phone: '' }
        : { kind: 'grid_worker', unitId: defaultUnitId, gridIds: [] },
    );
  }, [open, person, defaultUnitId, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const body: PersonInput = {
        name: v.name.trim(),
        kind: v.kind,
        unitId: v.unitId,
        gridIds: v.kind === 'grid_worker' ? (v.gridIds ?? []) : [],
      };
      const phone = v.phone?.trim();
      if (phone) body.phone = phone;
      const saved = person ? await peopleApi.update(person.id, body) : await peopleApi.create(body);
      message.success(person ? '人员信息已保存' : `已新增人员「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS);
      setError(errorText(e) + (rest.length ? `（${rest.map((r) => `${r.field}：${r.message}`).join('；')}）` : ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={person ? `编辑人员 — ${person.name}` : '新增人员'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={560}
      destroyOnHidden
    >
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} data-testid="person-form">
        <Form.Item
          name="name"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}
        >
          <Input data-testid="person-form-name" />
        </Form.Item>
        <Form.Item name="kind" label="人员类别" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(Object.keys(personKindLabel) as PersonKind[]).map((k) => ({
              value: k,
              label: personKindLabel[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <UnitPicker data-testid="person-form-unit" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          extra={person ? '已登记的号码以脱敏形式显示在列表中；不修改请留空。' : undefined}
          rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '请输入 11 位手机号或带区号的固定电话' }]}
        >
          <Input
            placeholder={person ? (person.phone ?? '未登记') : '如：13912345678'}
            data-testid="person-form-phone"
          />
        </Form.Item>
        {kind === 'grid_worker' && (
          <Form.Item name="gridIds" label="负责网格" extra="可选多个网格（大网格或小网格）。">
            <UnitPicker multiple selectableKinds={gridKinds} placeholder="选择负责的网格" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
