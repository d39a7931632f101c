import { CASE_SOURCES, CASE_STATUS_NAMES, CASE_STATUSES, type CaseSource } from '../../../../src/contracts/cases';
import type { CaseActionType, CaseStatus, DeadlineStatus, PhotoRole, TimeLimit } from './api';

/** The server sends statusName too; filters need every name, taken from the server's own table. */
export const caseStatusLabel: Record<CaseStatus, string> = CASE_STATUS_NAMES;

export const caseStatusColor: Record<CaseStatus, string> = {
  reported: 'default',
  escalated: 'gold',
  escalated_district: 'orange',
  accepted: 'cyan',
  dispatched: 'blue',
  handling: 'processing',
  returned: 'magenta',
  pending_verification: 'purple',
  closed: 'success',
  rejected: 'red',
  merged: 'default',
};

/** The server's order of states (src/contracts/cases.ts). */
export const caseStatusOrder: CaseStatus[] = [...CASE_STATUSES];

/** Cases still on somebody's desk. */
export const openStatuses: CaseStatus[] = [
  'reported',
  'escalated',
  'escalated_district',
  'accepted',
  'dispatched',
  'handling',
  'returned',
  'pending_verification',
];

export const deadlineStatusLabel: Record<DeadlineStatus, string> = {
  none: '无时限',
  on_time: '正常',
  near_overdue: '预警',
  overdue: '超期',
};

export const deadlineStatusColor: Record<DeadlineStatus, string> = {
  none: 'default',
  on_time: 'green',
  near_overdue: 'orange',
  overdue: 'red',
};

/** Where a case came from (the server's CASE_SOURCES). */
export const caseSourceLabel: Record<CaseSource, string> = {
  patrol: '网格员巡查',
  staff: '工作人员上报',
  open311: '市民上报',
  supervision: '督查发现',
  hotline: '热线转办',
};

export const caseSourceOptions = CASE_SOURCES.map((value) => ({ value, label: caseSourceLabel[value] }));

/** Button labels, in the order the buttons are shown. */
export const actionButtonLabel: Partial<Record<CaseActionType, string>> = {
  accept: '立案',
  dispatch: '派遣',
  escalate: '上报街道',
  escalate_district: '提交区级研判',
  merge: '合并',
  reject: '不予立案',
  start: '开始处置',
  feedback: '处置反馈',
  request_extension: '申请延期',
  return: '退回',
  approve_extension: '批准延期',
  deny_extension: '驳回延期',
  verify_pass: '核查通过（结案）',
  verify_fail: '核查不通过（返工）',
  reopen: '重新办理',
  urge: '催办',
  supervise: '督办',
  comment: '备注',
};

export const actionOrder = Object.keys(actionButtonLabel) as CaseActionType[];

/** Actions that are a "no" or a step back: shown as danger buttons. */
export const dangerActions = new Set<CaseActionType>(['reject', 'return', 'deny_extension', 'verify_fail']);
/** The main step forward in each state. */
export const primaryActions = new Set<CaseActionType>([
  'accept',
  'dispatch',
  'start',
  'feedback',
  'verify_pass',
  'approve_extension',
]);

export const actionTimelineColor: Partial<Record<CaseActionType, string>> = {
  report: 'blue',
  accept: 'green',
  dispatch: 'blue',
  feedback: 'green',
  verify_pass: 'green',
  reject: 'red',
  return: 'red',
  verify_fail: 'red',
  deny_extension: 'red',
  urge: 'orange',
  supervise: 'orange',
  request_extension: 'orange',
  comment: 'gray',
  relocate: 'gray',
};

export const photoRoleLabel: Record<PhotoRole, string> = {
  before: '整改前',
  after: '整改后',
  evidence: '现场照片',
};

export function timeLimitText(t: TimeLimit | null | undefined): string {
  if (!t) return '无时限';
  return `${t.value} 个工作${t.unit === 'hours' ? '小时' : '日'}`;
}

export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return `${(v * 100).toFixed(1)}%`;
}
