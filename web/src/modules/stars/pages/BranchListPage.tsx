import { Card, InputNumber, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { BRANCH_KIND_LABELS } from '../plan-labels';
import { currentYear, plansApi, type BranchRow } from '../plans-api';

/** 党支部: the branches in scope, the stars each goes for this year and how its battle map stands. */
export default function BranchListPage() {
  const [year, setYear] = useState(currentYear());
  const list = useApiQuery(['stars', 'branches', year], (signal) => plansApi.branches(year, signal));
  const columns: TableColumnsType<BranchRow> = [
    {
      title: '党支部',
      key: 'name',
      render: (_: unknown, r) => (
        <Link to={`/stars/branches/${r.id}?year=${year}`} data-testid="branch-link">
          {r.name}
        </Link>
      ),
    },
    { title: '街道', key: 'sub', width: 150, render: (_: unknown, r) => r.subdistrict?.name ?? '—' },
    {
      title: '类型',
      key: 'kind',
      width: 90,
      render: (_: unknown, r) => (r.kind ? <Tag>{BRANCH_KIND_LABELS[r.kind]}</Tag> : '—'),
    },
    // The stars held (评定结果) join here once the quarterly rating lands.
    {
      title: '争创星数',
      key: 'target',
      width: 90,
      align: 'right',
      render: (_: unknown, r) =>
        r.targetStars ? r.targetStars.length : <Typography.Text type="secondary">未制定</Typography.Text>,
    },
    {
      title: '作战图措施',
      key: 'measures',
      width: 260,
      render: (_: unknown, r) =>
        r.totals.total === 0 ? (
          '—'
        ) : (
          <Space size={4}>
            <Progress
              percent={Math.round((100 * r.totals.done) / r.totals.total)}
              size="small"
              style={{ width: 90, margin: 0 }}
            />
            <Typography.Text style={{ fontSize: 12 }}>
              共 {r.totals.total} 项，销号 {r.totals.done}
              {r.totals.behind > 0 && <Typography.Text type="danger">，逾期/滞后 {r.totals.behind}</Typography.Text>}
            </Typography.Text>
          </Space>
        ),
    },
    { title: '聚力团', dataIndex: 'teamCount', width: 70, align: 'right' },
  ];
  return (
    <Card
      title="党支部作战图"
      extra={
        <Space>
          年度
          <InputNumber
            min={2020}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            style={{ width: 90 }}
            data-testid="plan-year"
          />
        </Space>
      }
    >
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15, showTotal: (n) => `共 ${n} 个党支部` }}
        data-testid="branch-table"
      />
    </Card>
  );
}
