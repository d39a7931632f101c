import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { ProposalActionTable, ProposalHandlerTable, ProposalTable } from '../../../kernel/db/schema.js';

export interface ProposalFilter {
  districtCode: string;
  year?: number;
  status?: string;
  kind?: string;
  isKey?: boolean;
  /** Free text in number or title. */
  q?: string;
  /** Key proposals this account supervises (牵头督办). */
  leaderId?: string;
  /** Assigned proposals whose reply deadline is before this local date. */
  replyOverdueOn?: string;
  /**
   * Proposals waiting at 已交办 for the reply of a main handler (主办) under this path (the 工作台's
   * 待答复); null: the caller handles nothing, so nothing matches.
   */
  awaitingReplyUnder?: string | null;
  /** null: the whole district; else the actor's scope path and account (handler units, leader, proposer). */
  scope: { path: string; accountId: string } | null;
  /** Only proposals with a handling unit under this path. */
  handlerUnder?: string;
}

function filtered(ex: Executor, f: ProposalFilter) {
  let q = ex.selectFrom('proposals as p').where('p.district_code', '=', f.districtCode);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.isKey !== undefined) q = q.where('p.is_key', '=', f.isKey ? 1 : 0);
  if (f.leaderId) q = q.where('p.leader_id', '=', f.leaderId);
  if (f.replyOverdueOn) q = q.where('p.status', '=', 'assigned').where('p.reply_deadline', '<', f.replyOverdueOn);
  const mainUnder = f.awaitingReplyUnder;
  if (mainUnder === null) q = q.where(sql<boolean>`1 = 0`);
  else if (mainUnder !== undefined)
    q = q
      .where('p.status', '=', 'assigned')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('proposal_handlers as mh')
            .select('mh.unit_id')
            .whereRef('mh.proposal_id', '=', 'p.id')
            .where('mh.role', '=', 'main')
            .where(startsWith('mh.unit_path', mainUnder)),
        ),
      );
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([sql<boolean>`p.number LIKE ${like} ESCAPE '\\'`, sql<boolean>`p.title LIKE ${like} ESCAPE '\\'`]),
    );
  }
  const under = f.handlerUnder;
  if (under)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('proposal_handlers as h')
          .select('h.unit_id')
          .whereRef('h.proposal_id', '=', 'p.id')
          .where(startsWith('h.unit_path', under)),
      ),
    );
  const scope = f.scope;
  if (scope) {
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('proposal_handlers as h')
            .select('h.unit_id')
            .whereRef('h.proposal_id', '=', 'p.id')
            .where(startsWith('h.unit_path', scope.path)),
        ),
        eb('p.leader_id', '=', scope.accountId),
        // Account ids are UUIDs: nothing in them is LIKE syntax.
        sql<boolean>`p.proposers LIKE ${`%"${scope.accountId}"%`}`,
      ]),
    );
  }
  return q;
}

