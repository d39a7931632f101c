import { LeftOutlined, ReloadOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { formatDateTime, formatDateTimeSeconds } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { accountsApi, type Account } from '../../accounts/api';
import {
  actionLabel,
  actionNames,
  auditApi,
  entityTypeLabel,
  entityTypeName,
  type AuditEvent,
  type AuditQuery,
} from '../api';

interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
}

export default function AuditPage() {
  const { can } = useAuth();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [limit, setLimit] = useState(20);
  /** Cursor of each page visited; index 0 is the first page. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(0);
  const accountList = useApiQuery(['accounts', 'list', {}], (signal) => accountsApi.list({}, signal), undefined, {
    enabled: can('account.read'),
  });
  const accounts: Account[] = accountList.data?.items ?? [];
  const q: AuditQuery = { ...filters, limit, cursor: cursors[page] };
  const events = useApiQuery(['audit', q], (signal) => auditApi.list(q, signal), undefined, { toastError: true });
  const items: AuditEvent[] = events.data?.items ?? [];
  const nextCursor = events.data?.nextCursor ?? null;
  const loading = events.loading;
  const load = () => events.refetch();

  const apply = (v: Filters) => {
    setFilters({
      action: v.action || undefined,
      entityType: v.entityType || undefined,
      entityId: v.entityId?.trim() || undefined,
      actorId: v.actorId || undefined,
    });
    setCursors([undefined]);
    setPage(0);
  };

  const next = () => {
    if (!nextCursor) return;
    setCursors((c) => [...c.slice(0, page + 1), nextCursor]);
    setPage((p) => p + 1);
  };

  return (
    <Card title="审计日志" data-testid="audit-page">
      <Form form={form} onFinish={apply} layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item name="action" label="操作">
          <Select
            style={{ width: 170 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            options={Object.entries(actionNames).map(([value, label]) => ({ value, label }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entityType" label="对象类型">
          <Select
            style={{ width: 160 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            options={Object.entries(entityTypeLabel).map(([value, label]) => ({ value, label }))}
            data-testid="audit-filter-entity-type"
          />
        </Form.Item>
        <Form.Item name="entityId" label="对象 ID">
          <Input style={{ width: 200 }} allowClear placeholder="精确匹配" data-testid="audit-filter-entity-id" />
        </Form.Item>
        <Form.Item name="actorId" label="操作人">
          {accounts.length ? (
            <Select
              style={{ width: 200 }}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部"
              options={accounts.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
              data-testid="audit-filter-actor"
            />
          ) : (
            <Input style={{ width: 200 }} allowClear placeholder="账号 ID" data-testid="audit-filter-actor" />
          )}
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              重置
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} />
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="audit-table"
        locale={{ emptyText: '没有符合条件的审计记录' }}
        expandable={{
          rowExpandable: (r) => r.before != null || r.after != null,
          expandedRowRender: (r) => (
            <Row gutter={16}>
              <Col span={12}>
                <Typography.Text type="secondary">变更前</Typography.Text>
                <pre className="cg-json">{r.before == null ? '—' : JSON.stringify(r.before, null, 2)}</pre>
              </Col>
              <Col span={12}>
                <Typography.Text type="secondary">变更后</Typography.Text>
                <pre className="cg-json">{r.after == null ? '—' : JSON.stringify(r.after, null, 2)}</pre>
              </Col>
            </Row>
          ),
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'at',
            width: 150,
            render: (t: string) => (
              <span className="cg-time" title={formatDateTimeSeconds(t)}>
                {formatDateTime(t)}
              </span>
            ),
          },
          {
            title: '操作人',
            dataIndex: 'actorName',
            width: 170,
            render: (n: string | null) => n ?? <Typography.Text type="secondary">系统</Typography.Text>,
          },
          {
            title: '操作',
            dataIndex: 'action',
            width: 150,
            render: (a: string) => actionLabel(a),
          },
          {
            title: '对象',
            key: 'entity',
            width: 220,
            render: (_, r) => (
              <Space size={4}>
                <Tag bordered={false}>{entityTypeName(r.entityType)}</Tag>
                {r.entityId && (
                  <Typography.Text
                    type="secondary"
                    className="cg-mono"
                    ellipsis
                    style={{ maxWidth: 130 }}
                    title={r.entityId}
                  >
                    {r.entityId}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: '摘要', dataIndex: 'summary', ellipsis: true },
        ]}
      />
      <Row justify="end" align="middle" style={{ marginTop: 16 }} gutter={12}>
        <Col>
          <Typography.Text type="secondary">第 {page + 1} 页</Typography.Text>
        </Col>
        <Col>
          <Space>
            <Button
              icon={<LeftOutlined />}
              disabled={page === 0 || loading}
              onClick={() => setPage((p) => p - 1)}
              data-testid="audit-prev"
            >
              上一页
            </Button>
            <Button disabled={!nextCursor || loading} onClick={next} data-testid="audit-next">
              下一页 <RightOutlined />
            </Button>
            <Select
              value={limit}
              onChange={(v) => {
                setLimit(v);
                setCursors([undefined]);
                setPage(0);
              }}
              options={[20, 50, 100].map((n) => ({ value: n, label: `${n} 条/页` }))}
              style={{ width: 110 }}
            />
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
