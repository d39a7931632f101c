import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { cycleApi } from '../cycle-api';

interface Values {
  day: Dayjs;
  title: string;
  placeBranchId: string;
  branchIds: string[];
  visitors: string[];
  attendees?: number;
  note?: string;
}

/** 组织观摩: the 街道 names the day, the branch where it is held, the branches visited and the visitors. */
export function ObservationForm({ onClose }: { onClose(id: string | null): void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The branches of the caller's 街道 (the grid lists them, with their community).
  const grid = useApiQuery(['stars', 'weekly-grid', 'branches', me.unitId], (s) =>
    cycleApi.grid({ unitId: me.unitId, from: dayjs().format('YYYY-MM-DD') }, s),
  );
  const options = (grid.data?.rows ?? []).map((r) => ({ value: r.branchId, label: r.branchName }));
  const save = async (v: Values) => {
    setSaving(true);
    try {
      const o = await cycleApi.createObservation({
        day: v.day.format('YYYY-MM-DD'),
        title: v.title,
        placeBranchId: v.placeBranchId,
        branchIds: v.branchIds,
        visitors: v.visitors.map((name) => ({ name })),
        attendees: v.attendees ?? null,
        note: v.note || null,
      });
      message.success('已创建观摩活动，可录入评分');
      onClose(o.id);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['day', 'title', 'placeBranchId', 'branchIds', 'attendees', 'note']).length)
        message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="组织观摩（每月观摩）"
      okText="创建"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ day: dayjs(), visitors: [], title: '“五星”支部创建观摩' }}
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="day" label="日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="placeBranchId" label="举办地（党支部）" rules={[{ required: true, message: '请选择举办地' }]}>
          <Select
            options={options}
            loading={grid.loading}
            showSearch
            optionFilterProp="label"
            data-testid="obs-place"
          />
        </Form.Item>
        <Form.Item name="branchIds" label="观摩的党支部" rules={[{ required: true, message: '至少选择一个支部' }]}>
          <Select mode="multiple" options={options} optionFilterProp="label" data-testid="obs-branches" />
        </Form.Item>
        <Form.Item name="visitors" label="观摩评分人员（输入姓名或职务后回车）">
          <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} data-testid="obs-visitors" />
        </Form.Item>
        <Form.Item name="attendees" label="到场人数">
          <InputNumber min={0} max={10000} addonAfter="人" />
        </Form.Item>
        <Form.Item name="note" label="说明（形式、内容）">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
