import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText, type FieldError } from '../../../lib/api';
import { UnitPicker } from '../../../components/UnitPicker';
import { supervisionApi, type TaskBody, type TaskDetail, type TaskKind } from '../api';
import { applyServerErrors } from '../form-errors';
import { CADENCE_LABELS, TASK_KIND_LABELS } from '../labels';
import { LeaderSelect } from './LeaderSelect';

/** What the form starts from: a meeting decision (itemId), a parent task (parentId) or a topic. */
export interface TaskFormPreset {
  itemId?: string;
  parentId?: string;
  topicId?: string;
  kind?: TaskKind;
  title?: string;
  description?: string;
  leadLeaderId?: string | null;
  leadUnitId?: string;
  start?: string;
  deadline?: string;
  /** Shown above the form: where the task comes from. */
  context?: string;
}

interface Values {
  kind: TaskKind;
  title: string;
  description?: string;
  leadLeaderId?: string;
  leadUnitId?: string;
  cooperatingUnitIds?: string[];
  span?: [Dayjs | null, Dayjs | null];
  milestones?: { title?: string; due?: Dayjs; weight?: number | null }[];
  cadenceKind: 'none' | 'weekly' | 'monthly' | 'every_n_days';
  cadenceDays?: number;
  cadenceFirstDue?: Dayjs;
  weight?: number | null;
}

const KNOWN = [
  'kind',
  'title',
  'description',
  'leadLeaderId',
  'leadUnitId',
  'cooperatingUnitIds',
  'span',
  'milestones',
  'cadenceKind',
  'cadenceDays',
  'cadenceFirstDue',
  'weight',
];

interface Props {
  open: boolean;
  preset?: TaskFormPreset | null;
  onClose: () => void;
  onCreated: (task: TaskDetail) => void;
}

