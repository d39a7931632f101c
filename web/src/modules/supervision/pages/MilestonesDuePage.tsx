import { DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { useApiQuery } from '../../../lib/query';
import { supervisionApi, type MilestonesDue } from '../api';

type Row = MilestonesDue['items'][number];

const FILTERS = { unitId: null, from: null, to: null } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 节点到期: the milestones due in a period of the tasks led in an area, with 到期 n 个，按期完成 m 个 —
 * the two counts of the dashboard's 节点按期完成率, which opens here as ?unitId=&from=&to=. Without a
 * period in the address: this month up to today.
 */
export default function MilestonesDuePage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromAddress(params, FILTERS), [params]);
  const today = dayjs().format('YYYY-MM-DD');
  const from = filters.from && DAY.test(filters.from) ? filters.from : dayjs().startOf('month').format('YYYY-MM-DD');
  const to = filters.to && DAY.test(filters.to) ? filters.to : today;
  const unitId = filters.unitId;
  const set = (patch: Partial<typeof filters>) =>
    setParams(addressOfFilters({ ...filters, from, to, ...patch }), { replace: true });
  const list = useApiQuery(['supervision', 'milestones-due', unitId, from, to], (signal) =>
    supervisionApi.milestonesDue({ unitId, from, to }, signal),
  );
  const data = list.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          节点到期
        </Typography.Title>
        <Space wrap>
          <UnitPicker
            placeholder="我的辖区"
            allowClear
            style={{ width: 220 }}
            value={unitId}
            onChange={(v) => set({ unitId: v })}
            data-testid="milestones-unit"
          />
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
            data-testid="milestones-period"
          />
        </Space>
      </Space>
      {data && (
        <Typography.Text type="secondary" data-testid="milestones-counts">
          {data.unitName}及下级单位牵头的任务，{data.from} 至 {data.end}
          {data.end < data.to ? '（截至今日）' : ''}：到期 {data.due} 个，按期完成 {data.onTime} 个
          {data.due > 0 ? `，按期完成率 ${((100 * data.onTime) / data.due).toFixed(1)}%` : ''}。
          {data.due > data.items.length ? `下表列出到期最晚的 ${data.items.length} 个。` : ''}
        </Typography.Text>
      )}
      <ErrorAlert error={list.error} />
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: '期间内没有到期的时间节点' }}
        data-testid="milestones-table"
        columns={[
          { title: '到期日', dataIndex: 'dueOn', width: 110 },
          { title: '时间节点', dataIndex: 'title', ellipsis: true },
          {
            title: '任务',
            dataIndex: 'taskTitle',
            ellipsis: true,
            render: (t: string, r) => <Link to={`/supervision/tasks/${r.taskId}`}>{t}</Link>,
          },
          { title: '牵头单位', dataIndex: 'leadUnitName', width: 160 },
          { title: '完成日', dataIndex: 'doneOn', width: 110, render: (d: string | null) => d ?? '未完成' },
          {
            title: '是否按期',
            dataIndex: 'onTime',
            width: 100,
            render: (ok: boolean) => (ok ? <Tag color="green">按期完成</Tag> : <Tag color="red">未按期</Tag>),
          },
        ]}
      />
    </Space>
  );
}
