import { CheckOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { Link } from 'react-router';
import type { CaseSummary } from '../api';
import type { ReconcileView } from '../use-reconcile';
import { formatTime } from './CaseTags';

/** The closed cases of one 对账销号 view; the 待销号 view can select rows and check each off. */
export function ReconcileTable({
  view,
  items,
  loading,
  selected,
  onSelect,
  busyIds,
  onReconcile,
}: {
  view: ReconcileView;
  items: CaseSummary[];
  loading: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  busyIds: Set<string>;
  onReconcile: (c: CaseSummary) => void;
}) {
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      data-testid="reconcile-table"
      rowSelection={
        view === 'pending' ? { selectedRowKeys: selected, onChange: (k) => onSelect(k as string[]) } : undefined
      }
      onRow={(r) => ({ 'data-testid': 'reconcile-row', 'data-case-id': r.id }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: view === 'pending' ? '没有待销号的问题' : '还没有已销号的问题' }}
      columns={[
        {
          title: '案卷号',
          dataIndex: 'caseNumber',
          width: 190,
          render: (n: string, r) => (
            <Link to={`/cases/${r.id}`} className="cg-mono">
              {n}
            </Link>
          ),
        },
        { title: '类别', dataIndex: 'categoryName', width: 120 },
        { title: '描述', dataIndex: 'description', render: (d: string) => <span className="cg-case-desc">{d}</span> },
        {
          title: '所属网格',
          dataIndex: 'gridName',
          width: 160,
          ellipsis: true,
          render: (g: string | null) => g ?? '—',
        },
        {
          title: '责任单位',
          dataIndex: 'assignedUnitName',
          width: 150,
          ellipsis: true,
          render: (u: string | null) => u ?? '—',
        },
        {
          title: '结案时间',
          dataIndex: 'closedAt',
          width: 150,
          render: (t: string | null) => <span className="cg-mono">{formatTime(t)}</span>,
        },
        ...(view === 'done'
          ? [
              {
                title: '销号时间',
                dataIndex: 'reconciledAt',
                width: 150,
                render: (t: string | null) => <span className="cg-mono">{formatTime(t)}</span>,
              },
            ]
          : [
              {
                title: '操作',
                key: 'op',
                width: 100,
                render: (_: unknown, r: CaseSummary) => (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<CheckOutlined />}
                    loading={busyIds.has(r.id)}
                    onClick={() => onReconcile(r)}
                    data-testid="reconcile-button"
                  >
                    销号
                  </Button>
                ),
              },
            ]),
      ]}
    />
  );
}
