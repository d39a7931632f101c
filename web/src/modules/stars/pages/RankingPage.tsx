import { Drawer, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { XlsxButton } from '../../../components/XlsxButton';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { useApiQuery } from '../../../lib/query';
import { RatingDetail } from '../components/RatingDetail';
import { quarterLabel, quarterOptions } from '../labels';
import { lastQuarter, ratingApi, type Ranking } from '../rating-api';

type Row = Ranking['rows'][number];

const FILTERS = { unitId: null, quarter: null } as const;
const QUARTER = /^\d{4}-Q[1-4]$/;

function Movement({ r }: { r: Row }) {
  if (r.rank === null) return null;
  if (r.movement === null) return <Tag>{r.previousRank === null ? '新进' : '—'}</Tag>;
  if (r.movement > 0) return <Typography.Text type="success">↑{r.movement}</Typography.Text>;
  if (r.movement < 0) return <Typography.Text type="danger">↓{-r.movement}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/**
 * 评比排名: the branches of a 街道 or the district ranked by stars held, then score (ties share a
 * rank), movement since last quarter, 未评 listed last; a row opens the confirmed rating its numbers
 * come from (indicators and evidence). Exported as .xlsx.
 */
export default function RankingPage() {
  // Area and quarter live in the address, so a ranking can be sent as a link.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromAddress(params, FILTERS), [params]);
  const quarter = filters.quarter && QUARTER.test(filters.quarter) ? filters.quarter : lastQuarter(new Date());
  const unitId = filters.unitId;
  const set = (patch: Partial<typeof filters>) =>
    setParams(addressOfFilters({ ...filters, ...patch }), { replace: true });
  const [ratingId, setRatingId] = useState<string | null>(null);
  const ranking = useApiQuery(['stars', 'ranking', quarter, unitId], (signal) =>
    ratingApi.ranking(quarter, unitId, signal),
  );
  const rating = useApiQuery(
    ['stars', 'ratings', 'id', ratingId],
    (signal) => ratingApi.get(ratingId!, signal),
    undefined,
    { enabled: !!ratingId },
  );
  const data = ranking.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          “五星”支部评比排名
        </Typography.Title>
        <Space wrap>
          <UnitPicker
            placeholder="全区"
            allowClear
            selectableKinds={['district', 'subdistrict']}
            style={{ width: 220 }}
            value={unitId}
            onChange={(v) => set({ unitId: v })}
          />
          <Select
            style={{ width: 160 }}
            value={quarter}
            options={quarterOptions(new Date(), 12, 0)}
            onChange={(v) => set({ quarter: v })}
            data-testid="ranking-quarter"
          />
          <XlsxButton href={ratingApi.rankingExportUrl(quarter, unitId)}>导出 Excel</XlsxButton>
        </Space>
      </Space>
      {data && (
        <Typography.Text type="secondary">
          {data.unitName} {quarterLabel(data.quarter)}：已评 {data.rated} 个，未评 {data.unrated} 个，共获{' '}
          {data.rows.reduce((n, r) => n + (r.stars ?? 0), 0)} 颗星；按现有星数、再按总分排名， 同分同名次；升降对比{' '}
          {quarterLabel(data.previousQuarter)}
          。点击一行查看评比明细（指标得分与佐证）。
        </Typography.Text>
      )}
      <ErrorAlert error={ranking.error} />
      <Table<Row>
        rowKey="branchId"
        size="small"
        loading={ranking.isLoading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        onRow={(r) => ({
          onClick: () => r.ratingId && setRatingId(r.ratingId),
          style: { cursor: r.ratingId ? 'pointer' : 'default' },
        })}
        data-testid="ranking-table"
        columns={[
          {
            title: '排名',
            dataIndex: 'rank',
            width: 64,
            align: 'right',
            render: (n) => n ?? <Tag>未评</Tag>,
          },
          { title: '升降', width: 64, render: (_, r) => <Movement r={r} /> },
          { title: '党支部', dataIndex: 'branchName' },
          { title: '社区/行政村', dataIndex: 'communityName', width: 150 },
          { title: '街道', dataIndex: 'subdistrictName', width: 150 },
          {
            title: '星数',
            dataIndex: 'stars',
            width: 110,
            render: (n: number | null) => (n === null ? '—' : `${'★'.repeat(n)}${n === 0 ? '0' : ''}`),
          },
          {
            title: '所获星',
            dataIndex: 'starNames',
            render: (names: string[]) => names.map((n) => <Tag key={n}>{n}</Tag>),
          },
          { title: '总分', dataIndex: 'score', width: 80, align: 'right', render: (n) => n ?? '—' },
        ]}
      />
      <Drawer
        title={rating.data ? `${rating.data.branchName} · ${quarterLabel(rating.data.quarter)}评比明细` : '评比明细'}
        width={1000}
        open={!!ratingId}
        onClose={() => setRatingId(null)}
        destroyOnHidden
      >
        <ErrorAlert error={rating.error} />
        {rating.isLoading && <Spin />}
        {rating.data && (
          <RatingDetail key={rating.data.rowVersion} view={rating.data} onChanged={() => void rating.refetch()} />
        )}
      </Drawer>
    </Space>
  );
}
