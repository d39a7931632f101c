import { sql, type Selectable } from 'kysely';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { ScrCampaignTable, ScrCheckTable, ScrEntryReportTable, ScrEntryTable } from '../../../kernel/db/schema.js';

export type CampaignRow = Selectable<ScrCampaignTable>;
export type EntryRow = Selectable<ScrEntryTable>;
export type ReportRow = Selectable<ScrEntryReportTable>;
export type CheckRow = Selectable<ScrCheckTable>;

/** The entries of a campaign an actor sees: placed in a grid in scope, or reported by a unit in scope. */
const entryInScope = (scopePath: string) =>
  sql<boolean>`(${startsWith('e.grid_path', scopePath)} OR EXISTS (SELECT 1 FROM scr_entry_reports r WHERE r.entry_id = e.id AND ${startsWith('r.unit_path', scopePath)}))`;

export interface EntryFilter {
  campaignId: string;
  scopePath: string;
  q?: string;
  source?: string;
  offset: number;
  limit: number;
}

export interface CheckFilter {
  campaignId: string;
  scopePath: string;
  status?: string;
  /** true: 已超时 only (unanswered past `now`, or answered late); false: the others. */
  overdue?: boolean;
  now: string;
  offset: number;
  limit: number;
}

const overdueSql = (now: string) =>
  sql<boolean>`((c.answered_at IS NULL AND c.due_at < ${now}) OR (c.answered_at IS NOT NULL AND c.answered_at > c.due_at))`;

