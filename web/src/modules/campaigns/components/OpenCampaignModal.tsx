import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { UnitPicker } from '../../../components/UnitPicker';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../lib/api';
import { campaignsApi, type CampaignDetail } from '../api';
import { CAMPAIGN_KIND_NAMES } from '../labels';
import { useCategories } from './useCategories';

interface Values {
  title: string;
  kind: 'concentrated' | 'special';
  scopeUnitId: string;
  window: [Dayjs, Dayjs];
  participants?: string[];
  paired?: string[];
  volunteerCount?: number;
  volunteerNames?: string;
  categories?: string[];
  note?: string;
}

/** 开展集中整治: scope, window, participating and 包联 units, volunteers, categories. */
export function OpenCampaignModal({
  open,
  defaultUnitId,
  onClose,
  onOpened,
}: {
  open: boolean;
  defaultUnitId: string;
  onClose(): void;
  onOpened(c: CampaignDetail): void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const categories = useCategories();
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const c = await campaignsApi.open({
        title: v.title,
        kind: v.kind,
        scopeUnitId: v.scopeUnitId,
        startDay: v.window[0].format('YYYY-MM-DD'),
        endDay: v.window[1].format('YYYY-MM-DD'),
        units: [
          ...(v.participants ?? []).map((unitId) => ({ unitId, role: 'participant' as const })),
          ...(v.paired ?? []).map((unitId) => ({ unitId, role: 'paired' as const })),
        ],
        volunteerCount: v.volunteerCount ?? 0,
        volunteerNames: (v.volunteerNames ?? '')
          .split(/[，,、\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        categories: v.categories ?? [],
        note: v.note || null,
      });
      form.resetFields();
      onOpened(c);
    } catch (e) {
      applyFieldErrors(form, e, ['title', 'scopeUnitId', 'categories', 'note']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="开展集中整治"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'concentrated', scopeUnitId: defaultUnitId, window: [dayjs(), dayjs()] }}
        data-testid="open-campaign-form"
      >
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input maxLength={60} placeholder="如：陈州街道空中线缆集中整治" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="kind" label="类型" style={{ width: 140 }}>
            <Select options={Object.entries(CAMPAIGN_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="scopeUnitId"
            label="范围"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请选择范围' }]}
          >
            <UnitPicker />
          </Form.Item>
          <Form.Item name="window" label="活动期间" rules={[{ required: true, message: '请选择期间' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="participants" label="参与单位" style={{ flex: 1 }}>
            <UnitPicker multiple byName placeholder="街道、社区或部门" />
          </Form.Item>
          <Form.Item name="paired" label="包联单位" style={{ flex: 1 }}>
            <UnitPicker multiple byName placeholder="如电信、联通、移动、供电" />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="volunteerCount" label="志愿者人数" style={{ width: 140 }}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="volunteerNames" label="志愿者姓名（可选，用顿号分隔）" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="categories" label="整治问题类别">
          <Select mode="multiple" options={categories.options} optionFilterProp="label" placeholder="台账问题类别" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
