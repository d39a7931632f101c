import type { ResponsibilityKind } from './api';

export { RESPONSIBILITY_KIND_NAMES, RESPONSIBILITY_KINDS } from '../../../../src/contracts/duty';

export const RESPONSIBILITY_KIND_COLORS: Record<ResponsibilityKind, string> = {
  lead: 'red',
  branch_lead: 'volcano',
  embed: 'blue',
  pair: 'purple',
  grid_head: 'green',
  grid_instructor: 'cyan',
};

/** What a kind is attached to, in the add dialog's words. */
export const KIND_TARGET_HINT: Record<ResponsibilityKind, string> = {
  lead: '选择社区或行政村',
  branch_lead: '选择党支部',
  embed: '选择社区或行政村',
  pair: '选择社区或行政村',
  grid_head: '选择网格',
  grid_instructor: '选择网格',
};

export const KIND_TARGET_KINDS: Record<
  ResponsibilityKind,
  ('community' | 'village' | 'party_branch' | 'grid_large' | 'grid_small')[]
> = {
  lead: ['community', 'village'],
  branch_lead: ['party_branch'],
  embed: ['community', 'village'],
  pair: ['community', 'village'],
  grid_head: ['grid_large', 'grid_small'],
  grid_instructor: ['grid_large', 'grid_small'],
};

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '2026-12-07' → '12-07 周一'. */
export function dayLabel(day: string): string {
  return `${day.slice(5)} 周${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;
}

/** Calendar arithmetic on 'YYYY-MM-DD'. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week of a day. */
export function mondayOf(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((wd + 6) % 7));
}

/** Today in Asia/Shanghai. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** '2026-12-01' – '2026-12-31' or 起 when open-ended. */
export function spanText(from: string, to: string | null): string {
  return to ? `${from} 至 ${to}` : `${from} 起`;
}
