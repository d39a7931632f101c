import { Badge, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { TaskSummary } from '../api';
import { TASK_KIND_LABELS } from '../labels';
import { NextMilestone, TaskLink, TaskProgress, TaskStatusTag } from './TaskTags';

/** A task row in a table; `children` only in the tree view. */
export type TaskRow = TaskSummary & { children?: TaskRow[] };

interface Props {
  items: TaskRow[];
  loading?: boolean;
  /** Tree view: sub-tasks nested under their parents, loaded on expand. */
  tree?: {
    expandedRowKeys: string[];
    onExpand: (expanded: boolean, row: TaskRow) => void;
  };
  /** Fewer columns, for cards inside other pages. */
  compact?: boolean;
  emptyText?: string;
  'data-testid'?: string;
}

/** Tasks with status colours, progress bars, lead unit and leader, deadline and next milestone. */
export function TaskTable({ items, loading, tree, compact, emptyText = '暂无任务', ...rest }: Props) {
  const navigate = useNavigate();
  const columns: ColumnsType<TaskRow> = [
    {
      title: '任务',
      dataIndex: 'title',
      render: (t: string, r) => (
        // Inline, not a flex Space: the tree's expand icon and indent sit on the same line as the title.
        <span className="cg-sv-title">
          <TaskLink id={r.id} title={t} />
          {r.kind === 'key_project' && (
            <Tag color="gold" bordered={false}>
              {TASK_KIND_LABELS.key_project}
            </Tag>
          )}
          {r.subTaskCount > 0 && !tree && (
            <Tooltip title="子任务数">
              <Tag bordered={false}>{r.subTaskCount} 项分解</Tag>
            </Tooltip>
          )}
          {r.openNotices > 0 && (
            <Tooltip title="未答复的催办 / 督办">
              <Badge count={r.openNotices} size="small" color="#cf1322" data-testid="task-open-notices" />
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 92,
      render: (_: unknown, r) => <TaskStatusTag status={r.status} reasons={r.statusReasons} />,
    },
    { title: '进度', dataIndex: 'progress', width: 150, render: (_: unknown, r) => <TaskProgress task={r} /> },
    { title: '牵头单位', dataIndex: ['leadUnit', 'name'], width: 170, ellipsis: true },
    ...(compact
      ? []
      : [
          {
            title: '牵头领导',
            dataIndex: ['leadLeader', 'name'],
            width: 110,
            render: (n?: string) => n ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]),
    {
      title: '完成时限',
      dataIndex: 'deadline',
      width: 110,
      render: (d: string, r) => (
        <span className="cg-mono" style={{ color: r.status === 'overdue' ? '#cf1322' : undefined }}>
          {d}
        </span>
      ),
    },
    ...(compact
      ? []
      : [
          {
            title: '下一时间节点',
            dataIndex: 'nextMilestone',
            width: 210,
            render: (m: TaskSummary['nextMilestone']) => <NextMilestone m={m} />,
          },
        ]),
  ];
  return (
    <Table<TaskRow>
      className="cg-sv-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={compact ? undefined : { x: 1100 }}
      data-testid={rest['data-testid'] ?? 'task-table'}
      locale={{ emptyText }}
      expandable={
        tree
          ? { expandedRowKeys: tree.expandedRowKeys, onExpand: tree.onExpand, indentSize: 20 }
          : { childrenColumnName: '__none__' }
      }
      onRow={(r) =>
        ({
          onClick: () => navigate(`/supervision/tasks/${r.id}`),
          'data-testid': 'task-row',
          'data-task-id': r.id,
          'data-status': r.status,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
