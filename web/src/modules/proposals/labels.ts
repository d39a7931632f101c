import { formatDateTime } from '../../lib/format-time';
import { PROPOSAL_STATUS_NAMES, REPLY_CLASS_NAMES, SATISFACTION_NAMES } from '../../../../src/contracts/proposals';
import type { OpinionStatus, ProposalCommand, ProposalStatus, ReplyClass, Satisfaction } from './api';

/** The server's names (src/contracts/proposals.ts). */
export const STATUS_NAMES: Record<ProposalStatus, string> = PROPOSAL_STATUS_NAMES;
export { REPLY_CLASS_NAMES, SATISFACTION_NAMES };

/** A 解决或采纳, B 列入计划拟解决, C 留作参考. */
export const REPLY_CLASS_COLORS: Record<ReplyClass, string> = { A: 'green', B: 'blue', C: 'default' };

export const STATUS_COLORS: Record<ProposalStatus, string> = {
  registered: 'default',
  assigned: 'processing',
  replied: 'cyan',
  implementing: 'gold',
  completed: 'success',
};
export const SATISFACTION_COLORS: Record<Satisfaction, string> = {
  satisfied: 'green',
  basically_satisfied: 'blue',
  unsatisfied: 'red',
};
export const OPINION_COLORS: Record<OpinionStatus, string> = {
  recorded: 'default',
  open: 'processing',
  answered: 'cyan',
  done: 'success',
};
/** Button and dialog labels, worded as verbs ("已{name}"); the timeline uses the server's typeName. */
export const COMMAND_NAMES: Record<ProposalCommand, string> = {
  assign: '交办',
  mark_key: '列为重点提案',
  consult: '记录见面协商',
  waive_consultation: '无需见面协商',
  reply: '答复',
  add_commitment: '增加落实事项',
  complete_commitment: '报送落实情况',
  complete: '办结',
  rate: '评价',
  report_progress: '汇报进展',
  hear_progress: '听取汇报',
};

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}

export function rateColor(v: number | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return v >= 0.9 ? '#389e0d' : v >= 0.7 ? '#d48806' : '#cf1322';
}

/** An ISO instant as 2026-11-29 14:05 in Asia/Shanghai (the console's one format). */
export const formatAt = (iso: string) => formatDateTime(iso);
