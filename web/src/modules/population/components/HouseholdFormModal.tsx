import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiMutation } from '../../../lib/query';
import { populationApi } from '../api';
import { POP, useBuildings } from '../use-population';

interface Values {
  address: string;
  gridId: string;
  buildingId?: string;
  note?: string;
}

/** 新增户: its 门牌, its grid (and building, when there is one). */
export function HouseholdFormModal({
  open,
  unitId,
  defaultGridId,
  onClose,
}: {
  open: boolean;
  unitId?: string;
  defaultGridId?: string;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const buildings = useBuildings(unitId, '');
  const create = useApiMutation(
    (v: Values) =>
      populationApi.createHousehold({
        address: v.address.trim(),
        gridId: v.gridId,
        buildingId: v.buildingId ?? null,
        note: v.note?.trim() || null,
      }),
    { invalidates: [[POP]], toastError: false, successMessage: (h) => `已新增户：${h.address}`, onSuccess: onClose },
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ gridId: defaultGridId });
    create.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, defaultGridId, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) create.mutate(v, { onError: (e) => applyFieldErrors(form, e, ['address', 'gridId', 'buildingId', 'note']) });
  };

  return (
    <Modal
      open={open}
      title="新增户"
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="household-form-modal"
    >
      <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="address" label="门牌" rules={[{ required: true, whitespace: true, message: '请填写门牌' }]}>
          <Input maxLength={200} placeholder="如：金海路12号院3号楼2单元301" data-testid="household-form-address" />
        </Form.Item>
        <Form.Item name="gridId" label="所在网格" rules={[{ required: true, message: '请选择网格' }]}>
          <UnitPicker selectableKinds={['grid_small']} placeholder="选择网格" />
        </Form.Item>
        <Form.Item name="buildingId" label="楼栋">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="不在楼栋内可不选"
            options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.grid.name}）` }))}
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
