import { formatDateTime } from '../../lib/format-time';
import {
  ASSESSMENT_RULE_LABELS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  NOTICE_KIND_LABELS,
  TASK_KIND_LABELS,
  TASK_SOURCE_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  TopicBody,
} from '../../../../src/contracts/supervision';
import type { TaskStatus } from './api';

export {
  ASSESSMENT_RULE_LABELS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  NOTICE_KIND_LABELS,
  TASK_KIND_LABELS,
  TASK_SOURCE_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
};

/** Board order: the ones needing attention first. */
export const STATUS_ORDER: TaskStatus[] = ['overdue', 'lagging', 'on_track', 'done'];

/** antd Tag colours: 正常推进 green, 滞后 orange, 逾期 red, 完成 blue. */
export const STATUS_COLOR: Record<TaskStatus, string> = {
  on_track: 'green',
  lagging: 'orange',
  overdue: 'red',
  done: 'blue',
};
/** The same as plain colours, for statistics and progress bars. */
export const STATUS_HEX: Record<TaskStatus, string> = {
  on_track: '#389e0d',
  lagging: '#d46b08',
  overdue: '#cf1322',
  done: '#1677ff',
};

/** Why a task has its status (TaskSummary.statusReasons). */
export const STATUS_REASON_LABELS: Record<string, string> = {
  milestone_missed: '时间节点未按期完成',
  report_missing: '未按期报送进度',
  behind_schedule: '进度落后于计划',
  past_deadline: '已超过完成时限',
  progress_complete: '已完成',
  milestones_complete: '已完成',
};

export function reasonText(reasons: readonly string[]): string[] {
  return [...new Set(reasons.map((r) => STATUS_REASON_LABELS[r] ?? r))];
}

export const OWED_LABELS = {
  milestone: '时间节点',
  report: '进度报告',
  notice: '督办答复',
  deadline: '完成时限',
} as const;
export const OWED_COLORS = { milestone: 'geekblue', report: 'cyan', notice: 'volcano', deadline: 'purple' } as const;

/** The consultation forms the server accepts (TopicBody.form in src/contracts/supervision.ts). */
export const TOPIC_FORMS = TopicBody.shape.form.options;

export const CADENCE_LABELS = { weekly: '每周', monthly: '每月', every_n_days: '每 N 天' } as const;

export function cadenceText(
  c: { kind: 'weekly' | 'monthly' | 'every_n_days'; days?: number; firstDue: string } | null,
): string {
  if (!c) return '不要求定期报送';
  const k = c.kind === 'every_n_days' ? `每 ${c.days ?? '?'} 天` : CADENCE_LABELS[c.kind];
  return `${k}报送（首次 ${c.firstDue}）`;
}

/** An ISO instant as 2026-11-29 14:05 in Asia/Shanghai (the console's one format). */
export function formatTime(iso: string | null | undefined): string {
  return formatDateTime(iso);
}

/** The current quarter as '2026-Q4'. */
export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}
