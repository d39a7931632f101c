import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { accountsApi, type Account } from '../../accounts/api';
import { UnitPicker } from '../../org/components/UnitPicker';
import { proposalsApi, type Assignment, type Opinion, type OpinionCommand, type OpinionStatus } from '../api';
import { formatAt, OPINION_COLORS } from '../labels';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { ErrorAlert } from '../../../components/ErrorAlert';

type Dialog =
  | { kind: 'assign' }
  | { kind: 'visit'; a: Assignment }
  | { kind: 'opinion'; a: Assignment }
  | { kind: OpinionCommand; o: Opinion };

const TITLES: Record<Dialog['kind'], string> = {
  assign: '选派民主监督员',
  visit: '记录走访',
  opinion: '提出意见',
  track: '转为跟踪事项',
  answer: '答复',
  close: '办结',
  reopen: '重新办理',
};
const OPINION_NAMES: Record<OpinionStatus, string> = {
  recorded: '已记录',
  open: '跟踪办理',
  answered: '已答复',
  done: '已办结',
};
const ymd = (d?: Dayjs) => d?.format('YYYY-MM-DD');

function DialogModal({ dialog, onClose, onDone }: { dialog: Dialog | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const accounts = useApiQuery(['accounts', 'list', {}], (signal) => accountsApi.list({}, signal), undefined, {
    enabled: dialog?.kind === 'assign',
  });
  const supervisors: Account[] = (accounts.data?.items ?? []).filter((a) => a.roles.includes('democratic_supervisor'));
  useEffect(() => {
    form.resetFields();
  }, [dialog, form]);
  if (!dialog) return null;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      if (dialog.kind === 'assign')
        await proposalsApi.assignSupervisor({
          supervisorUsername: v.supervisorUsername,
          unitId: v.unitId,
          termStart: ymd(v.term[0])!,
          termEnd: ymd(v.term[1])!,
        });
      else if (dialog.kind === 'visit')
        await proposalsApi.visit(dialog.a.id, { visitedOn: ymd(v.visitedOn)!, notes: v.notes });
      else if (dialog.kind === 'opinion')
        await proposalsApi.opinion(dialog.a.id, {
          text: v.text,
          visitId: v.visitId,
          ...(v.track ? { responsibleUnitId: v.responsibleUnitId, deadline: ymd(v.deadline) } : {}),
        });
      else {
        const body: Record<string, unknown> = { expectedVersion: dialog.o.version };
        if (dialog.kind === 'track')
          Object.assign(body, { responsibleUnitId: v.responsibleUnitId, deadline: ymd(v.deadline) });
        if (dialog.kind === 'answer') body.reply = v.reply;
        if ((dialog.kind === 'close' || dialog.kind === 'reopen') && v.comment) body.comment = v.comment;
        await proposalsApi.opinionCommand(dialog.o.id, dialog.kind, body);
      }
      message.success(`已${TITLES[dialog.kind]}`);
      onDone();
    } catch (e) {
      const rest = applyFieldErrors(form, e, [
        'supervisorUsername',
        'unitId',
        'visitedOn',
        'notes',
        'text',
        'visitId',
        'responsibleUnitId',
        'deadline',
        'reply',
        'comment',
      ]);
      message.error(rest.length ? `${errorText(e)}：${rest.map((x) => x.message).join('；')}` : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const trackFields = (
    <>
      <Form.Item name="responsibleUnitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
        <UnitPicker placeholder="选择责任单位" />
      </Form.Item>
      <Form.Item name="deadline" label="办理期限" rules={[{ required: true, message: '请选择办理期限' }]}>
        <DatePicker />
      </Form.Item>
    </>
  );
  return (
    <Modal
      open
      title={TITLES[dialog.kind]}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText="提交"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {dialog.kind === 'assign' && (
          <>
            <Form.Item
              name="supervisorUsername"
              label="民主监督员"
              rules={[{ required: true, message: '请选择民主监督员' }]}
            >
              <Select
                options={supervisors.map((a) => ({ value: a.username, label: `${a.displayName}（${a.username}）` }))}
              />
            </Form.Item>
            <Form.Item name="unitId" label="监督单位" rules={[{ required: true, message: '请选择单位' }]}>
              <UnitPicker placeholder="选择单位" />
            </Form.Item>
            <Form.Item name="term" label="任期" rules={[{ required: true, message: '请选择任期' }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'visit' && (
          <>
            <Form.Item label="单位">{dialog.a.unit.name}</Form.Item>
            <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="notes" label="走访情况" rules={[{ required: true, message: '请填写走访情况' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'opinion' && (
          <>
            <Form.Item label="单位">{dialog.a.unit.name}</Form.Item>
            <Form.Item name="visitId" label="对应走访（可选）">
              <Select
                allowClear
                options={dialog.a.visits.map((x) => ({ value: x.id, label: `${x.visitedOn} ${x.notes.slice(0, 20)}` }))}
              />
            </Form.Item>
            <Form.Item name="text" label="意见建议" rules={[{ required: true, message: '请填写意见' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="track" valuePropName="checked">
              <Checkbox>转为跟踪事项</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.track !== b.track}>
              {() => (form.getFieldValue('track') ? trackFields : null)}
            </Form.Item>
          </>
        )}
        {'o' in dialog && <Typography.Paragraph type="secondary">{dialog.o.text}</Typography.Paragraph>}
        {dialog.kind === 'track' && trackFields}
        {dialog.kind === 'answer' && (
          <Form.Item name="reply" label="答复" rules={[{ required: true, message: '请填写答复' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        )}
        {(dialog.kind === 'close' || dialog.kind === 'reopen') && (
          <Form.Item
            name="comment"
            label={dialog.kind === 'close' ? '办结说明' : '重新办理的理由'}
            rules={dialog.kind === 'reopen' ? [{ required: true, message: '请说明理由' }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function SupervisionPage() {
  const { can } = useAuth();
  const [filter, setFilter] = useState<{ status?: OpinionStatus; overdue?: boolean }>({});
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useApiQuery(['proposals', 'supervision', filter], async (signal) => {
    const [a, o] = await Promise.all([proposalsApi.assignments(signal), proposalsApi.opinions(filter, signal)]);
    return { assignments: a.items, opinions: o.items };
  });
  const assignments: Assignment[] = query.data?.assignments ?? [];
  const opinions: Opinion[] = query.data?.opinions ?? [];
  const error = query.error ? errorText(query.error) : null;
  const invalidate = useInvalidate();
  const load = () => invalidate(['proposals']);
  const overdueCount = opinions.filter((o) => o.overdue).length;
  const visitor = can('supervisor.visit');

  return (
    <Card
      title="民主监督"
      extra={
        can('proposal.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'assign' })}>
            选派民主监督员
          </Button>
        )
      }
    >
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Tabs
        items={[
          {
            key: 'assignments',
            label: visitor ? `我的选派（${assignments.length}）` : `选派情况（${assignments.length}）`,
            children: (
              <Table<Assignment>
                rowKey="id"
                size="middle"
                pagination={false}
                dataSource={assignments}
                data-testid="supervisor-assignments"
                expandable={{
                  expandedRowRender: (a) => (
                    <List
                      size="small"
                      header="走访记录"
                      dataSource={a.visits}
                      locale={{ emptyText: '尚无走访' }}
                      renderItem={(v) => (
                        <List.Item>
                          <Space align="start">
                            <Tag>{v.visitedOn}</Tag>
                            {v.notes}
                          </Space>
                        </List.Item>
                      )}
                    />
                  ),
                }}
                columns={[
                  { title: '民主监督员', key: 'sup', render: (_: unknown, a) => a.supervisor.name },
                  { title: '监督单位', key: 'unit', render: (_: unknown, a) => a.unit.name },
                  {
                    title: '任期',
                    key: 'term',
                    render: (_: unknown, a) => (
                      <Space>
                        {`${a.termStart} 至 ${a.termEnd}`}
                        {a.active ? <Tag color="green">任期内</Tag> : <Tag>不在任期</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: '走访',
                    key: 'visits',
                    align: 'right' as const,
                    render: (_: unknown, a) => `${a.visits.length} 次`,
                  },
                  {
                    title: '',
                    key: 'op',
                    width: 200,
                    render: (_: unknown, a) =>
                      a.mine &&
                      visitor && (
                        <Space>
                          <Button size="small" onClick={() => setDialog({ kind: 'visit', a })}>
                            记录走访
                          </Button>
                          <Button size="small" onClick={() => setDialog({ kind: 'opinion', a })}>
                            提出意见
                          </Button>
                        </Space>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'opinions',
            label: (
              <span>
                意见跟踪（{opinions.length}）
                {overdueCount > 0 && (
                  <Tag color="error" style={{ marginLeft: 6 }}>
                    逾期 {overdueCount}
                  </Tag>
                )}
              </span>
            ),
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <Select<OpinionStatus | 'all'>
                    style={{ width: 140 }}
                    value={filter.status ?? 'all'}
                    onChange={(v) => setFilter({ ...filter, status: v === 'all' ? undefined : v })}
                    options={[
                      { value: 'all', label: '全部状态' },
                      ...(Object.keys(OPINION_NAMES) as OpinionStatus[]).map((s) => ({
                        value: s,
                        label: OPINION_NAMES[s],
                      })),
                    ]}
                  />
                  <Checkbox
                    checked={!!filter.overdue}
                    onChange={(e) => setFilter({ ...filter, overdue: e.target.checked || undefined })}
                  >
                    只看逾期
                  </Checkbox>
                </Space>
                <Table<Opinion>
                  rowKey="id"
                  size="middle"
                  pagination={{ pageSize: 20 }}
                  dataSource={opinions}
                  data-testid="supervisor-opinions"
                  expandable={{
                    expandedRowRender: (o) => (
                      <Timeline
                        items={o.history.map((h) => ({
                          children: (
                            <Space>
                              <Typography.Text strong>
                                {{
                                  record: '记录意见',
                                  track: '转为跟踪事项',
                                  answer: '单位答复',
                                  close: '办结',
                                  reopen: '重新办理',
                                }[h.type] ?? h.type}
                              </Typography.Text>
                              {h.by}
                              <Typography.Text type="secondary">{formatAt(h.at)}</Typography.Text>
                              {h.text}
                            </Space>
                          ),
                        }))}
                      />
                    ),
                  }}
                  columns={[
                    { title: '意见', dataIndex: 'text', key: 'text' },
                    { title: '监督单位', dataIndex: 'unitName', key: 'unit', width: 150 },
                    {
                      title: '提出',
                      key: 'by',
                      width: 150,
                      render: (_: unknown, o) => `${o.supervisorName} ${o.recordedOn}`,
                    },
                    {
                      title: '责任单位',
                      key: 'resp',
                      width: 150,
                      render: (_: unknown, o) => o.responsibleUnit?.name ?? '—',
                    },
                    {
                      title: '期限',
                      dataIndex: 'deadline',
                      key: 'deadline',
                      width: 110,
                      render: (v: string | null, o) =>
                        v ? <Typography.Text type={o.overdue ? 'danger' : undefined}>{v}</Typography.Text> : '—',
                    },
                    {
                      title: '状态',
                      key: 'status',
                      width: 120,
                      render: (_: unknown, o) => (
                        <Space size={4}>
                          <Tag color={OPINION_COLORS[o.status]}>{o.statusName}</Tag>
                          {o.overdue && <Tag color="error">逾期</Tag>}
                        </Space>
                      ),
                    },
                    { title: '答复', dataIndex: 'reply', key: 'reply', render: (v: string | null) => v ?? '—' },
                    {
                      title: '',
                      key: 'op',
                      width: 170,
                      render: (_: unknown, o) => (
                        <Space wrap>
                          {o.allowedActions.map((c) => (
                            <Button key={c} size="small" onClick={() => setDialog({ kind: c, o })}>
                              {TITLES[c]}
                            </Button>
                          ))}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <DialogModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          void load();
        }}
      />
    </Card>
  );
}