/** 新建任务 / 转为任务 / 任务分解: a TaskBody with milestones, cadence and the units. */
export function TaskFormDrawer({ open, preset, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [other, setOther] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const cadenceKind = Form.useWatch('cadenceKind', form);

  useEffect(() => {
    if (!open) return;
    setOther([]);
    setFailure(null);
    form.resetFields();
    const start = preset?.start ? dayjs(preset.start) : dayjs();
    form.setFieldsValue({
      kind: preset?.kind ?? 'task',
      title: preset?.title ?? '',
      description: preset?.description,
      leadLeaderId: preset?.leadLeaderId ?? undefined,
      leadUnitId: preset?.leadUnitId,
      cooperatingUnitIds: [],
      span: preset?.start || preset?.deadline ? [start, preset?.deadline ? dayjs(preset.deadline) : null] : undefined,
      milestones: [],
      cadenceKind: 'none',
    });
  }, [open, preset, form]);

  const submit = async (v: Values) => {
    setOther([]);
    setFailure(null);
    const d = (x?: Dayjs | null) => (x ? x.format('YYYY-MM-DD') : '');
    const start = d(v.span?.[0]);
    const body: TaskBody = {
      kind: v.kind,
      title: v.title,
      description: v.description?.trim() || null,
      parentId: preset?.parentId ?? null,
      itemId: preset?.itemId ?? null,
      topicId: preset?.topicId ?? null,
      leadLeaderId: v.leadLeaderId ?? null,
      leadUnitId: v.leadUnitId ?? '',
      cooperatingUnitIds: v.cooperatingUnitIds ?? [],
      start,
      deadline: d(v.span?.[1]),
      milestones: (v.milestones ?? []).map((m) => ({
        title: m.title ?? '',
        due: d(m.due),
        ...(m.weight != null ? { weight: m.weight } : {}),
      })),
      cadence:
        v.cadenceKind === 'none'
          ? null
          : v.cadenceKind === 'every_n_days'
            ? { kind: 'every_n_days', days: v.cadenceDays ?? 0, firstDue: d(v.cadenceFirstDue) }
            : { kind: v.cadenceKind, firstDue: d(v.cadenceFirstDue) },
      weight: v.weight ?? null,
    };
    setSaving(true);
    try {
      const task = await supervisionApi.createTask(body);
      message.success(preset?.parentId ? '子任务已分解下达' : '任务已交办');
      onCreated(task);
    } catch (e) {
      const rest = applyServerErrors(form, e, KNOWN, (p) => {
        if (p[0] === 'start' || p[0] === 'deadline') return ['span'];
        if (p[0] === 'cadence')
          return [p[1] === 'days' ? 'cadenceDays' : p[1] === 'firstDue' ? 'cadenceFirstDue' : 'cadenceKind'];
        return p;
      });
      setOther(rest);
      setFailure(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const title = preset?.parentId ? '任务分解：新建子任务' : preset?.itemId ? '转为任务' : '新建任务';
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      width={640}
      destroyOnHidden
      data-testid="task-form-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="task-form-submit">
            交办
          </Button>
        </Space>
      }
    >
      {preset?.context && (
        <Alert
          type="info"
          showIcon
          message={preset.context}
          style={{ marginBottom: 16 }}
          data-testid="task-form-context"
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={failure}
          description={
            other.length
              ? other.map((e) => (
                  <div key={e.field + e.message}>
                    {e.field}：{e.message}
                  </div>
                ))
              : undefined
          }
          data-testid="task-form-error"
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="task-form">
        <Form.Item name="kind" label="类型">
          <Radio.Group
            optionType="button"
            options={(['task', 'key_project'] as const).map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }))}
            data-testid="task-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="任务名称"
          rules={[{ required: true, whitespace: true, message: '请填写任务名称' }, { max: 200 }]}
        >
          <Input placeholder="如：完成老旧小区改造一期" data-testid="task-form-title" />
        </Form.Item>
        <Form.Item name="description" label="任务要求">
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="task-form-description" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="leadLeaderId" label="牵头领导">
              <LeaderSelect style={{ width: '100%' }} data-testid="task-form-leader" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="leadUnitId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
              <UnitPicker
                byName
                placeholder="选择牵头单位"
                style={{ width: '100%' }}
                data-testid="task-form-lead-unit"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="cooperatingUnitIds" label="配合单位">
          <UnitPicker
            byName
            multiple
            placeholder="可多选"
            style={{ width: '100%' }}
            data-testid="task-form-coop-units"
          />
        </Form.Item>
        <Form.Item
          name="span"
          label="开始日期 — 完成时限"
          rules={[
            {
              required: true,
              validator: (_, v?: Values['span']) =>
                v?.[0] && v?.[1] ? Promise.resolve() : Promise.reject(new Error('请选择开始日期和完成时限')),
            },
          ]}
        >
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            placeholder={['开始日期', '完成时限']}
            allowEmpty={[true, true]}
            data-testid="task-form-span"
          />
        </Form.Item>
        <Form.Item label="时间节点" required={false}>
          <Form.List name="milestones">
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="task-form-milestones">
                {fields.map((f, i) => (
                  <Space
                    key={f.key}
                    align="baseline"
                    style={{ display: 'flex', marginBottom: 4 }}
                    data-testid="task-form-milestone"
                  >
                    <Typography.Text
                      type="secondary"
                      style={{ display: 'inline-block', minWidth: 24, whiteSpace: 'nowrap' }}
                    >
                      {i + 1}.
                    </Typography.Text>
                    <Form.Item
                      name={[f.name, 'title']}
                      rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}
                    >
                      <Input placeholder="节点名称" style={{ width: 230 }} data-testid="milestone-title" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'due']} rules={[{ required: true, message: '请选择日期' }]}>
                      <DatePicker placeholder="完成日期" data-testid="milestone-due" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']}>
                      <InputNumber
                        min={0}
                        max={1000}
                        placeholder="权重"
                        style={{ width: 80 }}
                        data-testid="milestone-weight"
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除节点" />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  data-testid="task-form-add-milestone"
                >
                  添加时间节点
                </Button>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="cadenceKind" label="进度报送周期">
            <Select
              style={{ width: 140 }}
              options={[
                { value: 'none', label: '不定期' },
                ...(['weekly', 'monthly', 'every_n_days'] as const).map((k) => ({
                  value: k,
                  label: CADENCE_LABELS[k],
                })),
              ]}
              data-testid="task-form-cadence"
            />
          </Form.Item>
          {cadenceKind === 'every_n_days' && (
            <Form.Item name="cadenceDays" label="间隔天数" rules={[{ required: true, message: '请填写天数' }]}>
              <InputNumber
                min={1}
                max={366}
                addonAfter="天"
                style={{ width: 120 }}
                data-testid="task-form-cadence-days"
              />
            </Form.Item>
          )}
          {cadenceKind && cadenceKind !== 'none' && (
            <Form.Item name="cadenceFirstDue" label="首次报送截止" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker data-testid="task-form-cadence-first" />
            </Form.Item>
          )}
          <Form.Item name="weight" label="权重" tooltip="作为子任务时在上级任务进度中的权重；不填则平均计算">
            <InputNumber min={0} max={1000} style={{ width: 100 }} data-testid="task-form-weight" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
