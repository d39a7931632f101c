import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import type { TaskStatus, TaskSummary } from '../api';
import { reasonText, STATUS_COLOR, STATUS_HEX, TASK_STATUS_LABELS } from '../labels';

export function TaskStatusTag({ status, reasons }: { status: TaskStatus; reasons?: readonly string[] }) {
  const why = reasons && status !== 'on_track' ? reasonText(reasons).join('；') : '';
  const tag = (
    <StatusTag status={status} colors={STATUS_COLOR} names={TASK_STATUS_LABELS} data-testid="task-status-tag" />
  );
  return why ? <Tooltip title={why}>{tag}</Tooltip> : tag;
}

/** The reasons behind a status, in Chinese (时间节点未按期完成 …). */
export function StatusReasons({ status, reasons }: { status: TaskStatus; reasons: readonly string[] }) {
  if (status === 'on_track' || reasons.length === 0) return null;
  return (
    <Space size={4} wrap data-testid="task-status-reasons">
      {reasonText(reasons).map((r) => (
        <Tag key={r} bordered={false} color={status === 'done' ? 'blue' : status === 'overdue' ? 'red' : 'orange'}>
          {r}
        </Tag>
      ))}
    </Space>
  );
}

export function TaskProgress({
  task,
  width = 120,
}: {
  task: Pick<TaskSummary, 'progress' | 'status'>;
  width?: number;
}) {
  const pct = Math.round(task.progress);
  return (
    <div style={{ width }} data-testid="task-progress" data-progress={pct}>
      <Progress
        percent={pct}
        size="small"
        strokeColor={STATUS_HEX[task.status]}
        status={task.status === 'done' ? 'success' : 'normal'}
      />
    </div>
  );
}

export function TaskLink({ id, title, testId = 'task-link' }: { id: string; title: string; testId?: string }) {
  return (
    <Link to={`/supervision/tasks/${id}`} data-testid={testId} data-task-id={id} onClick={(e) => e.stopPropagation()}>
      {title}
    </Link>
  );
}

export function NextMilestone({ m }: { m: TaskSummary['nextMilestone'] }) {
  if (!m) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      <span className="cg-mono">{m.due}</span> <Typography.Text type="secondary">{m.title}</Typography.Text>
    </span>
  );
}
