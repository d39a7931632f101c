import { Space, Table, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { CaseStatus, CaseSummary } from '../api';
import { CaseStatusTag, DeadlineCell, formatTime } from './CaseTags';

/** The ledger's cases; a row opens the case. `filtered` picks the empty text. */
export function LedgerTable({
  items,
  loading,
  filtered,
}: {
  items: CaseSummary[];
  loading: boolean;
  filtered: boolean;
}) {
  const navigate = useNavigate();
  return (
    <Table<CaseSummary>
      className="cg-case-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      data-testid="case-table"
      scroll={{ x: 1100 }}
      onRow={(r) =>
        ({
          onClick: () => navigate(`/cases/${r.id}`),
          'data-testid': 'case-row',
          'data-case-id': r.id,
          'data-case-number': r.caseNumber,
        }) as React.HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: filtered ? '没有符合条件的案卷' : '暂无案卷' }}
      columns={[
        {
          title: '案卷号',
          dataIndex: 'caseNumber',
          width: 176,
          fixed: 'left',
          render: (n: string, r) => (
            <a
              className="cg-mono"
              href={`/cases/${r.id}`}
              onClick={(e) => {
                // A modified click opens a new tab; a plain one is the row's click.
                if (e.ctrlKey || e.metaKey || e.shiftKey) e.stopPropagation();
                else e.preventDefault();
              }}
              data-testid="case-row-number"
            >
              {n}
            </a>
          ),
        },
        { title: '类别', dataIndex: 'categoryName', width: 110, ellipsis: true },
        {
          title: '描述',
          dataIndex: 'description',
          render: (d: string) => (
            <Tooltip title={d.length > 40 ? d : undefined} placement="topLeft">
              <span className="cg-case-desc">{d}</span>
            </Tooltip>
          ),
        },
        {
          title: '所属网格',
          dataIndex: 'gridName',
          width: 150,
          ellipsis: true,
          render: (g: string | null, r) =>
            g ? (
              <Tooltip title={[r.subdistrictName, r.communityName, g].filter(Boolean).join(' / ')}>{g}</Tooltip>
            ) : (
              <Typography.Text type="warning">{r.outOfGrid ? '网格外' : '—'}</Typography.Text>
            ),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 110,
          render: (s: CaseStatus, r) => (
            <Space size={2} direction="vertical">
              <CaseStatusTag status={s} name={r.statusName} />
              {r.reconciledAt && (
                <Typography.Text type="success" style={{ fontSize: 12 }}>
                  已销号
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: '责任单位',
          dataIndex: 'assignedUnitName',
          width: 150,
          ellipsis: true,
          render: (u: string | null) => u ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        { title: '处置时限', key: 'deadline', width: 140, render: (_, r) => <DeadlineCell c={r} /> },
        {
          title: '上报时间',
          dataIndex: 'reportedAt',
          width: 158,
          render: (t: string) => <span className="cg-mono">{formatTime(t)}</span>,
        },
      ]}
    />
  );
}
