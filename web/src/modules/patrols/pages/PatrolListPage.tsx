import { Card, Checkbox, DatePicker, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery } from '../../../lib/query';
import { patrolsApi, type Patrol, type PatrolKind, type PatrolQuery, type PatrolStatus } from '../api';
import { DayTracks } from '../components/DayTracks';
import {
  distanceText,
  durationText,
  PATROL_KIND_NAMES,
  PATROL_STATUS_COLORS,
  PATROL_STATUS_NAMES,
  shortTime,
} from '../labels';

const today = () => dayjs().format('YYYY-MM-DD');

function PatrolTable() {
  // The filters live in the address: the dashboard's 巡查次数 of an area and period opens here as
  // /patrols?unitId=…&from=…&to=…&kind=grid&status=ended; no period means the last 7 days.
  const [params, setParams] = useSearchParams();
  const query = useMemo<PatrolQuery>(
    () => ({
      from: params.get('from') ?? dayjs().subtract(6, 'day').format('YYYY-MM-DD'),
      to: params.get('to') ?? today(),
      unitId: params.get('unitId') || undefined,
      kind: (params.get('kind') as PatrolKind | null) || undefined,
      status: (params.get('status') as PatrolStatus | null) || undefined,
      far: params.get('far') === 'true' ? 'true' : undefined,
      limit: 500,
    }),
    [params],
  );
  const setQuery = (next: PatrolQuery) => {
    const p = new URLSearchParams();
    for (const k of ['unitId', 'from', 'to', 'kind', 'status', 'far'] as const) if (next[k]) p.set(k, String(next[k]));
    setParams(p, { replace: true });
  };
  const list = useApiQuery(['patrols', 'list', query], (signal) => patrolsApi.list(query, signal));
  const columns: TableColumnsType<Patrol> = [
    {
      title: '开始时间',
      key: 'start',
      width: 110,
      render: (_: unknown, r) => (
        <Link to={`/patrols/${r.id}`} data-testid="patrol-link">
          {shortTime(r.startedAt)}
        </Link>
      ),
    },
    { title: '类型', key: 'kind', width: 90, render: (_: unknown, r) => PATROL_KIND_NAMES[r.kind] },
    {
      title: '巡查区域',
      key: 'units',
      ellipsis: true,
      render: (_: unknown, r) => r.units.map((u) => u.name).join('、'),
    },
    { title: '巡查人', key: 'recorder', width: 110, render: (_: unknown, r) => r.recorder.name },
    {
      title: '同行',
      key: 'people',
      width: 140,
      ellipsis: true,
      render: (_: unknown, r) =>
        r.people
          .filter((p) => p.role === 'companion')
          .map((p) => p.name)
          .join('、') || '—',
    },
    { title: '时长', key: 'duration', width: 100, render: (_: unknown, r) => durationText(r.durationMinutes) },
    { title: '里程', key: 'distance', width: 80, render: (_: unknown, r) => distanceText(r.distanceM) },
    {
      title: '轨迹点',
      key: 'points',
      width: 100,
      render: (_: unknown, r) => (
        <>
          {r.points}
          {r.farPoints > 0 && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              偏离 {r.farPoints}
            </Tag>
          )}
        </>
      ),
    },
    { title: '问题', key: 'cases', width: 60, render: (_: unknown, r) => r.cases || '—' },
    {
      title: '状态',
      key: 'status',
      width: 80,
      render: (_: unknown, r) => (
        <StatusTag status={r.status} colors={PATROL_STATUS_COLORS} names={PATROL_STATUS_NAMES} />
      ),
    },
  ];
  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;
  return (
    <>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          style={{ width: 220 }}
          value={query.unitId}
          onChange={(unitId) => setQuery({ ...query, unitId })}
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(v) =>
            v?.[0] && v[1] && setQuery({ ...query, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
          }
          data-testid="patrol-range"
        />
        <Select<PatrolKind>
          allowClear
          placeholder="全部类型"
          style={{ width: 120 }}
          value={query.kind}
          onChange={(kind) => setQuery({ ...query, kind })}
          options={(Object.keys(PATROL_KIND_NAMES) as PatrolKind[]).map((k) => ({
            value: k,
            label: PATROL_KIND_NAMES[k],
          }))}
        />
        <Select<PatrolStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 110 }}
          value={query.status}
          onChange={(status) => setQuery({ ...query, status })}
          options={(Object.keys(PATROL_STATUS_NAMES) as PatrolStatus[]).map((k) => ({
            value: k,
            label: PATROL_STATUS_NAMES[k],
          }))}
        />
        <Checkbox
          checked={query.far === 'true'}
          onChange={(e) => setQuery({ ...query, far: e.target.checked ? 'true' : undefined })}
        >
          只看有偏离轨迹点的
        </Checkbox>
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<Patrol>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="patrol-table"
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => `共 ${n} 次巡查` }}
      />
      <Typography.Text type="secondary">偏离：距巡查网格（行政村）500 米以外的轨迹点，保留并标红。</Typography.Text>
    </>
  );
}

/** 巡查记录: the list with its filters, and the tracks of a day on the map. */
export default function PatrolListPage() {
  return (
    <Card title="巡查记录">
      <Tabs
        items={[
          { key: 'list', label: '巡查列表', children: <PatrolTable /> },
          { key: 'map', label: '当日轨迹', children: <DayTracks /> },
        ]}
      />
    </Card>
  );
}
