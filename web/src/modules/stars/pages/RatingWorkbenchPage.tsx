import { Drawer, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery } from '../../../lib/query';
import { RatingDetail, RatingStateTag } from '../components/RatingDetail';
import { quarterLabel, quarterOptions } from '../labels';
import { lastQuarter, RATING_STATE_NAMES, ratingApi, type RatingList } from '../rating-api';

type Item = RatingList['items'][number];

/**
 * 季度评比工作台: every branch in scope with its rating of the quarter — whose turn it is, by when,
 * overdue — and, opened, the rating itself: the 街道 scores and proposes, the district confirms or
 * returns, the branch self-assesses.
 */
export default function RatingWorkbenchPage() {
  const [quarter, setQuarter] = useState(() => lastQuarter(new Date()));
  const [unitId, setUnitId] = useState<string>();
  const [open, setOpen] = useState<Item | null>(null);
  const list = useApiQuery(['stars', 'ratings', quarter, unitId], (signal) => ratingApi.list(quarter, unitId, signal));
  const detail = useApiQuery(
    ['stars', 'ratings', 'branch', open?.branchId, quarter],
    (signal) => ratingApi.ofBranch(open!.branchId, quarter, signal),
    { enabled: !!open },
  );
  const counts = list.data?.counts;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          “五星”支部季度评比
        </Typography.Title>
        <Space wrap>
          <UnitPicker
            placeholder="全部辖区"
            allowClear
            selectableKinds={['district', 'subdistrict', 'community', 'village']}
            style={{ width: 220 }}
            value={unitId}
            onChange={setUnitId}
          />
          <Select
            style={{ width: 160 }}
            value={quarter}
            options={quarterOptions(new Date(), 8, 0)}
            onChange={setQuarter}
            data-testid="rating-quarter"
          />
        </Space>
      </Space>
      {list.data && (
        <Typography.Text type="secondary">
          {quarterLabel(quarter)}：支部自评截止 {list.data.deadlines.self}，街道提名截止 {list.data.deadlines.propose}
          ，区级确认截止 {list.data.deadlines.confirm}（季度结束后第 5、10、15 个工作日）。
          {counts &&
            (Object.keys(RATING_STATE_NAMES) as (keyof typeof RATING_STATE_NAMES)[])
              .map((s) => `${RATING_STATE_NAMES[s]} ${counts[s] ?? 0}`)
              .join('，')}
        </Typography.Text>
      )}
      <ErrorAlert error={list.error} />
      <Table<Item>
        rowKey="branchId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        data-testid="rating-table"
        columns={[
          { title: '党支部', dataIndex: 'branchName' },
          { title: '社区/行政村', dataIndex: 'communityName', width: 150 },
          { title: '街道', dataIndex: 'subdistrictName', width: 150 },
          {
            title: '状态',
            width: 170,
            render: (_, r) => <RatingStateTag state={r.state} overdue={r.overdue} />,
          },
          { title: '本步截止', dataIndex: 'deadline', width: 110, render: (d) => d ?? '—' },
          {
            title: '提名星',
            dataIndex: 'proposedStars',
            width: 70,
            align: 'right',
            render: (n, r) => (r.state === 'proposed' ? <Tag color="blue">{n}</Tag> : '—'),
          },
          { title: '星数', dataIndex: 'starsHeld', width: 60, align: 'right', render: (n) => n ?? '—' },
          { title: '总分', dataIndex: 'totalScore', width: 80, align: 'right', render: (n) => n ?? '—' },
        ]}
      />
      <Drawer
        title={open ? `${open.branchName} · ${quarterLabel(quarter)}评比` : ''}
        width={1000}
        open={!!open}
        onClose={() => setOpen(null)}
        destroyOnHidden
      >
        <ErrorAlert error={detail.error} />
        {detail.isLoading && <Spin />}
        {detail.data && (
          <RatingDetail
            key={`${detail.data.id}:${detail.data.rowVersion}`}
            view={detail.data}
            onChanged={() => void detail.refetch()}
          />
        )}
      </Drawer>
    </Space>
  );
}
