import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { DataQuery } from '../api';
import { AskQueryModal } from '../components/AskQueryModal';
import { QueryThread } from '../components/QueryThread';
import { periodLabel, showValue } from '../labels';
import { useDataQueries, type QueryStatusFilter } from '../use-data-queries';
import { formatDateTime } from '../../../lib/format-time';

const STATUS: Record<DataQuery['status'], { text: string; color: string }> = {
  open: { text: '待答复', color: 'blue' },
  overdue: { text: '逾期未答复', color: 'red' },
  answered: { text: '已答复', color: 'green' },
  closed: { text: '已结束', color: 'default' },
};

/** 24小时数据核查: queries in my scope; the level above asks, the unit answers in the thread within 24 hours. */
export default function QueriesPage() {
  const s = useDataQueries();
  const columns: TableColumnsType<DataQuery> = [
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (s: DataQuery['status'], q) => (
        <Space size={4}>
          <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>
          {q.answeredLate && <Tag color="orange">超时答复</Tag>}
        </Space>
      ),
    },
    { title: '报表', dataIndex: 'formName', key: 'formName' },
    { title: '单位', dataIndex: 'unitName', key: 'unitName' },
    { title: '报告期', dataIndex: 'period', key: 'period', render: (p: string) => periodLabel(p) },
    {
      title: '核查指标',
      key: 'field',
      render: (_, q) => (q.fieldLabel ? `${q.fieldLabel}：${showValue(q.value)}` : '整份报告'),
    },
    { title: '发起时间', dataIndex: 'askedAt', key: 'askedAt', render: (t: string) => formatDateTime(t) },
    {
      title: '答复期限',
      dataIndex: 'dueAt',
      key: 'dueAt',
      render: (t: string, q) => (
        <Typography.Text
          type={q.status === 'overdue' || (q.status === 'open' && dayjs(t).isBefore(dayjs())) ? 'danger' : undefined}
        >
          {formatDateTime(t)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      title="24小时数据核查"
      data-testid="reporting-queries-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void s.load()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => s.setAsking(true)} data-testid="query-ask">
            发起核查
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        上级单位对报送的数据提出核查，被核查单位须在 24
        小时内答复；逾期未答复的自动标为逾期并通知街道。答复和核查记录均保留。
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={s.status}
        onChange={(v) => s.setStatus(v as QueryStatusFilter)}
        options={[
          { value: 'open', label: '待答复' },
          { value: 'overdue', label: '逾期' },
          { value: 'answered', label: '已答复' },
          { value: 'all', label: '全部' },
        ]}
        data-testid="query-status"
      />
      {s.error && <ErrorAlert error={s.error} style={{ marginBottom: 12 }} />}
      <Table<DataQuery>
        size="small"
        rowKey="id"
        loading={s.items === null}
        dataSource={s.items ?? []}
        columns={columns}
        expandable={{
          expandedRowRender: (q) => <QueryThread q={q} onAnswered={() => void s.load()} />,
          expandedRowKeys: s.expanded,
          onExpandedRowsChange: (keys) => s.setExpanded(keys),
        }}
        pagination={(s.items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="没有核查" /> }}
        data-testid="query-table"
      />
      <AskQueryModal open={s.asking} onClose={() => s.setAsking(false)} onAsked={s.asked} />
    </Card>
  );
}
