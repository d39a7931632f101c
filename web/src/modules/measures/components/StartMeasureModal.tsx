import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { measuresApi, type MeasureDetail, type MeasureType, type OwnerRole } from '../api';
import {
  MAX_MEASURE_DAYS,
  MEASURE_TYPE_DEFAULT_DAYS,
  MEASURE_TYPE_NAMES,
  OWNER_ROLE_NAMES,
  OWNER_ROLES,
} from '../labels';

interface Values {
  residentId: string;
  type: MeasureType;
  startDay: Dayjs;
  lengthDays: number;
  testDays?: Dayjs[];
  owners: Record<OwnerRole, string>;
  note?: string;
}

/**
 * 采取居家措施: the person (a resident in scope, by name), the kind, the first day and length, the 核酸
 * days, and the four owners of 四包一 — each picked among the accounts the server says may own this
 * person's measure (the 街道's and the community's cadres of the person's own units, any 民警 and 医生).
 */
export function StartMeasureModal({ onClose, onStarted }: { onClose(): void; onStarted(m: MeasureDetail): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState('');
  const [general, setGeneral] = useState<string | null>(null);
  const residentId = Form.useWatch('residentId', form);
  const subjects = useApiQuery(['measures', 'subjects', q], (signal) => measuresApi.subjects(q, signal));
  const candidates = useApiQuery(
    ['measures', 'candidates', residentId ?? ''],
    (signal) => measuresApi.candidates(residentId!, signal),
    undefined,
    { enabled: !!residentId, keepPrevious: false },
  );
  const start = Form.useWatch('startDay', form);
  const length = Form.useWatch('lengthDays', form);
  const end = start && length ? start.add(length - 1, 'day') : null;

  const pickSubject = async (id: string) => {
    form.setFieldsValue({ residentId: id, owners: {} as Values['owners'] });
    const c = await measuresApi.candidates(id).catch(() => null);
    // One candidate for a role (the person's own community cadre …) is picked for the user.
    if (c)
      form.setFieldsValue({
        owners: Object.fromEntries(
          OWNER_ROLES.flatMap((r) => (c[r].length === 1 ? [[r, c[r][0]!.id]] : [])),
        ) as Values['owners'],
      });
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setGeneral(null);
    try {
      const m = await measuresApi.start({
        residentId: v.residentId,
        type: v.type,
        startDay: v.startDay.format('YYYY-MM-DD'),
        lengthDays: v.lengthDays,
        testDays: (v.testDays ?? []).map((d) => d.format('YYYY-MM-DD')),
        owners: v.owners,
        note: v.note?.trim() || null,
      });
      message.success(`已对${m.subject.name}采取${MEASURE_TYPE_NAMES[m.type]}`);
      onStarted(m);
    } catch (e) {
      // owners.police … land on their own picker; the rest on the top-level fields.
      const errs = (e as { errors?: { field: string; message: string }[] }).errors ?? [];
      form.setFields(
        errs
          .filter((x) => x.field.startsWith('owners.'))
          .map((x) => ({ name: ['owners', x.field.slice(7) as OwnerRole] as const, errors: [x.message] })),
      );
      const rest = applyFieldErrors(
        form,
        Object.assign(e as object, { errors: errs.filter((x) => !x.field.startsWith('owners.')) }),
        ['residentId', 'type', 'startDay', 'lengthDays', 'testDays', 'note'],
      );
      if (rest.length || !errs.length) setGeneral(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="采取居家措施"
      open
      width={640}
      onCancel={onClose}
      onOk={submit}
      okText="开始"
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'measure-start-submit' } }}
      destroyOnHidden
    >
      {general && <Alert type="error" showIcon message={general} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{
          type: 'home_isolation',
          startDay: dayjs(),
          lengthDays: MEASURE_TYPE_DEFAULT_DAYS.home_isolation,
        }}
      >
        <Form.Item name="residentId" label="管控对象" rules={[{ required: true, message: '请选择管控对象' }]}>
          <Select
            showSearch
            filterOption={false}
            placeholder="输入姓名查找本辖区居民"
            onSearch={setQ}
            onChange={pickSubject}
            loading={subjects.loading}
            data-testid="measure-subject"
            options={(subjects.data?.items ?? []).map((s) => ({
              value: s.id,
              disabled: s.openMeasure,
              label: `${s.name}（${s.community.name}${s.householdAddress ? `，${s.householdAddress}` : ''}）${s.openMeasure ? ' 已在管控' : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="type" label="措施" rules={[{ required: true }]}>
          <Select
            onChange={(t: MeasureType) => form.setFieldsValue({ lengthDays: MEASURE_TYPE_DEFAULT_DAYS[t] })}
            options={(Object.keys(MEASURE_TYPE_NAMES) as MeasureType[]).map((t) => ({
              value: t,
              label: MEASURE_TYPE_NAMES[t],
            }))}
          />
        </Form.Item>
        <Form.Item label="期限" required style={{ marginBottom: 0 }}>
          <Form.Item
            name="startDay"
            rules={[{ required: true, message: '请选择开始日期' }]}
            style={{ display: 'inline-block', marginRight: 8 }}
          >
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item
            name="lengthDays"
            rules={[{ required: true, message: '请填写天数' }]}
            style={{ display: 'inline-block', marginRight: 8 }}
          >
            <InputNumber min={1} max={MAX_MEASURE_DAYS} addonAfter="天" style={{ width: 110 }} />
          </Form.Item>
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            {end ? `至 ${end.format('YYYY-MM-DD')}` : ''}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="testDays" label="核酸检测日">
          <DatePicker
            multiple
            disabledDate={(d) => !start || !end || d.isBefore(start, 'day') || d.isAfter(end, 'day')}
            style={{ width: '100%' }}
            placeholder="可选：期间内的检测日期"
          />
        </Form.Item>
        {OWNER_ROLES.map((role) => (
          <Form.Item
            key={role}
            name={['owners', role]}
            label={OWNER_ROLE_NAMES[role]}
            rules={[{ required: true, message: `请选择${OWNER_ROLE_NAMES[role]}` }]}
          >
            <Select
              placeholder={residentId ? `选择${OWNER_ROLE_NAMES[role]}` : '先选择管控对象'}
              disabled={!residentId}
              loading={candidates.loading}
              data-testid={`measure-owner-${role}`}
              options={(candidates.data?.[role] ?? []).map((a) => ({ value: a.id, label: a.name }))}
              notFoundContent={`没有可选的${OWNER_ROLE_NAMES[role]}`}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
