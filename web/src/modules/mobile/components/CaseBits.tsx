import { ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { Link } from 'react-router';
import { StatusTag as SharedStatusTag } from '../../../components/StatusTag';
import type { CaseStatus, CaseSummary, DeadlineStatus } from '../api';
import { deadlineLabel, fullTime, shortTime, statusColor } from '../labels';

export function StatusTag({ status, name }: { status: CaseStatus; name: string }) {
  return (
    <SharedStatusTag status={status} name={name} colors={statusColor} data-testid="m-status-tag" className="cgm-tag" />
  );
}

/** 预警 (orange) / 超期 (red); nothing for a case on time or without a deadline. */
export function DeadlineTag({ status }: { status: DeadlineStatus }) {
  if (status !== 'near_overdue' && status !== 'overdue') return null;
  return (
    <Tag
      color={status === 'overdue' ? 'red' : 'orange'}
      data-testid="m-deadline-tag"
      data-deadline-status={status}
      className="cgm-tag"
    >
      {deadlineLabel[status]}
    </Tag>
  );
}

/** One case of a list; the left edge is coloured by 预警/超期. */
export function CaseCard({ c }: { c: CaseSummary }) {
  return (
    <Link
      to={`/m/cases/${c.id}`}
      className={`cgm-card cgm-case is-${c.deadlineStatus}`}
      data-testid="m-case-card"
      data-case-id={c.id}
      data-case-number={c.caseNumber}
      data-status={c.status}
    >
      <div className="cgm-case-top">
        <span className="cgm-case-cat">{c.categoryName}</span>
        <span className="cgm-case-tags">
          <DeadlineTag status={c.deadlineStatus} />
          <StatusTag status={c.status} name={c.statusName} />
        </span>
      </div>
      <div className="cgm-case-desc">{c.description}</div>
      <div className="cgm-case-foot">
        <span className="cgm-mono" data-testid="m-case-number">
          {c.caseNumber}
        </span>
        <span className="cgm-case-time">
          {c.deadline && c.status !== 'closed' ? (
            <span className={`cgm-deadline is-${c.deadlineStatus}`}>
              <ClockCircleOutlined /> 时限 {fullTime(c.deadline).slice(5)}
            </span>
          ) : (
            shortTime(c.reportedAt)
          )}
          <RightOutlined className="cgm-case-arrow" />
        </span>
      </div>
    </Link>
  );
}

/** The list's source: a failed refresh (with 重试), or the time of the offline copy shown. */
export function OfflineNote({ at, error, onRetry }: { at: number | null; error: string | null; onRetry(): void }) {
  if (error)
    return (
      <Alert
        type="warning"
        showIcon
        message={error}
        className="cgm-block"
        action={
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        }
      />
    );
  if (!at) return null;
  return (
    <div className="cgm-stale" data-testid="m-stale">
      离线数据 · 更新于 {shortTime(at)}
    </div>
  );
}
