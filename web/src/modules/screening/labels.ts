import {
  CAMPAIGN_STATUS_NAMES,
  CHECK_STATUS_NAMES,
  ENTRY_SOURCE_NAMES,
  ROUTED_BY_NAMES,
} from '../../../../src/contracts/screening';

export { CAMPAIGN_STATUS_NAMES, CHECK_STATUS_NAMES, ENTRY_SOURCE_NAMES, ROUTED_BY_NAMES };

/** 剩余 3 小时 20 分 / 已超时 2 小时: what the 协查 queue shows of an unanswered item. */
export function timeLeftText(minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.abs(minutes);
  const text = m >= 60 ? `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}` : `${m} 分`;
  return minutes >= 0 ? `剩余 ${text}` : `已超时 ${text}`;
}
