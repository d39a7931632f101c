import type { Selectable } from 'kysely';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import type {
  MeasureEventTable,
  MeasureFollowUpTable,
  MeasureOwnerTable,
  MeasureTable,
} from '../../../kernel/db/schema.js';

export type MeasureRow = Selectable<MeasureTable>;
export type OwnerRow = Selectable<MeasureOwnerTable>;
export type FollowUpRow = Selectable<MeasureFollowUpTable>;
export type EventRow = Selectable<MeasureEventTable>;

/** Chunks for IN lists and multi-row inserts (SQLite's bound-parameter limit). */
function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export interface MeasureFilter {
  districtCode: string;
  /** Measures under this unit path … */
  path: string;
  /** … or owned by this account (the 民警 and the 医生 see only theirs). */
  ownerId: string;
  /** Restrict to measures the account owns, whatever the path (an owner with no territorial scope). */
  ownedOnly: boolean;
  status?: string;
  q?: string;
  /** Only measures under this path (a unit asked for), owned ones too. */
  within?: string;
  /** After this (start day, id), in the list's order: start day descending, then id. */
  after?: readonly [string, string];
  limit: number;
}

/** Home measures, their owners, daily follow-ups and history. */
export const measureStore = {
  async insert(
    ex: Executor,
    m: MeasureTable,
    owners: MeasureOwnerTable[],
    followUps: MeasureFollowUpTable[],
  ): Promise<void> {
    await ex.insertInto('measures').values(m).execute();
    await ex.insertInto('measure_owners').values(owners).execute();
    for (const part of chunks(followUps, 50)) await ex.insertInto('measure_follow_ups').values(part).execute();
  },

  async byId(ex: Executor, id: string): Promise<MeasureRow | undefined> {
    return ex.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async openOfResident(ex: Executor, residentId: string): Promise<MeasureRow[]> {
    return ex
      .selectFrom('measures')
      .selectAll()
      .where('resident_id', '=', residentId)
      .where('status', '=', 'open')
      .execute();
  },

  async residentsWithOpen(ex: Executor, residentIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(residentIds, 500)) {
      if (!part.length) continue;
      const rows = await ex
        .selectFrom('measures')
        .select('resident_id')
        .where('resident_id', 'in', part)
        .where('status', '=', 'open')
        .execute();
      for (const r of rows) out.add(r.resident_id);
    }
    return out;
  },

  async list(ex: Executor, dialect: Dialect, f: MeasureFilter): Promise<MeasureRow[]> {
    const owned = ex.selectFrom('measure_owners').select('measure_id').where('account_id', '=', f.ownerId);
    let q = ex.selectFrom('measures').selectAll().where('district_code', '=', f.districtCode);
    q = f.ownedOnly
      ? q.where('id', 'in', owned)
      : q.where((eb) => eb.or([startsWith('grid_path', f.path), eb('id', 'in', owned)]));
    if (f.status) q = q.where('status', '=', f.status);
    if (f.q) q = q.where(containsText(dialect, 'subject_name', f.q));
    if (f.within) q = q.where(startsWith('grid_path', f.within));
    if (f.after) {
      const [day, id] = f.after;
      q = q.where((eb) => eb.or([eb('start_day', '<', day), eb.and([eb('start_day', '=', day), eb('id', '>', id)])]));
    }
    return q.orderBy('start_day', 'desc').orderBy('id').limit(f.limit).execute();
  },

  async owners(ex: Executor, measureIds: readonly string[]): Promise<OwnerRow[]> {
    const out: OwnerRow[] = [];
    for (const part of chunks(measureIds, 500))
      if (part.length)
        out.push(...(await ex.selectFrom('measure_owners').selectAll().where('measure_id', 'in', part).execute()));
    return out;
  },

  async followUps(ex: Executor, measureIds: readonly string[]): Promise<FollowUpRow[]> {
    const out: FollowUpRow[] = [];
    for (const part of chunks(measureIds, 500))
      if (part.length)
        out.push(
          ...(await ex
            .selectFrom('measure_follow_ups')
            .selectAll()
            .where('measure_id', 'in', part)
            .orderBy('measure_id')
            .orderBy('day')
            .execute()),
        );
    return out;
  },

  async followUp(ex: Executor, measureId: string, day: string): Promise<FollowUpRow | undefined> {
    return ex
      .selectFrom('measure_follow_ups')
      .selectAll()
      .where('measure_id', '=', measureId)
      .where('day', '=', day)
      .executeTakeFirst();
  },

  async recordFollowUp(ex: Executor, row: MeasureFollowUpTable): Promise<void> {
    await ex
      .updateTable('measure_follow_ups')
      .set({
        status: row.status,
        method: row.method,
        temperature: row.temperature,
        note: row.note,
        recorded_by: row.recorded_by,
        recorded_by_name: row.recorded_by_name,
        recorded_role: row.recorded_role,
        recorded_at: row.recorded_at,
      })
      .where('measure_id', '=', row.measure_id)
      .where('day', '=', row.day)
      .execute();
  },

  /** A day's follow-ups of the open measures an account owns, with its role in each: 今日随访. */
  async dueFor(ex: Executor, accountId: string, day: string) {
    return ex
      .selectFrom('measure_owners as o')
      .innerJoin('measures as m', 'm.id', 'o.measure_id')
      .innerJoin('measure_follow_ups as f', (j) => j.onRef('f.measure_id', '=', 'm.id').on('f.day', '=', day))
      .selectAll('f')
      .select(['o.role as my_role'])
      .where('o.account_id', '=', accountId)
      .where('m.status', '=', 'open')
      .orderBy('m.subject_name')
      .orderBy('m.id')
      .execute();
  },

  /**
   * The follow-ups not yet performed, up to `today`, of the district's open measures an account owns
   * (one row per measure and day, whatever roles the account holds in it): the 工作台's 今日待随访.
   */
  async pendingFor(ex: Executor, accountId: string, districtCode: string, today: string) {
    return ex
      .selectFrom('measure_follow_ups as f')
      .innerJoin('measures as m', 'm.id', 'f.measure_id')
      .select(['f.measure_id', 'f.day', 'f.status'])
      .distinct()
      .where('m.district_code', '=', districtCode)
      .where('m.status', '=', 'open')
      .where('f.status', '=', 'not_performed')
      .where('f.day', '<=', today)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('measure_owners as o')
            .select('o.measure_id')
            .whereRef('o.measure_id', '=', 'm.id')
            .where('o.account_id', '=', accountId),
        ),
      )
      .execute();
  },

  /**
   * A day's follow-ups of the district's open measures, each with its four owners (one row per
   * measure, read from the day's covering index and the measure): the caller makes the owners' lists.
   */
  async dueOfDistrict(ex: Executor, districtCode: string, day: string) {
    return ex
      .selectFrom('measure_follow_ups as f')
      .innerJoin('measures as m', 'm.id', 'f.measure_id')
      .select([
        'f.measure_id',
        'f.status',
        'm.subject_name',
        'm.owner_subdistrict',
        'm.owner_community',
        'm.owner_police',
        'm.owner_doctor',
      ])
      .where('f.day', '=', day)
      .where('m.district_code', '=', districtCode)
      .where('m.status', '=', 'open')
      .execute();
  },

  async measuresByIds(ex: Executor, ids: readonly string[]): Promise<MeasureRow[]> {
    const out: MeasureRow[] = [];
    for (const part of chunks(ids, 500))
      if (part.length) out.push(...(await ex.selectFrom('measures').selectAll().where('id', 'in', part).execute()));
    return out;
  },

  async end(ex: Executor, id: string, status: string, endedOn: string, now: string): Promise<void> {
    await ex
      .updateTable('measures')
      .set({ status, ended_on: endedOn, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
  },

  /** The days after an early end leave the follow-up list (nobody owes a visit to someone in hospital). */
  async dropFollowUpsAfter(ex: Executor, id: string, day: string): Promise<void> {
    await ex
      .deleteFrom('measure_follow_ups')
      .where('measure_id', '=', id)
      .where('day', '>', day)
      .where('status', '=', 'not_performed')
      .execute();
  },

  async addEvent(ex: Executor, e: MeasureEventTable): Promise<void> {
    await ex.insertInto('measure_events').values(e).execute();
  },

  async events(ex: Executor, id: string): Promise<EventRow[]> {
    return ex
      .selectFrom('measure_events')
      .selectAll()
      .where('measure_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },

  /** Pending follow-ups of days before `today` in open measures: what the day's end job marks missed. */
  async pendingBefore(ex: Executor, today: string, limit: number) {
    return ex
      .selectFrom('measure_follow_ups as f')
      .innerJoin('measures as m', 'm.id', 'f.measure_id')
      .select(['f.measure_id', 'f.day', 'f.status', 'm.district_code', 'm.subject_name', 'm.community_id'])
      .where('f.status', '=', 'not_performed')
      .where('f.day', '<', today)
      .where('m.status', '=', 'open')
      .orderBy('f.day')
      .orderBy('f.measure_id')
      .limit(limit)
      .execute();
  },

  /** Marks one follow-up missed if it is still pending: true when this call changed it. */
  async markMissed(ex: Executor, measureId: string, day: string): Promise<boolean> {
    const r = await ex
      .updateTable('measure_follow_ups')
      .set({ status: 'missed' })
      .where('measure_id', '=', measureId)
      .where('day', '=', day)
      .where('status', '=', 'not_performed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async openEndedBefore(ex: Executor, today: string, limit: number): Promise<MeasureRow[]> {
    return ex
      .selectFrom('measures')
      .selectAll()
      .where('status', '=', 'open')
      .where('end_day', '<', today)
      .orderBy('end_day')
      .limit(limit)
      .execute();
  },

  /** Follow-up statuses of the measures under a path (or all the account owns), for completeness. */
  async completenessRows(
    ex: Executor,
    f: {
      districtCode: string;
      path: string;
      /** Only follow-ups of these days (inclusive). */ days?: { from: string; to: string };
    },
  ) {
    let q = ex
      .selectFrom('measures as m')
      .innerJoin('measure_follow_ups as f', 'f.measure_id', 'm.id')
      .select(['m.id', 'm.community_id', 'm.subdistrict_id', 'm.status as measure_status', 'f.day', 'f.status'])
      .where('m.district_code', '=', f.districtCode)
      .where(startsWith('m.grid_path', f.path));
    if (f.days) q = q.where('f.day', '>=', f.days.from).where('f.day', '<=', f.days.to);
    return q.execute();
  },
};
