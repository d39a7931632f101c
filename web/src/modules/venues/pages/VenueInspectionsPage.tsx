import { Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { venuesApi, type InspectionResult, type VenueInspectionListQuery, type VenueInspectionRow } from '../api';
import { INSPECTION_RESULT_COLORS, INSPECTION_RESULT_NAMES, INSPECTION_RESULTS } from '../labels';

const DAY = 'YYYY-MM-DD';

/** The page's query from its address; without a period, this month so far. */
export function inspectionQueryOf(params: URLSearchParams, today: Dayjs = dayjs()): VenueInspectionListQuery {
  const f = filtersFromAddress(params, { unitId: null, from: null, to: null, result: INSPECTION_RESULTS });
  return {
    unitId: f.unitId,
    from: f.from ?? today.startOf('month').format(DAY),
    to: f.to ?? today.format(DAY),
    result: f.result,
  };
}

/** 共 n 次检查，合格 m 次 (the rate's two counts), with the rate when there was any inspection. */
export function inspectionSummary(total: number, passed: number): string {
  const text = `共 ${total} 次检查，合格 ${passed} 次`;
  return total > 0 ? `${text}（合格率 ${((passed / total) * 100).toFixed(1)}%）` : text;
}

/**
 * 检查记录: the inspections of the venues in an area over days — what the dashboard's 场所检查合格率
 * counts, so its two counts are the tile's. Unit, period and result live in the address.
 */
export default function VenueInspectionsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => inspectionQueryOf(params), [params]);
  const set = (patch: Partial<VenueInspectionListQuery>) =>
    setParams(addressOfFilters({ ...query, ...patch }), { replace: true });
  const page = useApiQuery(['venues', 'inspections', query], (s) => venuesApi.inspections(query, s));
  const total = page.data?.total;

  const columns: TableColumnsType<VenueInspectionRow> = [
    { title: '检查时间', dataIndex: 'at', key: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    {
      title: '场所',
      key: 'venue',
      ellipsis: true,
      render: (_: unknown, r) => (
        <>
          <Link to={`/venues/${r.venue.id}`}>{r.venue.name}</Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.venue.typeName}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '所在网格',
      key: 'grid',
      width: 200,
      render: (_: unknown, r) => (
        <>
          {r.community?.name ?? ''}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.grid.name}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '结论',
      dataIndex: 'result',
      key: 'result',
      width: 90,
      render: (v: InspectionResult) => (
        <StatusTag status={v} colors={INSPECTION_RESULT_COLORS} names={INSPECTION_RESULT_NAMES} />
      ),
    },
    { title: '检查人', key: 'inspector', width: 120, ellipsis: true, render: (_: unknown, r) => r.inspector.name },
    {
      title: '上报问题',
      key: 'case',
      width: 190,
      render: (_: unknown, r) => (r.case ? <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link> : ''),
    },
  ];

  return (
    <Card
      title={
        <span>
          场所检查记录
          {page.data && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', marginLeft: 8 }}
              data-testid="inspections-total"
            >
              {inspectionSummary(page.data.total, page.data.passed)}
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Button onClick={() => navigate(query.unitId ? `/venues?unitId=${query.unitId}` : '/venues')}>
          返回场所管理
        </Button>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          style={{ width: 220 }}
          value={query.unitId}
          onChange={(unitId) => set({ unitId })}
          data-testid="inspections-unit"
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(query.from), dayjs(query.to)]}
          onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format(DAY), to: r[1].format(DAY) })}
          presets={[
            { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            { label: '本年', value: [dayjs().startOf('year'), dayjs()] },
          ]}
          data-testid="inspections-period"
        />
        <Select<InspectionResult>
          allowClear
          placeholder="全部结论"
          style={{ width: 120 }}
          value={query.result}
          onChange={(result) => set({ result })}
          options={INSPECTION_RESULTS.map((r) => ({ value: r, label: INSPECTION_RESULT_NAMES[r] }))}
          data-testid="inspections-result"
        />
      </Space>
      <ErrorAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<VenueInspectionRow>
        size="small"
        rowKey="id"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: '期间内没有检查记录' }}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          showTotal: (n) => (total !== undefined && total > n ? `共 ${total} 次，显示最近的 ${n} 次` : `共 ${n} 次`),
        }}
        data-testid="inspections-table"
      />
    </Card>
  );
}