export const proposalStore = {
  /** A stored file's id, hash and type (evidence attached to a proposal's actions). */
  async file(ex: Executor, id: string) {
    return ex.selectFrom('files').select(['id', 'sha256', 'mime_type']).where('id', '=', id).executeTakeFirst();
  },
  /** Whose state may owe something, in these statuses (the overdue reminder's scan). */
  async statesInStatus(ex: Executor, statuses: readonly string[]): Promise<{ id: string; state: string }[]> {
    return ex
      .selectFrom('proposals')
      .select(['id', 'state'])
      .where('status', 'in', [...statuses])
      .execute();
  },
  /** Whether the files exist, in which district and who uploaded them (evidence must be one's own). */
  async fileOwners(ex: Executor, ids: string[]) {
    return ex.selectFrom('files').select(['id', 'district_code', 'uploaded_by']).where('id', 'in', ids).execute();
  },
  async insert(ex: Executor, row: ProposalTable): Promise<void> {
    await ex.insertInto('proposals').values(row).execute();
  },
  async findById(ex: Executor, id: string): Promise<ProposalTable | undefined> {
    return ex.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async handlers(ex: Executor, proposalIds: string[]): Promise<ProposalHandlerTable[]> {
    if (!proposalIds.length) return [];
    return ex
      .selectFrom('proposal_handlers')
      .selectAll()
      .where('proposal_id', 'in', proposalIds)
      .orderBy('role', 'desc')
      .orderBy('unit_name')
      .execute();
  },
  async replaceHandlers(ex: Executor, proposalId: string, rows: ProposalHandlerTable[]): Promise<void> {
    await ex.deleteFrom('proposal_handlers').where('proposal_id', '=', proposalId).execute();
    if (rows.length) await ex.insertInto('proposal_handlers').values(rows).execute();
  },
  async actions(ex: Executor, proposalId: string): Promise<ProposalActionTable[]> {
    return ex.selectFrom('proposal_actions').selectAll().where('proposal_id', '=', proposalId).orderBy('seq').execute();
  },
  /** When each proposal first had an action of this type (e.g. 交办), by proposal id. */
  async firstActionAt(ex: Executor, proposalIds: string[], type: string): Promise<Map<string, string>> {
    if (!proposalIds.length) return new Map();
    const rows = await ex
      .selectFrom('proposal_actions')
      .select(['proposal_id', (eb) => eb.fn.min('at').as('at')])
      .where('proposal_id', 'in', proposalIds)
      .where('type', '=', type)
      .groupBy('proposal_id')
      .execute();
    return new Map(rows.map((r) => [r.proposal_id, String(r.at)]));
  },
  async appendAction(ex: Executor, row: ProposalActionTable): Promise<void> {
    await ex.insertInto('proposal_actions').values(row).execute();
  },
  async updateIfVersion(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<ProposalTable>,
  ): Promise<boolean> {
    const r = await ex
      .updateTable('proposals')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async lastSeq(ex: Executor, districtCode: string, year: number): Promise<number> {
    const r = await ex
      .selectFrom('proposals')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('district_code', '=', districtCode)
      .where('year', '=', year)
      .executeTakeFirst();
    return Number(r?.m ?? 0);
  },
  async list(ex: Executor, f: ProposalFilter, page: { limit: number; offset: number }): Promise<ProposalTable[]> {
    return filtered(ex, f)
      .selectAll('p')
      .orderBy('p.year', 'desc')
      .orderBy('p.seq')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },
  /** Counts by status, kind and key over the filter (status and kind filters aside, so the tabs show every bucket). */
  async counts(
    ex: Executor,
    f: ProposalFilter,
  ): Promise<{ status: string; kind: string; is_key: number; n: number }[]> {
    const rows = await filtered(ex, {
      ...f,
      status: undefined,
      kind: undefined,
      isKey: undefined,
      replyOverdueOn: undefined,
    })
      .select(['p.status', 'p.kind', 'p.is_key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['p.status', 'p.kind', 'p.is_key'])
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
  async count(ex: Executor, f: ProposalFilter): Promise<number> {
    const r = await filtered(ex, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** The reply deadlines of the proposals matching the filter (the 工作台 splits them overdue / due soon). */
  async replyDeadlines(ex: Executor, f: ProposalFilter): Promise<(string | null)[]> {
    return (await filtered(ex, f).select('p.reply_deadline').execute()).map((r) => r.reply_deadline);
  },
  async states(ex: Executor, f: ProposalFilter): Promise<{ id: string; state: string }[]> {
    return filtered(ex, f).select(['p.id', 'p.state']).execute();
  },
  /** Years that have proposals, newest first. */
  async years(ex: Executor, districtCode: string): Promise<number[]> {
    const rows = await ex
      .selectFrom('proposals')
      .select('year')
      .distinct()
      .where('district_code', '=', districtCode)
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => Number(r.year));
  },
};
