import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import {
  proposalsApi,
  type ListQuery,
  type ProposalItem,
  type ProposalKind,
  type ProposalList,
  type ProposalStatus,
} from '../api';
import { RegisterModal } from '../components/RegisterModal';
import { SATISFACTION_COLORS, SATISFACTION_NAMES, STATUS_COLORS, STATUS_NAMES } from '../labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { XlsxButton } from '../../../components/XlsxButton';
import { StatusTag } from '../../../components/StatusTag';

const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

const STATUSES = Object.keys(STATUS_NAMES) as ProposalStatus[];

/**
 * The list's filters from the address. The year defaults to this year, except for 待我答复
 * (`toReply`, the 工作台's 待答复提案), which counts the replies owed of every year.
 */
function listQueryOf(p: URLSearchParams): ListQuery {
  const status = p.get('status') as ProposalStatus | null;
  const kind = p.get('kind');
  const toReply = p.get('toReply') === 'true' || undefined;
  return {
    year: Number(p.get('year')) || (toReply ? undefined : thisYear),
    toReply,
    status: status && STATUSES.includes(status) ? status : undefined,
    kind: kind === 'reply' || kind === 'implementation' ? kind : undefined,
    key: p.get('key') === 'true' || undefined,
    q: p.get('q') || undefined,
    supervisedByMe: p.get('supervisedByMe') === 'true' || undefined,
    replyOverdue: p.get('replyOverdue') === 'true' || undefined,
    unitId: p.get('unitId') || undefined,
  };
}

function paramsOf(q: ListQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && v !== false) p.set(k, String(v));
  return p;
}

