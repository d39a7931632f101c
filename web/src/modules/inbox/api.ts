import { api } from '../../lib/api';
import type { InboxMessage, InboxPage } from '../../../../src/contracts/inbox';

/** The shapes come from the server's contract (src/contracts/inbox.ts). */
export type { InboxMessage, InboxPage };

export const inboxApi = {
  list: (query: { unread?: boolean; cursor?: string; limit?: number }, signal?: AbortSignal) =>
    api.get<InboxPage>(
      '/inbox',
      {
        unread: query.unread ? 'true' : undefined,
        cursor: query.cursor,
        limit: query.limit,
      },
      { signal },
    ),
  /** Only the unread count (one row fetched); quiet on 401 so polling never signs anyone out by itself. */
  unreadCount: () =>
    api.get<InboxPage>('/inbox', { unread: 'true', limit: 1 }, { quiet401: true }).then((r) => r.unreadCount),
  markRead: (id: string) => api.post<void>(`/inbox/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<void>('/inbox/read-all'),
};

/** Where a message leads: a case's, a task's or a proposal's page, the 民主监督 page, or nowhere. */
export function messageLink(m: Pick<InboxMessage, 'entityType' | 'entityId'>): string | null {
  if (!m.entityId) return null;
  if (m.entityType === 'case') return `/cases/${m.entityId}`;
  if (m.entityType === 'task') return `/supervision/tasks/${m.entityId}`;
  if (m.entityType === 'proposal') return `/proposals/${m.entityId}`;
  if (m.entityType === 'supervisor_opinion') return '/proposals/supervision';
  return null;
}

/** What the link of a message opens, as its label says. */
export function linkLabel(entityType: string | null): string {
  if (entityType === 'task') return '查看任务';
  if (entityType === 'proposal') return '查看提案';
  if (entityType === 'supervisor_opinion') return '查看监督意见';
  return '查看案卷';
}

const kindTags: Record<string, { label: string; color: string }> = {
  dispatch: { label: '派遣', color: 'blue' },
  dispatched: { label: '派遣', color: 'blue' },
  urge: { label: '催办', color: 'orange' },
  supervise: { label: '督办', color: 'red' },
  near_overdue: { label: '预警', color: 'orange' },
  overdue: { label: '超期', color: 'red' },
  return: { label: '退回', color: 'magenta' },
  feedback: { label: '待核查', color: 'purple' },
  verify_fail: { label: '返工', color: 'volcano' },
  verify_pass: { label: '结案', color: 'green' },
  closed: { label: '结案', color: 'green' },
  request_extension: { label: '延期申请', color: 'gold' },
  approve_extension: { label: '延期', color: 'gold' },
  deny_extension: { label: '延期', color: 'gold' },
  escalate: { label: '上报', color: 'cyan' },
  escalate_district: { label: '上报', color: 'cyan' },
  accept: { label: '立案', color: 'cyan' },
  reject: { label: '不予立案', color: 'default' },
  reopen: { label: '重新办理', color: 'geekblue' },
  merge: { label: '合并', color: 'default' },
  comment: { label: '备注', color: 'default' },
  assigned: { label: '交办', color: 'blue' },
  lagging: { label: '滞后', color: 'orange' },
  progress: { label: '进度', color: 'green' },
  notice_replied: { label: '已答复', color: 'green' },
  notice_overdue: { label: '逾期未复', color: 'red' },
};

/** The tag of a message kind ('case.dispatch', 'case.near_overdue', 'case.overdue_urge', 'task.supervise' …). */
export function messageKindTag(kind: string): { label: string; color: string } | null {
  const k = kind.replace(/^[a-z_]+\./, '');
  if (kindTags[k]) return kindTags[k];
  // 'overdue', 'overdue_urge' (cases), 'reply_overdue', 'commitment_overdue' (proposals) …
  if (k.includes('overdue')) return kindTags.overdue;
  return null;
}
