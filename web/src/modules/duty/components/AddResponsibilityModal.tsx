import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { dutyApi, type ResponsibilityKind } from '../api';
import { KIND_TARGET_HINT, KIND_TARGET_KINDS, RESPONSIBILITY_KIND_NAMES, RESPONSIBILITY_KINDS } from '../labels';

interface Values {
  kind: ResponsibilityKind;
  targetUnitId: string;
  holderId: string;
  span: [Dayjs, Dayjs | null];
  note?: string;
}

/**
 * 新增包联责任: the kind, the unit answered for (picked in the tree, only the kinds the responsibility
 * fits), the holder — a cadre's account, or for 包联 a department or outside unit — and the dates
 * (the end left empty while open-ended).
 */
export function AddResponsibilityModal({
  defaultTargetId,
  onClose,
  onDone,
}: {
  defaultTargetId?: string;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'lead';
  const options = useApiQuery(['duty', 'holder-options'], (signal) => dutyApi.holderOptions(signal));
  const byUnit = kind === 'pair';

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setGeneral(null);
    try {
      await dutyApi.addResponsibility({
        kind: v.kind,
        targetUnitId: v.targetUnitId,
        holder: { type: byUnit ? 'unit' : 'account', id: v.holderId },
        from: v.span[0].format('YYYY-MM-DD'),
        to: v.span[1] ? v.span[1].format('YYYY-MM-DD') : null,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success('已新增包联责任');
      onDone();
    } catch (e) {
      const errs = (e as { errors?: { field: string; message: string }[] }).errors ?? [];
      // holder.* lands on the holder picker; from/to on the dates.
      const mapped = errs.map((x) => ({
        ...x,
        field: x.field.startsWith('holder') ? 'holderId' : x.field === 'from' || x.field === 'to' ? 'span' : x.field,
      }));
      const rest = applyFieldErrors(form, Object.assign(e as object, { errors: mapped }), [
        'kind',
        'targetUnitId',
        'holderId',
        'span',
        'note',
      ]);
      if (rest.length || !errs.length) setGeneral(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="新增包联责任"
      open
      width={600}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'responsibility-add-submit' } }}
      destroyOnHidden
    >
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        labelCol={{ span: 5 }}
        initialValues={{ kind: 'lead', targetUnitId: defaultTargetId, span: [dayjs(), null] }}
        onValuesChange={(changed) => {
          if ('kind' in changed) form.setFieldsValue({ holderId: undefined });
        }}
      >
        <Form.Item name="kind" label="责任类型" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            size="small"
            options={RESPONSIBILITY_KINDS.map((k) => ({ value: k, label: RESPONSIBILITY_KIND_NAMES[k] }))}
            data-testid="responsibility-kind"
          />
        </Form.Item>
        <Form.Item name="targetUnitId" label="责任对象" rules={[{ required: true, message: '请选择责任对象' }]}>
          <UnitPicker
            selectableKinds={KIND_TARGET_KINDS[kind]}
            placeholder={KIND_TARGET_HINT[kind]}
            data-testid="responsibility-target"
          />
        </Form.Item>
        <Form.Item
          name="holderId"
          label={byUnit ? '包联单位' : '责任人'}
          rules={[{ required: true, message: byUnit ? '请选择包联单位' : '请选择责任人' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={options.loading}
            placeholder={byUnit ? '区直部门或驻区单位（如电信）' : '按姓名搜索'}
            options={
              byUnit
                ? (options.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))
                : (options.data?.accounts ?? []).map((a) => ({ value: a.id, label: a.name }))
            }
            data-testid="responsibility-holder"
          />
        </Form.Item>
        <Form.Item
          name="span"
          label="起止日期"
          extra="结束日期可不填（长期有效）"
          rules={[{ required: true, message: '请选择开始日期' }]}
        >
          <DatePicker.RangePicker allowEmpty={[false, true]} placeholder={['开始日期', '长期']} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} placeholder="如：架空线缆整治" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