export default function ProposalListPage() {
  const { can, me } = useAuth();
  const isLeader = !!me?.roles.includes('district_leader');
  const navigate = useNavigate();
  // The filters live in the address: the dashboard's 提案数 of an area opens here as
  // /proposals?year=…&unitId=…, and a filtered list can be sent on.
  const [params, setParams] = useSearchParams();
  const query = useMemo<ListQuery>(() => listQueryOf(params), [params]);
  const setQuery = (next: ListQuery) => setParams(paramsOf(next), { replace: true });
  const [registering, setRegistering] = useState(false);

  const list = useApiQuery(['proposals', 'list', query], (signal) => proposalsApi.list(query, signal));
  const data: ProposalList | null = list.data ?? null;
  const loading = list.loading;
  const error = list.error ? errorText(list.error) : null;

  const counts = data?.counts;
  const years = [...new Set([thisYear, ...(data?.years ?? [])])].sort((a, b) => b - a);
  const columns: TableColumnsType<ProposalItem> = [
    {
      title: '提案号',
      dataIndex: 'number',
      key: 'number',
      width: 100,
      render: (v: string, p) => <Link to={`/proposals/${p.id}`}>{v}</Link>,
    },
    {
      title: '案由',
      dataIndex: 'title',
      key: 'title',
      render: (v: string, p) => (
        <>
          {p.isKey && (
            <Tag color="red" icon={<StarFilled />}>
              重点
            </Tag>
          )}
          <Link to={`/proposals/${p.id}`}>{v}</Link>
        </>
      ),
    },
    {
      title: '提案人',
      dataIndex: 'proposerNames',
      key: 'proposers',
      width: 140,
      render: (v: string[]) => v.join('、'),
    },
    { title: '类别', dataIndex: 'category', key: 'category', width: 90 },
    {
      title: '主办单位',
      key: 'main',
      width: 170,
      render: (_: unknown, p) =>
        p.mainHandlers.map((u) => u.name).join('、') || <Typography.Text type="secondary">未交办</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: ProposalStatus) => <StatusTag status={s} colors={STATUS_COLORS} names={STATUS_NAMES} />,
    },
    {
      title: '类型',
      dataIndex: 'kindName',
      key: 'kind',
      width: 80,
      render: (v: string, p) =>
        p.status === 'registered' || p.status === 'assigned' ? (
          '—'
        ) : (
          <Tag color={p.kind === 'implementation' ? 'purple' : 'blue'}>{v}</Tag>
        ),
    },
    {
      title: '下一期限',
      key: 'nextDue',
      width: 130,
      sorter: (a, b) => (a.nextDue?.date ?? '9999').localeCompare(b.nextDue?.date ?? '9999'),
      render: (_: unknown, p) =>
        p.nextDue ? (
          <Typography.Text type={p.nextDue.overdue ? 'danger' : undefined}>
            {p.nextDue.date}
            <br />
            <span style={{ fontSize: 12 }}>
              {p.nextDue.what === 'reply' ? '答复' : '落实事项'}
              {p.nextDue.overdue ? '（逾期）' : ''}
            </span>
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: '落实事项',
      key: 'commitments',
      width: 90,
      align: 'center' as const,
      render: (_: unknown, p) => (p.commitments ? `${p.commitmentsDone}/${p.commitments}` : '—'),
    },
    {
      title: '评价',
      dataIndex: 'satisfaction',
      key: 'satisfaction',
      width: 90,
      render: (v: ProposalItem['satisfaction'], p) =>
        v ? (
          <StatusTag status={v} colors={SATISFACTION_COLORS} names={SATISFACTION_NAMES} />
        ) : p.rehandleCount ? (
          <Tag color="orange">重新办理</Tag>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="政协提案"
        extra={
          <Space>
            <Tooltip title="按当前筛选条件导出提案办理情况一览表">
              <XlsxButton href={proposalsApi.exportUrl(query)} data-testid="proposal-export">
                导出
              </XlsxButton>
            </Tooltip>
            {can('proposal.register') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRegistering(true)}
                data-testid="proposal-register"
              >
                登记提案
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap size={12} style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 110 }}
            value={query.year ?? 0}
            onChange={(year) => setQuery({ ...query, year: year || undefined })}
            options={[
              ...(query.toReply ? [{ value: 0, label: '全部年度' }] : []),
              ...years.map((y) => ({ value: y, label: `${y} 年` })),
            ]}
            data-testid="proposal-year"
          />
          <UnitPicker
            value={query.unitId}
            onChange={(unitId) => setQuery({ ...query, unitId })}
            placeholder="全部承办单位"
            style={{ width: 200 }}
            data-testid="proposal-unit"
          />
          <Segmented<ProposalStatus | 'all'>
            value={query.status ?? 'all'}
            onChange={(v) => setQuery({ ...query, status: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: `全部 ${counts?.total ?? ''}` },
              ...(Object.keys(STATUS_NAMES) as ProposalStatus[]).map((s) => ({
                value: s,
                label: `${STATUS_NAMES[s]} ${counts?.byStatus[s] ?? ''}`,
              })),
            ]}
            data-testid="proposal-status-filter"
          />
          <Select<ProposalKind | 'all'>
            style={{ width: 150 }}
            value={query.kind ?? 'all'}
            onChange={(v) => setQuery({ ...query, kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: '答复型与落实型' },
              { value: 'reply', label: `答复型 ${counts?.byKind.reply ?? ''}` },
              { value: 'implementation', label: `落实型 ${counts?.byKind.implementation ?? ''}` },
            ]}
          />
          <Checkbox
            checked={!!query.key}
            onChange={(e) => setQuery({ ...query, key: e.target.checked || undefined })}
            data-testid="proposal-key-filter"
          >
            只看重点提案 {counts ? `(${counts.key})` : ''}
          </Checkbox>
          {(can('proposal.handle') || query.toReply) && (
            <Checkbox
              checked={!!query.toReply}
              onChange={(e) => setQuery({ ...query, toReply: e.target.checked || undefined })}
              data-testid="proposal-to-reply-filter"
            >
              待我答复
            </Checkbox>
          )}
          <Checkbox
            checked={!!query.replyOverdue}
            onChange={(e) => setQuery({ ...query, replyOverdue: e.target.checked || undefined })}
            data-testid="proposal-overdue-filter"
          >
            <Typography.Text type={counts?.replyOverdue ? 'danger' : undefined}>
              答复逾期 {counts ? `(${counts.replyOverdue})` : ''}
            </Typography.Text>
          </Checkbox>
          {isLeader && (
            <Checkbox
              checked={!!query.supervisedByMe}
              onChange={(e) => setQuery({ ...query, supervisedByMe: e.target.checked || undefined })}
            >
              我牵头督办的
            </Checkbox>
          )}
          <Input.Search
            allowClear
            placeholder="提案号或案由"
            style={{ width: 220 }}
            defaultValue={query.q}
            onSearch={(q) => setQuery({ ...query, q: q.trim() || undefined })}
          />
        </Space>
        {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
        <Table<ProposalItem>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          data-testid="proposal-table"
        />
      </Card>
      <RegisterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(p) => {
          setRegistering(false);
          navigate(`/proposals/${p.id}`);
        }}
      />
    </Space>
  );
}
