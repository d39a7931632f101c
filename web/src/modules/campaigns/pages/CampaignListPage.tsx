import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { addressOfFilters, filtersFromAddress } from '../../../lib/address-filters';
import { useApiQuery } from '../../../lib/query';
import { campaignsApi, type CampaignSummary } from '../api';
import { OpenCampaignModal } from '../components/OpenCampaignModal';
import { useCategories } from '../components/useCategories';
import { CAMPAIGN_KIND_NAMES } from '../labels';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTERS = { unitId: null, from: null, to: null } as const;

/** 集中整治: the campaigns in scope; 范围 and 开始日期 narrow them, in the address (集中整治场次's link). */
export default function CampaignListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const q = filtersFromAddress(params, FILTERS);
    return {
      ...q,
      from: q.from && DAY.test(q.from) ? q.from : undefined,
      to: q.to && DAY.test(q.to) ? q.to : undefined,
    };
  }, [params]);
  const set = (patch: Partial<typeof query>) => setParams(addressOfFilters({ ...query, ...patch }), { replace: true });
  const list = useApiQuery(['campaigns', 'list', query], (signal) => campaignsApi.list(query, signal));
  const categories = useCategories();
  const columns: TableColumnsType<CampaignSummary> = [
    {
      title: '活动',
      key: 'title',
      render: (_: unknown, r) => (
        <Link to={`/campaigns/${r.id}`} data-testid="campaign-link">
          {r.title}
        </Link>
      ),
    },
    { title: '类型', key: 'kind', width: 90, render: (_: unknown, r) => <Tag>{CAMPAIGN_KIND_NAMES[r.kind]}</Tag> },
    { title: '范围', dataIndex: 'scopeUnitName', width: 130 },
    {
      title: '期间',
      key: 'window',
      width: 190,
      render: (_: unknown, r) => (r.startDay === r.endDay ? r.startDay : `${r.startDay} 至 ${r.endDay}`),
    },
    {
      title: '问题类别',
      key: 'categories',
      width: 180,
      render: (_: unknown, r) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {r.categories.map(categories.nameOf).join('、') || '—'}
        </Typography.Text>
      ),
    },
    { title: '志愿者', dataIndex: 'volunteerCount', width: 70, align: 'right' },
    { title: '关联问题', dataIndex: 'caseCount', width: 80, align: 'right' },
  ];
  return (
    <Card
      title="集中整治"
      extra={
        me.permissions.includes('campaign.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-campaign">
            开展集中整治
          </Button>
        )
      }
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          placeholder="全部范围"
          allowClear
          style={{ width: 200 }}
          value={query.unitId}
          onChange={(unitId) => set({ unitId })}
        />
        <DatePicker.RangePicker
          placeholder={['开始日期自', '至']}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(v) =>
            set({ from: v?.[0]?.format('YYYY-MM-DD') ?? undefined, to: v?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
          data-testid="campaign-range"
        />
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15, showTotal: (n) => `共 ${n} 次` }}
        data-testid="campaign-table"
      />
      <OpenCampaignModal
        open={opening}
        defaultUnitId={me.unitId}
        onClose={() => setOpening(false)}
        onOpened={(c) => {
          setOpening(false);
          navigate(`/campaigns/${c.id}`);
        }}
      />
    </Card>
  );
}
