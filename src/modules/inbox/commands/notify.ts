import type { Executor } from '../../../kernel/db/db.js';
import { newId } from '../../../kernel/ids.js';
import { inboxStore } from '../store/inbox.store.js';

export interface Notice {
  accountIds: string[];
  districtCode: string;
  /** e.g. 'case.dispatched', 'case.urge', 'case.overdue'. */
  kind: string;
  title: string;
  body: string;
  entityType?: string;
  entityId?: string;
  at: Date;
}

/** Puts a message in each account's in-app inbox; called inside the transaction of the change it reports. */
export async function notify(ex: Executor, n: Notice): Promise<void> {
  const ids = [...new Set(n.accountIds)];
  if (!ids.length) return;
  await inboxStore.insertMany(
    ex,
    ids.map((accountId) => ({
      id: newId(n.at.getTime()),
      district_code: n.districtCode,
      account_id: accountId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      entity_type: n.entityType ?? null,
      entity_id: n.entityId ?? null,
      created_at: n.at.toISOString(),
      read_at: null,
    })),
  );
}
