import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiCursorList } from '../../../lib/query';
import { measuresApi, type MeasureQuery, type MeasureStatus, type MeasureSummary } from '../api';
import { CompletenessCard } from '../components/CompletenessCard';
import { StartMeasureModal } from '../components/StartMeasureModal';
import {
  FOLLOW_UP_STATUS_COLORS,
  FOLLOW_UP_STATUS_NAMES,
  MEASURE_STATUS_COLORS,
  MEASURE_STATUS_NAMES,
  MEASURE_TYPE_NAMES,
  OWNER_ROLE_NAMES,
  rateText,
} from '../labels';
import { seesOwnedOnly } from '../../../../../src/contracts/measures';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function MeasureListPage() {
  const me = useMe();
  const navigate = useNavigate();
  // The filters live in the address, so the dashboard's 在管人数 of an area opens here filtered
  // (/measures?unitId=…) and a filtered list can be sent; no status means 进行中, status=all every one.
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const query = useMemo<MeasureQuery>(
    () => ({
      unitId: params.get('unitId') || undefined,
      status: statusParam === 'all' ? undefined : ((statusParam as MeasureStatus | null) ?? 'open'),
      q: params.get('q') || undefined,
    }),
    [params, statusParam],
  );
  // The completeness card's period (the dashboard's 随访完成率 of a period opens with from/to); both
  // days or none — none counts every follow-up to date.
  const [from, to] = [params.get('from'), params.get('to')];
  const period = from && to && DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : undefined;
  const setPeriod = (p: { from: string; to: string } | undefined) => {
    const next = new URLSearchParams(params);
    if (p) {
      next.set('from', p.from);
      next.set('to', p.to);
    } else {
      next.delete('from');
      next.delete('to');
    }
    setParams(next, { replace: true });
  };
  const setQuery = (next: MeasureQuery) => {
    const p = new URLSearchParams(params);
    const set = (k: string, v: string | undefined) => (v ? p.set(k, v) : p.delete(k));
    set('unitId', next.unitId);
    set('status', next.status === 'open' ? undefined : (next.status ?? 'all'));
    set('q', next.q);
    setParams(p, { replace: true });
  };
  const [starting, setStarting] = useState(false);
  const list = useApiCursorList(['measures', 'list', query], (cursor, signal) =>
    measuresApi.list(query, cursor, signal),
  );
  const canManage = me.permissions.includes('measure.manage');
  // The 民警 and the 医生 see the measures they own: no unit to pick, no completeness by community.
  const ownedOnly = seesOwnedOnly(me.roles);

  const columns: TableColumnsType<MeasureSummary> = [
    {
      title: '管控对象',
      key: 'subject',
      width: 110,
      render: (_: unknown, r) => (
        <Link to={`/measures/${r.id}`} data-testid="measure-link">
          {r.subject.name}
        </Link>
      ),
    },
    { title: '社区', key: 'community', width: 100, render: (_: unknown, r) => r.community.name },
    { title: '措施', key: 'type', width: 110, render: (_: unknown, r) => MEASURE_TYPE_NAMES[r.type] },
    {
      title: '期限',
      key: 'window',
      width: 170,
      render: (_: unknown, r) => (
        <>
          {r.startDay} 至 {r.endDay}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            共 {r.lengthDays} 天
          </Typography.Text>
        </>
      ),
    },
    {
      title: '四包一',
      key: 'owners',
      render: (_: unknown, r) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {r.owners.map((o) => `${OWNER_ROLE_NAMES[o.role]}：${o.name}`).join('；')}
        </Typography.Text>
      ),
    },
    {
      title: '今日随访',
      key: 'today',
      width: 90,
      render: (_: unknown, r) =>
        r.today ? (
          <StatusTag status={r.today} colors={FOLLOW_UP_STATUS_COLORS} names={FOLLOW_UP_STATUS_NAMES} />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '随访完成',
      key: 'rate',
      width: 100,
      render: (_: unknown, r) => (
        <Tooltip title={`已见到 ${r.seen} 次 / 应随访 ${r.due} 次`}>
          <span>{rateText(r.seen, r.due)}</span>
        </Tooltip>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, r) => (
        <StatusTag status={r.status} colors={MEASURE_STATUS_COLORS} names={MEASURE_STATUS_NAMES} />
      ),
    },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {!ownedOnly && <CompletenessCard unitId={query.unitId} period={period} onPeriodChange={setPeriod} />}
      <Card
        title={ownedOnly ? '我负责的居家措施' : '居家措施'}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setStarting(true)}
              data-testid="measure-start"
            >
              采取措施
            </Button>
          )
        }
      >
        <Space wrap size={12} style={{ marginBottom: 12 }}>
          {!ownedOnly && (
            <UnitPicker
              placeholder="全部辖区"
              allowClear
              style={{ width: 220 }}
              value={query.unitId}
              onChange={(unitId) => setQuery({ ...query, unitId })}
            />
          )}
          <Select<MeasureStatus>
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            value={query.status}
            onChange={(status) => setQuery({ ...query, status })}
            options={(Object.keys(MEASURE_STATUS_NAMES) as MeasureStatus[]).map((s) => ({
              value: s,
              label: MEASURE_STATUS_NAMES[s],
            }))}
            data-testid="measure-filter-status"
          />
          <Input.Search
            allowClear
            placeholder="管控对象姓名"
            style={{ width: 200 }}
            defaultValue={query.q}
            onSearch={(q) => setQuery({ ...query, q: q.trim() || undefined })}
          />
        </Space>
        <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
        <Table<MeasureSummary>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.items}
          data-testid="measure-table"
          pagination={{
            pageSize: 10,
            showSizeChanger: false,
            showTotal: (n) => (list.nextCursor ? `已加载 ${n} 人` : `共 ${n} 人`),
          }}
        />
        {list.nextCursor && (
          <div style={{ textAlign: 'center', marginTop: 8 }}>
            <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="measure-load-more">
              加载更多
            </Button>
          </div>
        )}
      </Card>
      {starting && (
        <StartMeasureModal
          onClose={() => setStarting(false)}
          onStarted={(m) => {
            setStarting(false);
            navigate(`/measures/${m.id}`);
          }}
        />
      )}
    </Space>
  );
}
