import { Alert, App, Checkbox, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { dutyApi, type Roster, type RosterDay } from '../api';
import { dayLabel } from '../labels';

interface Values {
  cadreAccountId?: string;
  volunteers: string[];
  gridIds: string[];
}

/** One day of the roster: the duty cadre (one), the volunteers (typed), the grids covered. Emptied, the day is removed. */
export function RosterDayModal({
  roster,
  day,
  onClose,
  onDone,
}: {
  roster: Roster;
  day: RosterDay;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setGeneral(null);
    try {
      await dutyApi.putDay({
        unitId: roster.unit.id,
        day: day.day,
        cadreAccountId: v.cadreAccountId ?? null,
        volunteers: v.volunteers.map((x) => x.trim()).filter(Boolean),
        gridIds: v.gridIds,
      });
      message.success('已保存');
      onDone();
    } catch (e) {
      const errs = (e as { errors?: { field: string; message: string }[] }).errors ?? [];
      const rest = applyFieldErrors(form, e, ['cadreAccountId', 'volunteers', 'gridIds']);
      if (rest.length || !errs.length) setGeneral(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const candidates = [...roster.candidates];
  if (day.cadre && !candidates.some((c) => c.id === day.cadre!.id)) candidates.push(day.cadre);
  return (
    <Modal
      title={`${roster.unit.name} ${dayLabel(day.day)} 值班安排`}
      open
      width={560}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'roster-day-submit' } }}
      destroyOnHidden
    >
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        labelCol={{ span: 5 }}
        initialValues={{ cadreAccountId: day.cadre?.id, volunteers: day.volunteers, gridIds: day.gridIds }}
      >
        <Form.Item name="cadreAccountId" label="带班干部" extra="每天一名社区干部带班；不选则记为缺岗">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="选择带班干部"
            options={candidates.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="roster-cadre"
          />
        </Form.Item>
        <Form.Item name="volunteers" label="志愿者">
          <Select mode="tags" placeholder="输入姓名后回车" tokenSeparators={['，', ',', '、', ' ']} open={false} />
        </Form.Item>
        <Form.Item name="gridIds" label="负责网格" extra="未选的网格当天记为缺岗">
          <Checkbox.Group
            options={roster.grids.map((g) => ({ value: g.id, label: g.name }))}
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 4 }}
          />
        </Form.Item>
        <a onClick={() => form.setFieldsValue({ gridIds: roster.grids.map((g) => g.id) })}>全选网格</a>
      </Form>
    </Modal>
  );
}
