import { Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Responsibility } from '../api';
import { RESPONSIBILITY_KIND_COLORS, RESPONSIBILITY_KIND_NAMES, spanText, todayInShanghai } from '../labels';

/** Responsibilities as a table: target, kind, holder, span (ended ones greyed), 结束 for writers. */
export function ResponsibilityTable({
  items,
  loading,
  showTarget = true,
  onEnd,
  compact,
}: {
  items: Responsibility[];
  loading?: boolean;
  showTarget?: boolean;
  /** Shown as 结束 on current rows when given (writers). */
  onEnd?: (r: Responsibility) => void;
  compact?: boolean;
}) {
  const today = todayInShanghai();
  const ended = (r: Responsibility) => r.to !== null && r.to < today;
  const columns: TableColumnsType<Responsibility> = [
    ...(showTarget
      ? [{ title: '责任对象', key: 'target', width: 180, render: (_: unknown, r: Responsibility) => r.target.name }]
      : []),
    {
      title: '类型',
      key: 'kind',
      width: 120,
      render: (_: unknown, r) => (
        <Tag color={RESPONSIBILITY_KIND_COLORS[r.kind]}>{RESPONSIBILITY_KIND_NAMES[r.kind]}</Tag>
      ),
    },
    {
      title: '责任人 / 单位',
      key: 'holder',
      width: 200,
      render: (_: unknown, r) => (
        <>
          {r.holder.name}
          {r.holder.type === 'unit' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              （单位）
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '起止日期',
      key: 'span',
      width: 200,
      render: (_: unknown, r) =>
        ended(r) ? (
          <Typography.Text type="secondary">{spanText(r.from, r.to)}（已结束）</Typography.Text>
        ) : (
          spanText(r.from, r.to)
        ),
    },
    ...(compact
      ? []
      : [
          {
            title: '备注',
            key: 'note',
            ellipsis: true,
            render: (_: unknown, r: Responsibility) => r.note ?? '',
          },
        ]),
    ...(onEnd
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, r: Responsibility) =>
              !ended(r) && (
                <Button size="small" type="link" onClick={() => onEnd(r)} data-testid="responsibility-end">
                  结束
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<Responsibility>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      columns={columns}
      dataSource={items}
      data-testid="responsibility-table"
      locale={{ emptyText: '暂无包联责任' }}
      pagination={compact ? false : { pageSize: 10, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
    />
  );
}
