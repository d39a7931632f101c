import type { Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore, type ProposalFilter } from '../store/proposal.store.js';
import { isHandler } from '../domain/proposal-policy.js';
import { areaPathOf, scopeOf } from './proposal-context.js';

export interface ListProposalsQuery {
  year?: number;
  status?: string;
  kind?: string;
  key?: boolean;
  q?: string;
  /** Only the key proposals the caller supervises. */
  supervisedByMe?: boolean;
  /** Only proposals whose reply is overdue. */
  replyOverdue?: boolean;
  /** Only proposals waiting at 已交办 for a reply from a main handler (主办) the caller handles for. */
  toReply?: boolean;
  /** Only proposals handled in this unit's area (the district: all). */
  unitId?: string;
  limit?: number;
  offset?: number;
}

/** The store filter of a list query: its filters within the actor's data scope. The list and its export share it. */
export async function proposalFilter(
  deps: ProposalsDeps,
  actor: Actor,
  query: Omit<ListProposalsQuery, 'limit' | 'offset'>,
  today: string,
): Promise<ProposalFilter> {
  return {
    districtCode: actor.districtCode,
    year: query.year,
    status: query.status,
    kind: query.kind,
    isKey: query.key,
    q: query.q,
    leaderId: query.supervisedByMe ? actor.accountId : undefined,
    replyOverdueOn: query.replyOverdue ? today : undefined,
    ...(query.toReply ? { awaitingReplyUnder: isHandler(actor) ? actor.scopePath : null } : {}),
    scope: await scopeOf(deps, deps.database.db, actor),
    handlerUnder: await areaPathOf(deps, deps.database.db, actor, query.unitId),
  };
}

export async function listProposals(deps: ProposalsDeps, actor: Actor, query: ListProposalsQuery) {
  const db = deps.database.db;
  const today = localDateOf(deps.clock.now());
  const filter = await proposalFilter(deps, actor, query, today);
  const rows = await proposalStore.list(db, filter, { limit: query.limit ?? 100, offset: query.offset ?? 0 });
  const handlers = await proposalStore.handlers(
    db,
    rows.map((r) => r.id),
  );
  const counts = await proposalStore.counts(db, filter);
  const sum = (pred: (c: (typeof counts)[number]) => boolean) => counts.filter(pred).reduce((n, c) => n + c.n, 0);
  return {
    today,
    items: rows.map((row) => ({ row, handlers: handlers.filter((h) => h.proposal_id === row.id) })),
    counts: {
      total: sum(() => true),
      byStatus: Object.fromEntries(
        ['registered', 'assigned', 'replied', 'implementing', 'completed'].map((s) => [s, sum((c) => c.status === s)]),
      ),
      byKind: { reply: sum((c) => c.kind === 'reply'), implementation: sum((c) => c.kind === 'implementation') },
      key: sum((c) => c.is_key === 1),
      replyOverdue: await proposalStore.count(db, {
        ...filter,
        status: undefined,
        kind: undefined,
        isKey: undefined,
        replyOverdueOn: today,
      }),
    },
    years: await proposalStore.years(db, actor.districtCode),
  };
}
