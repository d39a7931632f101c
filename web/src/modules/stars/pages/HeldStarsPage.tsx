import { Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { formatDate } from '../../../lib/format-time';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { useApiQuery } from '../../../lib/query';
import { quarterLabel } from '../labels';
import { ratingApi, type HeldStars } from '../rating-api';

type Row = HeldStars['items'][number];

const FILTERS = { unitId: null } as const;

/**
 * 支部获星: the stars the branches under a unit hold now, one row per star (its branch, community or
 * village, 街道, the quarter it was awarded in). The dashboard's 支部获星数 opens here as ?unitId=…, and
 * 共 n 颗星 is that number — unlike the ranking's 共获, which sums the quarter just ended's confirmed
 * ratings and so leaves out a branch still awaiting confirmation.
 */
export default function HeldStarsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromAddress(params, FILTERS), [params]);
  const unitId = filters.unitId;
  const held = useApiQuery(['stars', 'held', unitId], (signal) => ratingApi.held(unitId, signal));
  const data = held.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          支部获星
        </Typography.Title>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          selectableKinds={['district', 'subdistrict', 'township', 'community', 'village']}
          style={{ width: 220 }}
          value={unitId}
          onChange={(v) => setParams(addressOfFilters({ ...filters, unitId: v }), { replace: true })}
          data-testid="held-unit"
        />
      </Space>
      {data && (
        <Typography.Text type="secondary" data-testid="held-total">
          {data.unitName}：{data.branches} 个党支部现有星，共 {data.total} 颗星（区级确认授予、尚未摘除，截至
          {quarterLabel(data.quarter)}）。
        </Typography.Text>
      )}
      <ErrorAlert error={held.error} />
      <Table<Row>
        rowKey="awardId"
        size="small"
        loading={held.isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="held-table"
        columns={[
          {
            title: '党支部',
            dataIndex: 'branchName',
            render: (name: string, r) => <Link to={`/stars/branches/${r.branchId}`}>{name}</Link>,
          },
          { title: '社区/行政村', dataIndex: 'communityName', width: 160 },
          { title: '街道', dataIndex: 'subdistrictName', width: 160 },
          { title: '星', dataIndex: 'starName', width: 140, render: (n: string) => <Tag color="gold">★ {n}</Tag> },
          {
            title: '授予季度',
            dataIndex: 'awardedQuarter',
            width: 140,
            render: (q: string) => quarterLabel(q),
          },
          {
            title: '确认时间',
            dataIndex: 'awardedAt',
            width: 120,
            render: (at: string) => formatDate(at),
          },
        ]}
      />
    </Space>
  );
}
