import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { proposalYearStats, type ProposalState } from '../domain/proposal-state.js';
import { allowedCommands } from '../domain/proposal-policy.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore, type ProposalFilter } from '../store/proposal.store.js';
import { loadVisibleProposal, scopeOf } from './proposal-context.js';

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
    scope: await scopeOf(deps, deps.database.db, actor),
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

export async function getProposal(deps: ProposalsDeps, actor: Actor, id: string) {
  const p = await loadVisibleProposal(deps, deps.database.db, actor, id);
  return {
    row: p.row,
    state: p.state,
    handlers: p.handlers,
    actions: p.actions,
    allowed: allowedCommands(actor, p.facts),
    today: localDateOf(deps.clock.now()),
  };
}

/** Yearly statistics over the proposals the actor may see, with a row per main handler (主办单位). */
export async function proposalStats(deps: ProposalsDeps, actor: Actor, year: number, asOf?: string) {
  const db = deps.database.db;
  const date = asOf ?? localDateOf(deps.clock.now());
  const rows = await proposalStore.states(db, {
    districtCode: actor.districtCode,
    year,
    scope: await scopeOf(deps, db, actor),
  });
  const states = rows.map((r) => JSON.parse(r.state) as ProposalState);
  const handlers = await proposalStore.handlers(
    db,
    rows.map((r) => r.id),
  );
  const byUnit = new Map<string, { unitId: string; name: string; states: ProposalState[] }>();
  for (const h of handlers.filter((x) => x.role === 'main')) {
    const e = byUnit.get(h.unit_id) ?? { unitId: h.unit_id, name: h.unit_name, states: [] };
    e.states.push(states.find((s) => s.id === h.proposal_id)!);
    byUnit.set(h.unit_id, e);
  }
  return {
    asOf: date,
    ...proposalYearStats(states, year, date),
    byMainHandler: [...byUnit.values()]
      .map((u) => ({ unitId: u.unitId, name: u.name, ...proposalYearStats(u.states, year, date) }))
      .sort((a, b) => b.proposals - a.proposals || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** An evidence file of a visible proposal (a reply, a commitment or a progress report attached it). */
export async function proposalFile(deps: ProposalsDeps, actor: Actor, id: string, fileId: string) {
  const db = deps.database.db;
  const p = await loadVisibleProposal(deps, db, actor, id);
  const attached = p.actions.some((a) => (JSON.parse(a.record).fileIds as string[] | undefined)?.includes(fileId));
  const f = attached
    ? await db.selectFrom('files').select(['id', 'sha256', 'mime_type']).where('id', '=', fileId).executeTakeFirst()
    : undefined;
  if (!f) throw new NotFound('file', fileId);
  return f;
}