/** Campaigns, entries with their reporting units, and 协查 items. */
export const screeningStore = {
  async insertCampaign(ex: Executor, row: ScrCampaignTable): Promise<void> {
    await ex.insertInto('scr_campaigns').values(row).execute();
  },
  async campaign(ex: Executor, id: string): Promise<CampaignRow | undefined> {
    return ex.selectFrom('scr_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async campaigns(ex: Executor, districtCode: string): Promise<CampaignRow[]> {
    return ex
      .selectFrom('scr_campaigns')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  },
  async updateCampaign(
    ex: Executor,
    id: string,
    patch: Partial<ScrCampaignTable>,
    fromStatus?: string,
  ): Promise<number> {
    let q = ex.updateTable('scr_campaigns').set(patch).where('id', '=', id);
    if (fromStatus) q = q.where('status', '=', fromStatus);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  },

  async entryByIdNumber(ex: Executor, campaignId: string, idNumber: string): Promise<EntryRow | undefined> {
    return ex
      .selectFrom('scr_entries')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('id_number', '=', idNumber)
      .executeTakeFirst();
  },
  async entry(ex: Executor, id: string): Promise<EntryRow | undefined> {
    return ex.selectFrom('scr_entries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertEntry(ex: Executor, row: ScrEntryTable): Promise<void> {
    await ex.insertInto('scr_entries').values(row).execute();
  },
  async touchEntry(ex: Executor, id: string, at: string): Promise<void> {
    await ex.updateTable('scr_entries').set({ updated_at: at }).where('id', '=', id).execute();
  },
  async entryInScope(ex: Executor, id: string, scopePath: string): Promise<EntryRow | undefined> {
    return ex
      .selectFrom('scr_entries as e')
      .selectAll('e')
      .where('e.id', '=', id)
      .where(entryInScope(scopePath))
      .executeTakeFirst();
  },
  async entryPage(ex: Executor, f: EntryFilter): Promise<{ rows: EntryRow[]; total: number }> {
    let q = ex
      .selectFrom('scr_entries as e')
      .where('e.campaign_id', '=', f.campaignId)
      .where(entryInScope(f.scopePath));
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) =>
        eb.or([sql<boolean>`e.name LIKE ${like} ESCAPE '\\'`, eb('e.id_number', '=', f.q!.toUpperCase())]),
      );
    }
    if (f.source) q = q.where('e.source', '=', f.source);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('e')
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id')
      .offset(f.offset)
      .limit(f.limit)
      .execute();
    return { rows, total };
  },
  async countEntries(ex: Executor, campaignId: string, scopePath: string): Promise<number> {
    const r = await ex
      .selectFrom('scr_entries as e')
      .where('e.campaign_id', '=', campaignId)
      .where(entryInScope(scopePath))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async insertReport(ex: Executor, row: ScrEntryReportTable): Promise<void> {
    await ex.insertInto('scr_entry_reports').values(row).execute();
  },
  async reports(ex: Executor, entryIds: readonly string[]): Promise<ReportRow[]> {
    if (!entryIds.length) return [];
    return ex
      .selectFrom('scr_entry_reports')
      .selectAll()
      .where('entry_id', 'in', [...entryIds])
      .orderBy('reported_at')
      .orderBy('unit_id')
      .execute();
  },

  async insertChecks(ex: Executor, rows: ScrCheckTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await ex
        .insertInto('scr_checks')
        .values(rows.slice(i, i + 500))
        .execute();
  },
  async check(ex: Executor, id: string): Promise<CheckRow | undefined> {
    return ex.selectFrom('scr_checks').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateCheck(ex: Executor, id: string, patch: Partial<ScrCheckTable>, fromStatus?: string): Promise<number> {
    let q = ex.updateTable('scr_checks').set(patch).where('id', '=', id);
    if (fromStatus) q = q.where('status', '=', fromStatus);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  },
  async checkPage(ex: Executor, f: CheckFilter): Promise<{ rows: CheckRow[]; total: number }> {
    let q = ex
      .selectFrom('scr_checks as c')
      .where('c.campaign_id', '=', f.campaignId)
      .where(startsWith('c.owner_path', f.scopePath));
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.overdue !== undefined) q = q.where(f.overdue ? overdueSql(f.now) : sql<boolean>`NOT ${overdueSql(f.now)}`);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('c')
      // Pending first, the soonest due first; then the answered, latest first.
      .orderBy(sql`CASE WHEN c.status = 'pending' THEN 0 ELSE 1 END`)
      .orderBy('c.due_at')
      .orderBy('c.id')
      .offset(f.offset)
      .limit(f.limit)
      .execute();
    return { rows, total };
  },
  async checkCounts(
    ex: Executor,
    campaignId: string,
    scopePath: string,
    now: string,
  ): Promise<{ checks: number; pending: number; overdue: number }> {
    const r = await ex
      .selectFrom('scr_checks as c')
      .where('c.campaign_id', '=', campaignId)
      .where(startsWith('c.owner_path', scopePath))
      .select([
        sql<number>`COUNT(*)`.as('checks'),
        sql<number>`SUM(CASE WHEN c.status = 'pending' THEN 1 ELSE 0 END)`.as('pending'),
        sql<number>`SUM(CASE WHEN ${overdueSql(now)} THEN 1 ELSE 0 END)`.as('overdue'),
      ])
      .executeTakeFirstOrThrow();
    return { checks: Number(r.checks), pending: Number(r.pending ?? 0), overdue: Number(r.overdue ?? 0) };
  },
  /** Unanswered items past due whose escalation may have to rise (the job reads them). */
  async pendingPastDue(ex: Executor, now: string): Promise<CheckRow[]> {
    return ex
      .selectFrom('scr_checks')
      .selectAll()
      .where('status', '=', 'pending')
      .where('due_at', '<', now)
      .where('escalation', '<', 2)
      .orderBy('due_at')
      .limit(5000)
      .execute();
  },
  /** Raises an item's escalation from `from` to `to`, once: false when another run already did. */
  async raiseEscalation(ex: Executor, id: string, from: number, to: number, at: string): Promise<boolean> {
    const r = await ex
      .updateTable('scr_checks')
      .set({ escalation: to, escalated_at: at })
      .where('id', '=', id)
      .where('escalation', '=', from)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Everything a purge counts, before it deletes. */
  async allOfCampaign(ex: Executor, campaignId: string) {
    const entries = await ex
      .selectFrom('scr_entries')
      .select(['id', 'grid_path', 'source'])
      .where('campaign_id', '=', campaignId)
      .execute();
    const reports = await ex
      .selectFrom('scr_entry_reports as r')
      .innerJoin('scr_entries as e', 'e.id', 'r.entry_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    const checks = await ex
      .selectFrom('scr_checks')
      .select(['status', 'due_at', 'answered_at'])
      .where('campaign_id', '=', campaignId)
      .execute();
    return { entries, reports: Number(reports.n), checks };
  },
  /** Deletes a campaign's entries, their reports and its 协查 items. */
  async deleteCampaignData(ex: Executor, campaignId: string): Promise<void> {
    await ex
      .deleteFrom('scr_entry_reports')
      .where('entry_id', 'in', (eb) => eb.selectFrom('scr_entries').select('id').where('campaign_id', '=', campaignId))
      .execute();
    await ex.deleteFrom('scr_checks').where('campaign_id', '=', campaignId).execute();
    await ex.deleteFrom('scr_entries').where('campaign_id', '=', campaignId).execute();
  },
};
