import { Space, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format-time';
import { StatusTag } from '../../../components/StatusTag';
import type { CaseStatus, CaseSummary, DeadlineStatus } from '../api';
import { caseStatusColor, caseStatusLabel, deadlineStatusColor, deadlineStatusLabel } from '../labels';

export function CaseStatusTag({ status, name }: { status: CaseStatus; name?: string }) {
  return (
    <StatusTag
      status={status}
      name={name}
      colors={caseStatusColor}
      names={caseStatusLabel}
      data-testid="case-status-tag"
    />
  );
}

export function DeadlineTag({ status }: { status: DeadlineStatus }) {
  if (status !== 'near_overdue' && status !== 'overdue') return null;
  return (
    <Tag
      color={deadlineStatusColor[status]}
      bordered={false}
      data-testid="case-deadline-tag"
      data-deadline-status={status}
    >
      {deadlineStatusLabel[status]}
    </Tag>
  );
}

/** The console's one time format (lib/format-time): 2026-12-07 14:05 in Asia/Shanghai. */
export function formatTime(iso: string | null | undefined): string {
  return formatDateTime(iso);
}

/** 处置时限 cell: the deadline and a coloured 预警/超期 tag. */
export function DeadlineCell({ c }: { c: Pick<CaseSummary, 'deadline' | 'deadlineStatus' | 'status' | 'closedAt'> }) {
  if (!c.deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const closed = c.status === 'closed';
  return (
    <Space size={4} wrap>
      <Tooltip title={closed && c.closedAt ? `结案时间 ${formatTime(c.closedAt)}` : undefined}>
        <span className="cg-time" style={{ color: closed ? 'rgba(0,0,0,0.45)' : undefined }}>
          {formatTime(c.deadline)}
        </span>
      </Tooltip>
      <DeadlineTag status={c.deadlineStatus} />
    </Space>
  );
}
