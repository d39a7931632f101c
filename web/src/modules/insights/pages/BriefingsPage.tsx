import { Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { lazy, useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../lib/format-time';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { BRIEFING_STATE_NAMES, type BriefingSummary } from '../briefings-api';
import { periodText } from '../briefing-periods';
import { GenerateBriefingForm } from '../components/GenerateBriefingForm';
import { useBriefingList } from '../use-briefings';

const BriefingDetailPage = lazy(() => import('./BriefingDetailPage'));
const BriefingPrintPage = lazy(() => import('./BriefingPrintPage'));
const BriefingTemplatesPanel = lazy(() => import('../components/BriefingTemplatesPanel'));

/** /insights/briefings: the list and the generator; /:id the briefing; /:id/print its printed sheet. */
export default function BriefingsPage() {
  return (
    <Routes>
      <Route index element={<BriefingsHome />} />
      <Route path=":id" element={<BriefingDetailPage />} />
      <Route path=":id/print" element={<BriefingPrintPage />} />
    </Routes>
  );
}

function BriefingsHome() {
  const { can } = useAuth();
  const tabs = [
    { key: 'list', label: '简报', children: <BriefingList /> },
    ...(can('briefing.configure')
      ? [{ key: 'templates', label: '简报模板', children: <BriefingTemplatesPanel /> }]
      : []),
  ];
  return (
    <Card title="工作简报" size="small">
      <Tabs items={tabs} size="small" />
    </Card>
  );
}

function BriefingList() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | undefined>();
  const list = useBriefingList(unitId);
  const columns: TableColumnsType<BriefingSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      ellipsis: true,
      render: (v: string, r) => <Link to={r.id}>{v}</Link>,
    },
    { title: '单位', key: 'unit', width: 150, ellipsis: true, render: (_, r) => r.unit.name },
    { title: '期间', key: 'period', width: 210, render: (_, r) => periodText(r.from, r.to) },
    {
      title: '状态',
      key: 'state',
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          <Tag color={r.state === 'issued' ? 'green' : 'orange'}>{BRIEFING_STATE_NAMES[r.state]}</Tag>
          {r.issuedVersion > 0 && <Typography.Text type="secondary">第{r.issuedVersion}版</Typography.Text>}
        </Space>
      ),
    },
    { title: '起草人', dataIndex: 'createdBy', key: 'createdBy', width: 100 },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {can('briefing.write') && <GenerateBriefingForm onDone={(id) => navigate(id)} />}
      <Space>
        <Typography.Text>单位：</Typography.Text>
        <UnitPicker
          value={unitId}
          onChange={setUnitId}
          allowClear
          placeholder="全部（本辖区）"
          style={{ width: 260 }}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: can('briefing.write') ? '还没有简报，请在上方生成' : '还没有签发的简报' }}
        data-testid="briefing-list"
      />
    </Space>
  );
}
