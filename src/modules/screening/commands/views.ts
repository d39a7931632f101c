import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { maskIdNumber, maskPhone } from '../../../kernel/privacy/mask.js';
import type { Campaign, Check, Entry, EntrySource, CheckStatus } from '../../../contracts/screening.js';
import { screeningLookups } from '../../population/index.js';
import type { ScreeningDeps } from '../deps.js';
import { isOverdue, minutesLeft } from '../domain/check-rules.js';
import type { PurgeRecord } from '../domain/purge-record.js';
import { screeningStore, type CampaignRow, type CheckRow, type EntryRow } from '../store/screening.store.js';
import { canManage, fieldsOf } from './campaign-access.js';

async function unitNames(deps: ScreeningDeps, ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const units = await deps.org.unitsByIds(ex, [...new Set(ids)]);
  return new Map([...units.values()].map((u) => [u.id, u.name]));
}

/** Campaigns as the console lists them, with the counts of the caller's scope. */
export async function campaignViews(
  deps: ScreeningDeps,
  ex: Executor,
  actor: Actor,
  rows: readonly CampaignRow[],
): Promise<Campaign[]> {
  const names = await unitNames(
    deps,
    ex,
    rows.map((r) => r.scope_unit_id),
  );
  const now = deps.clock.now().toISOString();
  const out: Campaign[] = [];
  for (const c of rows) {
    // The counts of the caller's part: the campaign's scope when it lies in theirs, else their own.
    const scope = actor.scopePath.startsWith(c.scope_path) ? actor.scopePath : c.scope_path;
    let counts: Campaign['counts'];
    if (c.status === 'purged' && c.purge_record) {
      const r = JSON.parse(c.purge_record) as PurgeRecord;
      counts = {
        entries: r.purged.entries,
        checks: r.purged.checks,
        checksPending: r.counts.checksByStatus.pending ?? 0,
        checksOverdue: r.counts.checksOverdue,
      };
    } else {
      const k = await screeningStore.checkCounts(ex, c.id, scope, now);
      counts = {
        entries: await screeningStore.countEntries(ex, c.id, scope),
        checks: k.checks,
        checksPending: k.pending,
        checksOverdue: k.overdue,
      };
    }
    out.push({
      id: c.id,
      name: c.name,
      scopeUnit: { id: c.scope_unit_id, name: names.get(c.scope_unit_id) ?? '' },
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      fields: fieldsOf(c),
      status: c.status as Campaign['status'],
      createdAt: c.created_at,
      closedAt: c.closed_at,
      purgedAt: c.purged_at,
      counts,
      canManage: canManage(actor, c),
    });
  }
  return out;
}

/** Entries with their grid and every reporting unit; ID numbers and phones masked unless revealed. */
export async function entryViews(
  deps: ScreeningDeps,
  ex: Executor,
  rows: readonly EntryRow[],
  revealed = false,
): Promise<Entry[]> {
  const grids = await screeningLookups.gridRefs(
    deps,
    ex,
    rows.map((r) => r.grid_path),
  );
  const reports = await screeningStore.reports(
    ex,
    rows.map((r) => r.id),
  );
  const names = await unitNames(
    deps,
    ex,
    reports.map((r) => r.unit_id),
  );
  return rows.map((e) => ({
    id: e.id,
    campaignId: e.campaign_id,
    name: e.name,
    idNumber: revealed ? e.id_number : maskIdNumber(e.id_number)!,
    phone: revealed ? e.phone : maskPhone(e.phone),
    address: e.address,
    grid: grids.get(e.grid_path)!,
    values: JSON.parse(e.field_values) as Record<string, string>,
    source: e.source as EntrySource,
    units: reports
      .filter((r) => r.entry_id === e.id)
      .map((r) => ({
        id: r.unit_id,
        name: names.get(r.unit_id) ?? '',
        source: r.source as EntrySource,
        reportedAt: r.reported_at,
      })),
    residentId: e.resident_id,
    createdAt: e.created_at,
    revealed,
  }));
}

/** 协查 items with their owner, time left and 已超时; ID numbers and phones masked. */
export async function checkViews(deps: ScreeningDeps, ex: Executor, rows: readonly CheckRow[]): Promise<Check[]> {
  const names = await unitNames(
    deps,
    ex,
    rows.map((r) => r.owner_unit_id),
  );
  const now = deps.clock.now().toISOString();
  return rows.map((c) => {
    const timing = { dueAt: c.due_at, answeredAt: c.answered_at };
    return {
      id: c.id,
      campaignId: c.campaign_id,
      batchName: c.batch_name,
      rowNumber: c.row_number,
      name: c.name,
      idNumber: maskIdNumber(c.id_number)!,
      phone: maskPhone(c.phone),
      address: c.address,
      remark: c.remark,
      owner: { id: c.owner_unit_id, name: names.get(c.owner_unit_id) ?? '' },
      routedBy: c.routed_by as Check['routedBy'],
      pushedAt: c.pushed_at,
      dueAt: c.due_at,
      status: c.status as CheckStatus,
      answeredAt: c.answered_at,
      answerNote: c.answer_note,
      entryId: c.entry_id,
      overdue: isOverdue(timing, now),
      minutesLeft: c.answered_at ? null : minutesLeft(c.due_at, now),
      // The levels the escalation job has told so far.
      escalation: c.escalation,
    };
  });
}
