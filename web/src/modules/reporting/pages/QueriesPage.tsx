import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { UnitPicker } from '../../org/components/UnitPicker';
import { reportingApi, type DataQuery, type Submission } from '../api';
import { FormSelect } from '../components/FormSelect';
import { periodLabel, periodOf } from '../labels';
import { useReportForms } from '../use-forms';
import { ErrorAlert } from '../../../components/ErrorAlert';

const STATUS: Record<DataQuery['status'], { text: string; color: string }> = {
  open: { text: '待答复', color: 'blue' },
  overdue: { text: '逾期未答复', color: 'red' },
  answered: { text: '已答复', color: 'green' },
  closed: { text: '已结束', color: 'default' },
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The thread of a query and, for the questioned unit, the answer box. */
function Thread({ q, onAnswered }: { q: DataQuery; onAnswered(): void }) {
  const { message } = App.useApp();
  const [answer, setAnswer] = useState('');
  const [saving, setSaving] = useState(false);
  const send = async () => {
    setSaving(true);
    try {
      await reportingApi.answerQuery(q.id, answer.trim());
      message.success('已答复');
      setAnswer('');
      onAnswered();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ maxWidth: 760 }} data-testid="query-thread">
      <Timeline
        items={q.thread.map((m) => ({
          color: m.kind === 'question' ? 'blue' : 'green',
          children: (
            <>
              <Typography.Text strong>
                {m.kind === 'question' ? '核查' : '答复'} · {m.author}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {dayjs(m.at).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
            </>
          ),
        }))}
      />
      {q.canAnswer && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="填写核实情况"
            data-testid="query-answer-input"
          />
          <Button
            type="primary"
            loading={saving}
            disabled={!answer.trim()}
            onClick={() => void send()}
            data-testid="query-answer-send"
          >
            答复
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}

/** 发起核查: find a unit's report for a period, pick the questioned figure, ask. */
function AskModal({ open, onClose, onAsked }: { open: boolean; onClose(): void; onAsked(): void }) {
  const { message } = App.useApp();
  const { forms } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  const [day, setDay] = useState<Dayjs>(() => dayjs().subtract(1, 'day'));
  const [field, setField] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [saving, setSaving] = useState(false);
  const form = forms?.find((f) => f.id === formId);
  useEffect(() => {
    if (forms?.length && !formId) setFormId(forms[0].id);
  }, [forms, formId]);
  const period = form ? periodOf(form.periodType, day) : null;
  const found = useApiQuery(
    ['reporting', 'submission', form?.id ?? null, unitId ?? null, period],
    (signal) => reportingApi.submission(form!.id, { unitId: unitId!, period: period! }, signal),
    undefined,
    { enabled: !!form && !!unitId, keepPrevious: false },
  );
  const sub: Submission | null = (form && unitId && found.data) || null;
  const lookup = found.error
    ? found.error.status === 404
      ? '该单位在此报告期没有报告'
      : errorText(found.error)
    : null;
  useEffect(() => setField(null), [form, unitId, day]);
  const ask = async () => {
    if (!sub) return;
    setSaving(true);
    try {
      await reportingApi.askQuery(sub.id, { field, question: question.trim() });
      message.success('已发起核查，被核查单位须在 24 小时内答复');
      setQuestion('');
      onAsked();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="发起数据核查"
      open={open}
      onCancel={onClose}
      width={680}
      destroyOnHidden
      okText="发起核查"
      okButtonProps={{ disabled: !sub || question.trim().length < 2, loading: saving }}
      onOk={() => void ask()}
    >
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label="报表">
            <FormSelect forms={forms} value={formId} onChange={setFormId} />
          </Form.Item>
          <Form.Item label="报告期">
            <DatePicker
              value={day}
              allowClear={false}
              onChange={(d) => d && setDay(d)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              picker={form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date'}
            />
          </Form.Item>
        </Space>
        <Form.Item label="被核查单位">
          <UnitPicker
            value={unitId}
            onChange={setUnitId}
            placeholder="选择报送单位"
            style={{ width: '100%' }}
            data-testid="query-ask-unit"
          />
        </Form.Item>
        {lookup && <Alert type="info" showIcon message={lookup} style={{ marginBottom: 12 }} />}
        {sub && form && (
          <>
            <Descriptions
              size="small"
              bordered
              column={2}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'period', label: '报告期', children: periodLabel(sub.period) },
                {
                  key: 'at',
                  label: '报送时间',
                  children: `${dayjs(sub.submittedAt).format('YYYY-MM-DD HH:mm')}${sub.late ? '（迟报）' : ''}`,
                },
                ...(sub.zero
                  ? [{ key: 'zero', label: '内容', children: '零报告（今日无新增）' }]
                  : form.fields
                      .filter((f) => f.type !== 'table')
                      .map((f) => ({ key: f.code, label: f.label, children: show(sub.values?.[f.code]) }))),
              ]}
            />
            <Form.Item label="核查的指标">
              <Select
                allowClear
                placeholder="整份报告"
                value={field ?? undefined}
                onChange={(v) => setField(v ?? null)}
                options={form.fields
                  .filter((f) => f.type !== 'table')
                  .map((f) => ({
                    value: f.code,
                    label: `${f.label}（${sub.zero ? '0' : show(sub.values?.[f.code])}）`,
                  }))}
                data-testid="query-ask-field"
              />
            </Form.Item>
            <Form.Item label="核查内容">
              <Input.TextArea
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
                maxLength={2000}
                autoSize={{ minRows: 3 }}
                placeholder="例如：返乡人数比昨日多 30 人，请核实"
                data-testid="query-ask-question"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 24小时数据核查: queries in my scope; the level above asks, the unit answers in the thread within 24 hours. */
export default function QueriesPage() {
  const [status, setStatus] = useState<string>('open');
  const [asking, setAsking] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const filter = { status: status === 'all' ? undefined : status };
  const list = useApiQuery(
    ['reporting', 'queries', filter],
    (signal) => reportingApi.queries(filter, signal),
    undefined,
    {
      toastError: true,
    },
  );
  const items: DataQuery[] | null = list.error ? [] : (list.data?.items ?? null);
  const error = list.error ? errorText(list.error) : null;
  const invalidate = useInvalidate();
  const load = () => invalidate(['reporting', 'queries']);
  // The threads of queries still waiting for an answer are open from the start (and after each reload).
  useEffect(() => {
    const open = (list.data?.items ?? []).filter((q) => q.status === 'open' || q.status === 'overdue');
    setExpanded(open.map((q) => q.id));
  }, [list.data]);

  const columns: TableColumnsType<DataQuery> = [
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (s: DataQuery['status'], q) => (
        <Space size={4}>
          <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>
          {q.answeredLate && <Tag color="orange">超时答复</Tag>}
        </Space>
      ),
    },
    { title: '报表', dataIndex: 'formName', key: 'formName' },
    { title: '单位', dataIndex: 'unitName', key: 'unitName' },
    { title: '报告期', dataIndex: 'period', key: 'period', render: (p: string) => periodLabel(p) },
    {
      title: '核查指标',
      key: 'field',
      render: (_, q) => (q.fieldLabel ? `${q.fieldLabel}：${show(q.value)}` : '整份报告'),
    },
    { title: '发起时间', dataIndex: 'askedAt', key: 'askedAt', render: (t: string) => dayjs(t).format('MM-DD HH:mm') },
    {
      title: '答复期限',
      dataIndex: 'dueAt',
      key: 'dueAt',
      render: (t: string, q) => (
        <Typography.Text
          type={q.status === 'overdue' || (q.status === 'open' && dayjs(t).isBefore(dayjs())) ? 'danger' : undefined}
        >
          {dayjs(t).format('MM-DD HH:mm')}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      title="24小时数据核查"
      data-testid="reporting-queries-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAsking(true)} data-testid="query-ask">
            发起核查
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        上级单位对报送的数据提出核查，被核查单位须在 24
        小时内答复；逾期未答复的自动标为逾期并通知街道。答复和核查记录均保留。
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={[
          { value: 'open', label: '待答复' },
          { value: 'overdue', label: '逾期' },
          { value: 'answered', label: '已答复' },
          { value: 'all', label: '全部' },
        ]}
        data-testid="query-status"
      />
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Table<DataQuery>
        size="small"
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        columns={columns}
        expandable={{
          expandedRowRender: (q) => <Thread q={q} onAnswered={() => void load()} />,
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys),
        }}
        pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="没有核查" /> }}
        data-testid="query-table"
      />
      <AskModal
        open={asking}
        onClose={() => setAsking(false)}
        onAsked={() => {
          setAsking(false);
          setStatus('open');
          void load();
        }}
      />
    </Card>
  );
}
