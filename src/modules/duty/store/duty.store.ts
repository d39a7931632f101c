import { sql } from 'kysely';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { DutyResponsibilityTable, DutyRosterDayTable } from '../../../kernel/db/schema.js';

export interface ResponsibilityFilter {
  districtCode: string;
  /** Exactly this target, or (with `subtree`) every target under this path. */
  targetId?: string;
  path?: string;
  kind?: string;
  /** In force on this day. */
  on?: string;
  /** Leave out those whose span has ended before `today`. */
  currentFrom?: string;
}

/** The responsibility web and the duty roster: queries only. */
export const responsibilityStore = {
  async insert(ex: Executor, row: DutyResponsibilityTable): Promise<void> {
    await ex.insertInto('duty_responsibilities').values(row).execute();
  },
  async findById(ex: Executor, id: string): Promise<DutyResponsibilityTable | undefined> {
    return ex.selectFrom('duty_responsibilities').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async end(ex: Executor, id: string, set: Pick<DutyResponsibilityTable, 'to_day' | 'ended_at' | 'ended_by_id'>) {
    await ex.updateTable('duty_responsibilities').set(set).where('id', '=', id).execute();
  },
  /**
   * Serialises writers of one target's responsibilities of one kind until the transaction ends, so the
   * overlap rule reads what a concurrent writer has committed: PostgreSQL takes a transaction-scoped
   * advisory lock on (target, kind); SQLite runs one write transaction at a time anyway.
   */
  async lockTargetKind(ex: Executor, dialect: Dialect, targetId: string, kind: string): Promise<void> {
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext(${`duty_responsibilities:${targetId}:${kind}`}))`.execute(ex);
  },
  /** The same target's responsibilities of one kind (the overlap rule's input). */
  async ofTargetAndKind(ex: Executor, targetId: string, kind: string): Promise<DutyResponsibilityTable[]> {
    return ex
      .selectFrom('duty_responsibilities')
      .selectAll()
      .where('target_id', '=', targetId)
      .where('kind', '=', kind)
      .execute();
  },
  async list(ex: Executor, f: ResponsibilityFilter): Promise<DutyResponsibilityTable[]> {
    let q = ex.selectFrom('duty_responsibilities').selectAll().where('district_code', '=', f.districtCode);
    if (f.targetId) q = q.where('target_id', '=', f.targetId);
    if (f.path) q = q.where(startsWith('target_path', f.path));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.on) {
      const on = f.on;
      q = q.where('from_day', '<=', on).where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>=', on)]));
    }
    if (f.currentFrom) {
      const d = f.currentFrom;
      q = q.where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>=', d)]));
    }
    return q.orderBy('target_path').orderBy('kind').orderBy('from_day', 'desc').orderBy('id').limit(2000).execute();
  },
};

export const rosterStore = {
  async days(ex: Executor, unitId: string, from: string, to: string): Promise<DutyRosterDayTable[]> {
    return ex
      .selectFrom('duty_roster_days')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day')
      .execute();
  },
  async remove(ex: Executor, unitId: string, day: string): Promise<number> {
    const r = await ex
      .deleteFrom('duty_roster_days')
      .where('unit_id', '=', unitId)
      .where('day', '=', day)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
  /** Writes a day's entry, replacing the one there. */
  async put(ex: Executor, row: DutyRosterDayTable): Promise<void> {
    await rosterStore.remove(ex, row.unit_id, row.day);
    await ex.insertInto('duty_roster_days').values(row).execute();
  },
  /** Communities that kept a roster since `since`: those the gap reminder watches. */
  async activeUnits(
    ex: Executor,
    since: string,
  ): Promise<{ unit_id: string; unit_path: string; district_code: string }[]> {
    return ex
      .selectFrom('duty_roster_days')
      .select(['unit_id', 'unit_path', 'district_code'])
      .where('day', '>=', since)
      .groupBy(['unit_id', 'unit_path', 'district_code'])
      .orderBy('unit_id')
      .execute();
  },
  /** Claims the reminder of a community and day; false when it was sent already. */
  async claimReminder(ex: Executor, unitId: string, day: string, at: string): Promise<boolean> {
    const r = await ex
      .insertInto('duty_gap_reminders')
      .values({ unit_id: unitId, day, sent_at: at })
      .onConflict((oc) => oc.columns(['unit_id', 'day']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
