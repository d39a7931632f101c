import { App, Alert, Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { XlsxButton } from '../../../components/XlsxButton';
import { useXlsxImport, XlsxDropZone } from '../../../components/XlsxImport';
import { useAuth } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { screeningApi, SCR, type Campaign, type Check, type ChecksImported } from '../api';
import { CHECK_STATUS_NAMES, ROUTED_BY_NAMES, timeLeftText } from '../labels';

type Filter = 'pending' | 'overdue' | 'answered' | 'all';

/** 24小时协查: the items pushed down from above, soonest due first, answered by the owning community. */
export function ChecksTab({ campaign }: { campaign: Campaign }) {
  const { can } = useAuth();
  const [filter, setFilter] = useState<Filter>('pending');
  const [offset, setOffset] = useState(0);
  const [answering, setAnswering] = useState<Check | null>(null);
  const [routing, setRouting] = useState<Check | null>(null);
  const [importing, setImporting] = useState(false);
  const query = {
    ...(filter === 'pending' ? { status: 'pending' as const } : {}),
    ...(filter === 'overdue' ? { overdue: 'true' as const } : {}),
    offset,
    limit: 10,
  };
  const page = useApiQuery([SCR, 'checks', campaign.id, query], (s) => screeningApi.checks(campaign.id, query, s));
  const items = (page.data?.items ?? []).filter((c) => filter !== 'answered' || c.status !== 'pending');
  const open = campaign.status === 'open';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Radio.Group
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setOffset(0);
          }}
          optionType="button"
          options={[
            { value: 'pending', label: '待核查' },
            { value: 'overdue', label: '已超时' },
            { value: 'all', label: '全部' },
          ]}
        />
        {campaign.canManage && open && (
          <Button onClick={() => setImporting(true)} data-testid="scr-import">
            下发协查名单
          </Button>
        )}
      </Space>
      <ErrorAlert error={page.error} />
      <Table<Check>
        size="small"
        rowKey="id"
        loading={page.loading}
        dataSource={items}
        data-testid="scr-checks"
        pagination={{
          current: offset / 10 + 1,
          pageSize: 10,
          total: page.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p) => setOffset((p - 1) * 10),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 80 },
          { title: '身份证号', dataIndex: 'idNumber', width: 160 },
          { title: '批次', dataIndex: 'batchName', width: 130, ellipsis: true },
          {
            title: '核查单位',
            width: 140,
            render: (_, c) => (
              <Space size={4}>
                {c.owner.name}
                {c.routedBy === 'scope' && <Tag color="orange">{ROUTED_BY_NAMES.scope}</Tag>}
              </Space>
            ),
          },
          { title: '下发时间', width: 125, render: (_, c) => formatDateTime(c.pushedAt) },
          {
            title: '时限',
            width: 150,
            render: (_, c) =>
              c.status === 'pending' ? (
                <Typography.Text type={c.overdue ? 'danger' : undefined} data-testid="scr-time-left">
                  {timeLeftText(c.minutesLeft)}
                </Typography.Text>
              ) : c.overdue ? (
                <Tag color="red">超时答复</Tag>
              ) : (
                <Tag color="green">按时答复</Tag>
              ),
          },
          {
            title: '结果',
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <span>
                  {CHECK_STATUS_NAMES[c.status]}
                  {c.escalation > 0 && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      {c.escalation === 1 ? '已报街道' : '已报区'}
                    </Tag>
                  )}
                </span>
                {c.answerNote && <Typography.Text type="secondary">{c.answerNote}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 110,
            render: (_, c) =>
              c.status === 'pending' && open ? (
                <Space size={0}>
                  {can('screening.write') && c.routedBy !== 'scope' && (
                    <Button type="link" size="small" onClick={() => setAnswering(c)} data-testid="scr-answer">
                      答复
                    </Button>
                  )}
                  {campaign.canManage && (
                    <Button type="link" size="small" onClick={() => setRouting(c)}>
                      分派
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <AnswerModal campaign={campaign} check={answering} onClose={() => setAnswering(null)} />
      <RouteModal check={routing} onClose={() => setRouting(null)} />
      <ImportModal campaign={campaign} open={importing} onClose={() => setImporting(false)} />
    </Space>
  );
}

interface AnswerValues {
  status: 'found' | 'not_found' | 'not_in_district' | 'moved_on';
  note?: string;
  gridId?: string;
}

function AnswerModal({ campaign, check, onClose }: { campaign: Campaign; check: Check | null; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<AnswerValues>();
  const status = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const submit = async (v: AnswerValues) => {
    if (!check) return;
    setBusy(true);
    try {
      await screeningApi.answer(check.id, { status: v.status, note: v.note || null, gridId: v.gridId ?? null });
      message.success('已答复');
      await invalidate([SCR]);
      form.resetFields();
      onClose();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!check}
      title={`答复协查：${check?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="scr-answer-modal"
    >
      {check && (
        <Typography.Paragraph type="secondary">
          {check.idNumber} · {check.remark ?? ''} · {timeLeftText(check.minutesLeft)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'found' }}>
        <Form.Item name="status" label="核查结果">
          <Radio.Group
            options={(['found', 'not_found', 'not_in_district', 'moved_on'] as const).map((s) => ({
              value: s,
              label: CHECK_STATUS_NAMES[s],
            }))}
          />
        </Form.Item>
        {status === 'found' && (
          <Form.Item name="gridId" label="所在网格（本区居民台账中有此人的可不选）">
            <UnitPicker selectableKinds={['grid_small']} placeholder="选择网格" allowClear />
          </Form.Item>
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea maxLength={500} placeholder="如：已入户核实，居家" />
        </Form.Item>
        {status === 'found' && (
          <Typography.Text type="secondary">已找到的人员将列入「{campaign.name}」排查对象。</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

function RouteModal({ check, onClose }: { check: Check | null; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [unitId, setUnitId] = useState<string | undefined>();
  const submit = async () => {
    if (!check || !unitId) return;
    try {
      await screeningApi.route(check.id, unitId);
      message.success('已分派');
      await invalidate([SCR]);
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal
      open={!!check}
      title={`分派协查：${check?.name ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !unitId }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">分派后时限不变，仍为下发后 24 小时。</Typography.Paragraph>
      <UnitPicker
        selectableKinds={['community', 'village']}
        value={unitId}
        onChange={setUnitId}
        placeholder="选择社区"
        style={{ width: '100%' }}
      />
    </Modal>
  );
}

function ImportModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [batch, setBatch] = useState('');
  const state = useXlsxImport(screeningApi.importChecks(campaign.id, batch), async (r: ChecksImported) => {
    message.success(`已下发 ${r.count} 人`);
    await invalidate([SCR]);
  });
  const close = () => {
    state.reset();
    onClose();
  };
  return (
    <Modal open={open} title="下发协查名单" footer={null} onCancel={close} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        每行一人，姓名和身份证号必填。本区居民台账中有此人的，自动分派至其住户所在社区；否则按“社区”列分派；都没有的留待人工分派。每条须在下发后
        24 小时内答复，逾期自动报街道，再逾 24 小时报区。任何一行有错则全部不导入。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <XlsxButton href={screeningApi.importTemplateUrl}>下载导入模板</XlsxButton>
        <Input
          placeholder="批次名称，如：市指挥部第14批协查"
          value={batch}
          onChange={(e) => setBatch(e.target.value)}
          style={{ width: 300 }}
          maxLength={100}
        />
      </Space>
      <XlsxDropZone state={state} testId="scr-import" failurePrefix="导入失败，未下发任何数据" />
      {state.result && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          message={`已下发 ${state.result.count} 人`}
          description={`按住户所在社区 ${state.result.routed.household} 人，按表中社区 ${state.result.routed.column} 人，待人工分派 ${state.result.routed.scope} 人。`}
        />
      )}
    </Modal>
  );
}
