import { Space, Table, Tooltip, Typography } from 'antd';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useNavigate } from 'react-router';
import type { CaseSortKey, CaseStatus, CaseSummary, SortOrder } from '../api';
import { CaseStatusTag, DeadlineCell, formatTime } from './CaseTags';

export interface LedgerSort {
  key: CaseSortKey;
  order: SortOrder;
}

/**
 * The ledger's cases; a row opens the case. `filtered` picks the empty text. 状态, 处置时限 and
 * 上报时间 sort on the server (the whole ledger, not the page shown); `sort` is the order in force.
 */
export function LedgerTable({
  items,
  loading,
  filtered,
  sort,
  onSort,
}: {
  items: CaseSummary[];
  loading: boolean;
  filtered: boolean;
  sort: LedgerSort;
  onSort(sort: LedgerSort | null): void;
}) {
  const navigate = useNavigate();
  const sortable = (key: CaseSortKey) => ({
    sorter: true,
    sortOrder: (sort.key === key ? `${sort.order}end` : null) as AntSortOrder,
    sortDirections: (key === 'reportedAt' ? ['descend', 'ascend'] : ['ascend', 'descend']) as AntSortOrder[],
    showSorterTooltip: false,
  });
  return (
    <Table<CaseSummary>
      className="cg-case-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      data-testid="case-table"
      // Fits 1366×768 (the common office PC) without a scroll bar; narrower screens scroll sideways.
      scroll={{ x: 980 }}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        onSort(
          sorter.order
            ? { key: sorter.columnKey as CaseSortKey, order: sorter.order === 'ascend' ? 'asc' : 'desc' }
            : null,
        );
      }}
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
          width: 166,
          fixed: 'left',
          render: (n: string, r) => (
            <a
              className="cg-mono cg-ledger-number"
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
        {
          title: '类别 / 描述',
          dataIndex: 'description',
          render: (d: string, r) => (
            <Tooltip title={d.length > 40 ? d : undefined} placement="topLeft">
              <div className="cg-ledger-category">{r.categoryName}</div>
              <span className="cg-case-desc">{d}</span>
            </Tooltip>
          ),
        },
        {
          title: '所属网格',
          dataIndex: 'gridName',
          width: 136,
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
          key: 'status',
          width: 112,
          ...sortable('status'),
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
          width: 136,
          ellipsis: true,
          render: (u: string | null) => u ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          title: '处置时限',
          key: 'deadline',
          width: 140,
          ...sortable('deadline'),
          render: (_, r) => <DeadlineCell c={r} />,
        },
        {
          title: '上报时间',
          dataIndex: 'reportedAt',
          key: 'reportedAt',
          width: 140,
          ...sortable('reportedAt'),
          render: (t: string) => <span className="cg-time">{formatTime(t)}</span>,
        },
      ]}
    />
  );
}
