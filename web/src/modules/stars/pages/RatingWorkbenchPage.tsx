import { Checkbox, Drawer, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { RATING_WAITING, ratingWaitsFor, type RatingWaiting } from '../../../../../src/contracts/star-rating';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { useApiQuery } from '../../../lib/query';
import { RatingDetail, RatingStateTag } from '../components/RatingDetail';
import { quarterLabel, quarterOptions } from '../labels';
import { lastQuarter, RATING_STATE_NAMES, ratingApi, type RatingList } from '../rating-api';

type Item = RatingList['items'][number];

const FILTERS = { unitId: null, quarter: null, waiting: RATING_WAITING, overdue: ['true'] } as const;
const WAITING_NAMES: Record<RatingWaiting, string> = { self: '待自评', propose: '待街道提名', confirm: '待区级确认' };
const QUARTER = /^\d{4}-Q[1-4]$/;
const todayHere = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * 季度评比工作台: every branch in scope with its rating of the quarter — whose turn it is, by when,
 * overdue — and, opened, the rating itself: the 街道 scores and proposes, the district confirms or
 * returns, the branch self-assesses.
 */
export default function RatingWorkbenchPage() {
  // Area, quarter and 待办 live in the address: the 工作台's 季度评比待自评/待提名/待确认 open here as
  // ?waiting=…(&overdue=true), the dashboard's 季度评比完成率 as ?unitId=….
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromAddress(params, FILTERS), [params]);
  const quarter = filters.quarter && QUARTER.test(filters.quarter) ? filters.quarter : lastQuarter(new Date());
  const { unitId, waiting } = filters;
  const overdueOnly = filters.overdue === 'true';
  const set = (patch: Partial<Record<keyof typeof FILTERS, string | undefined>>) =>
    setParams(addressOfFilters({ ...filters, ...patch }), { replace: true });
  const [open, setOpen] = useState<Item | null>(null);
  const list = useApiQuery(['stars', 'ratings', quarter, unitId], (signal) => ratingApi.list(quarter, unitId, signal));
  // 待办: the rule the 工作台 counts with (ratingWaitsFor), on the list's states and deadlines.
  const items = useMemo(() => {
    const all = list.data?.items ?? [];
    if (!waiting || !list.data) return all;
    const today = todayHere();
    const deadlines = list.data.deadlines;
    return all.filter((r) => {
      const w = ratingWaitsFor(r, waiting, deadlines, today);
      return w !== null && (!overdueOnly || w.overdue);
    });
  }, [list.data, waiting, overdueOnly]);
  const detail = useApiQuery(
    ['stars', 'ratings', 'branch', open?.branchId, quarter],
    (signal) => ratingApi.ofBranch(open!.branchId, quarter, signal),
    undefined,
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
            onChange={(v) => set({ unitId: v })}
          />
          <Select
            style={{ width: 160 }}
            value={quarter}
            options={quarterOptions(new Date(), 8, 0)}
            onChange={(v) => set({ quarter: v })}
            data-testid="rating-quarter"
          />
          <Select<RatingWaiting | 'all'>
            style={{ width: 130 }}
            value={waiting ?? 'all'}
            options={[
              { value: 'all', label: '全部支部' },
              ...RATING_WAITING.map((w) => ({ value: w, label: WAITING_NAMES[w] })),
            ]}
            onChange={(v) =>
              set({ waiting: v === 'all' ? undefined : v, overdue: v === 'all' ? undefined : filters.overdue })
            }
            data-testid="rating-waiting"
          />
          {waiting && (
            <Checkbox
              checked={overdueOnly}
              onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
              data-testid="rating-overdue"
            >
              只看超期
            </Checkbox>
          )}
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
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个支部` }}
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
