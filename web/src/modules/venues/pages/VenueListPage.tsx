import { AuditOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { formatDate } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { venuesApi, type VenueListQuery, type VenueStatus, type VenueSummary } from '../api';
import { VenueFormModal } from '../components/VenueFormModal';
import { VenueImportModal } from '../components/VenueImportModal';
import {
  INSPECTION_RESULT_COLORS,
  INSPECTION_RESULT_NAMES,
  VENUE_STATUS_COLORS,
  VENUE_STATUS_NAMES,
  VENUE_STATUSES,
} from '../labels';

const PAGE = 20;

const FILTERS = { unitId: null, typeCode: null, status: VENUE_STATUSES, q: null } as const;

export default function VenueListPage() {
  const navigate = useNavigate();
  // The filters and the page live in the address, so a dashboard number's link opens its own list.
  const [params, setParams] = useSearchParams();
  const query: VenueListQuery = useMemo(
    () => ({
      ...filtersFromAddress(params, FILTERS),
      limit: PAGE,
      offset: Math.max(0, Number(params.get('offset')) || 0),
    }),
    [params],
  );
  const setQuery = (q: VenueListQuery) =>
    setParams(addressOfFilters({ ...q, limit: undefined, offset: q.offset || undefined }), { replace: true });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useApiQuery(['venues', 'list', query], (signal) => venuesApi.list(query, signal));
  const settings = useApiQuery(['venues', 'settings'], (signal) => venuesApi.settings(signal));
  const set = (patch: Partial<VenueListQuery>) => setQuery({ ...query, ...patch, offset: 0 });

  const columns: TableColumnsType<VenueSummary> = [
    {
      title: '场所名称',
      dataIndex: 'name',
      key: 'name',
      render: (v: string, r) => <Link to={`/venues/${r.id}`}>{v}</Link>,
    },
    { title: '类型', dataIndex: 'typeName', key: 'type', width: 100 },
    { title: '地址', dataIndex: 'address', key: 'address', ellipsis: true, width: 200 },
    {
      title: '所在网格',
      key: 'grid',
      width: 190,
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
      title: '负责人',
      key: 'owner',
      width: 130,
      render: (_: unknown, r) => (
        <>
          {r.ownerName}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.ownerPhone}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (s: VenueStatus) => <StatusTag status={s} colors={VENUE_STATUS_COLORS} names={VENUE_STATUS_NAMES} />,
    },
    {
      title: '最近检查',
      key: 'last',
      width: 170,
      render: (_: unknown, r) =>
        r.lastInspection ? (
          <Space size={4}>
            <span>{formatDate(r.lastInspection.at)}</span>
            <StatusTag
              status={r.lastInspection.result}
              colors={INSPECTION_RESULT_COLORS}
              names={INSPECTION_RESULT_NAMES}
            />
          </Space>
        ) : (
          <Typography.Text type="secondary">未检查</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title="场所管理"
      extra={
        <Space>
          <Button
            icon={<AuditOutlined />}
            onClick={() => navigate(`/venues/inspections${query.unitId ? `?unitId=${query.unitId}` : ''}`)}
            data-testid="venue-inspections"
          >
            检查记录
          </Button>
          {settings.data?.canConfigure && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => navigate('/venues/settings')}
              data-testid="venue-settings"
            >
              类型与检查项
            </Button>
          )}
          {list.data?.canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="venue-import-open">
              从 Excel 导入
            </Button>
          )}
          {list.data?.canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="venue-create">
              登记场所
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部辖区"
          allowClear
          style={{ width: 220 }}
          value={query.unitId}
          onChange={(unitId) => set({ unitId })}
          data-testid="venue-filter-unit"
        />
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          value={query.typeCode}
          onChange={(typeCode) => set({ typeCode })}
          options={(settings.data?.types ?? []).map((t) => ({
            value: t.code,
            label: t.active ? t.name : `${t.name}（已停用）`,
          }))}
          data-testid="venue-filter-type"
        />
        <Select<VenueStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={query.status}
          onChange={(status) => set({ status })}
          options={(Object.keys(VENUE_STATUS_NAMES) as VenueStatus[]).map((s) => ({
            value: s,
            label: VENUE_STATUS_NAMES[s],
          }))}
          data-testid="venue-filter-status"
        />
        <Input.Search
          allowClear
          placeholder="名称、地址或负责人"
          style={{ width: 240 }}
          defaultValue={query.q}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          data-testid="venue-search"
        />
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<VenueSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="venue-table"
        pagination={{
          current: (query.offset ?? 0) / PAGE + 1,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 个场所`,
          onChange: (page) => setQuery({ ...query, offset: (page - 1) * PAGE }),
        }}
      />
      {creating && (
        <VenueFormModal
          types={settings.data?.types ?? []}
          onClose={() => setCreating(false)}
          onSaved={(v) => {
            setCreating(false);
            navigate(`/venues/${v.id}`);
          }}
        />
      )}
      <VenueImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
