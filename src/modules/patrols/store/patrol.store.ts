import { sql } from 'kysely';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import type {
  PatrolCaseTable,
  PatrolPersonTable,
  PatrolTable,
  PatrolTrackChunkTable,
  PatrolUnitTable,
} from '../../../kernel/db/schema.js';

export type PatrolRow = PatrolTable;
export type PatrolUnitRow = PatrolUnitTable;
export type PatrolPersonRow = PatrolPersonTable;
export type PatrolCaseRow = PatrolCaseTable;
export type TrackChunkRow = PatrolTrackChunkTable;

export interface PatrolFilter {
  districtCode: string;
  /** The viewer's scope: patrols whose scope or recorder is theirs. */
  scopePath: string;
  viewerId: string;
  from?: string;
  to?: string;
  /** Patrols of a unit: one of their units lies under this path. */
  unitPath?: string;
  kind?: string;
  status?: string;
  recorderId?: string;
  far?: boolean;
  limit: number;
}

/** Patrols, their units, people, track chunks, linked cases and the per-unit-per-day roll-up. */
export const patrolStore = {
  async insert(ex: Executor, row: PatrolRow, units: PatrolUnitRow[], people: PatrolPersonRow[]): Promise<void> {
    await ex.insertInto('patrols').values(row).execute();
    await ex.insertInto('patrol_units').values(units).execute();
    await ex.insertInto('patrol_people').values(people).execute();
  },

  findById(ex: Executor, id: string): Promise<PatrolRow | undefined> {
    return ex.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Takes the patrol's row for this transaction if it is still under way (an UPDATE, so PostgreSQL holds
   * its row lock until commit and a concurrent end or track batch waits, then sees it ended): false
   * when it has ended. Every write to a patrol under way goes through here first.
   */
  async claimActive(ex: Executor, id: string, now: string): Promise<boolean> {
    const r = await ex
      .updateTable('patrols')
      .set({ updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * Serialises one recorder's starts until the transaction ends, so "one patrol under way" holds when
   * two starts (different ids and keys) arrive at once: PostgreSQL takes a transaction-scoped advisory
   * lock; SQLite runs one write transaction at a time anyway.
   */
  async lockRecorder(ex: Executor, dialect: Dialect, recorderId: string): Promise<void> {
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext(${`patrols:${recorderId}`}))`.execute(ex);
  },

  activeOf(ex: Executor, recorderId: string): Promise<PatrolRow | undefined> {
    return ex
      .selectFrom('patrols')
      .selectAll()
      .where('recorder_id', '=', recorderId)
      .where('status', '=', 'active')
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
  },

  async unitsOf(ex: Executor, ids: readonly string[]): Promise<Map<string, PatrolUnitRow[]>> {
    const out = new Map<string, PatrolUnitRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = await ex
      .selectFrom('patrol_units')
      .selectAll()
      .where('patrol_id', 'in', [...ids])
      .execute();
    for (const r of rows) out.get(r.patrol_id)?.push(r);
    return out;
  },

  async peopleOf(ex: Executor, ids: readonly string[]): Promise<Map<string, PatrolPersonRow[]>> {
    const out = new Map<string, PatrolPersonRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = await ex
      .selectFrom('patrol_people')
      .selectAll()
      .where('patrol_id', 'in', [...ids])
      .orderBy('patrol_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) out.get(r.patrol_id)?.push(r);
    return out;
  },

  async caseCounts(ex: Executor, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await ex
      .selectFrom('patrol_cases')
      .select((eb) => ['patrol_id', eb.fn.countAll<string | number>().as('n')])
      .where('patrol_id', 'in', [...ids])
      .groupBy('patrol_id')
      .execute();
    return new Map(rows.map((r) => [r.patrol_id, Number(r.n)]));
  },

  casesOf(ex: Executor, id: string): Promise<PatrolCaseRow[]> {
    return ex.selectFrom('patrol_cases').selectAll().where('patrol_id', '=', id).orderBy('linked_at').execute();
  },

  async linkCase(ex: Executor, row: PatrolCaseRow): Promise<boolean> {
    const r = await ex
      .insertInto('patrol_cases')
      .values(row)
      .onConflict((oc) => oc.columns(['patrol_id', 'case_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async nextChunkSeq(ex: Executor, id: string): Promise<number> {
    const r = await ex
      .selectFrom('patrol_track_chunks')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('patrol_id', '=', id)
      .executeTakeFirst();
    return r?.m == null ? 0 : Number(r.m) + 1;
  },

  async addChunk(ex: Executor, row: TrackChunkRow): Promise<void> {
    await ex.insertInto('patrol_track_chunks').values(row).execute();
  },

  async chunksOf(ex: Executor, ids: readonly string[]): Promise<TrackChunkRow[]> {
    if (ids.length === 0) return [];
    return ex
      .selectFrom('patrol_track_chunks')
      .selectAll()
      .where('patrol_id', 'in', [...ids])
      .orderBy('patrol_id')
      .orderBy('seq')
      .execute();
  },

  async update(ex: Executor, id: string, set: Partial<PatrolRow>): Promise<void> {
    await ex.updateTable('patrols').set(set).where('id', '=', id).execute();
  },

  /**
   * One more ended patrol on each (unit, day), and on its (unit, month) — whose days grow by the
   * (unit, day) pairs new here: the coverage roll-ups, in the end's transaction.
   */
  async bumpUnitDays(
    ex: Executor,
    rows: { unit_id: string; kind: string; day: string; district_code: string; unit_path: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const existing = await ex
      .selectFrom('patrol_unit_days')
      .select(['unit_id', 'day'])
      .where('kind', '=', rows[0]!.kind)
      .where('unit_id', 'in', [...new Set(rows.map((r) => r.unit_id))])
      .where('day', 'in', [...new Set(rows.map((r) => r.day))])
      .execute();
    const had = new Set(existing.map((r) => `${r.unit_id}|${r.day}`));
    await ex
      .insertInto('patrol_unit_days')
      .values(rows.map((r) => ({ ...r, patrols: 1 })))
      .onConflict((oc) =>
        oc.columns(['unit_id', 'kind', 'day']).doUpdateSet({ patrols: sql`patrol_unit_days.patrols + 1` }),
      )
      .execute();
    const months = new Map<string, { r: (typeof rows)[number]; month: string; days: number; patrols: number }>();
    for (const r of rows) {
      const month = r.day.slice(0, 7);
      const k = `${r.unit_id}|${month}`;
      const m = months.get(k) ?? { r, month, days: 0, patrols: 0 };
      m.days += had.has(`${r.unit_id}|${r.day}`) ? 0 : 1;
      m.patrols += 1;
      months.set(k, m);
    }
    for (const m of months.values())
      await ex
        .insertInto('patrol_unit_months')
        .values({
          unit_id: m.r.unit_id,
          kind: m.r.kind,
          month: m.month,
          district_code: m.r.district_code,
          unit_path: m.r.unit_path,
          days: m.days,
          patrols: m.patrols,
        })
        .onConflict((oc) =>
          oc.columns(['unit_id', 'kind', 'month']).doUpdateSet({
            days: sql`patrol_unit_months.days + ${m.days}`,
            patrols: sql`patrol_unit_months.patrols + ${m.patrols}`,
          }),
        )
        .execute();
  },

  async list(ex: Executor, f: PatrolFilter): Promise<PatrolRow[]> {
    let q = ex
      .selectFrom('patrols')
      .selectAll()
      .where('district_code', '=', f.districtCode)
      .where((eb) => eb.or([startsWith('scope_path', f.scopePath), eb('recorder_id', '=', f.viewerId)]));
    if (f.from) q = q.where((eb) => eb.or([eb('end_day', '>=', f.from!), eb('end_day', 'is', null)]));
    if (f.to) q = q.where('start_day', '<=', f.to);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.recorderId) q = q.where('recorder_id', '=', f.recorderId);
    if (f.far !== undefined) q = q.where('far_points', f.far ? '>' : '=', 0);
    if (f.unitPath)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('patrol_units as u')
            .select('u.unit_id')
            .whereRef('u.patrol_id', '=', 'patrols.id')
            .where(startsWith('u.unit_path', f.unitPath!)),
        ),
      );
    return q.orderBy('started_at', 'desc').limit(f.limit).execute();
  },

  /**
   * Per unit under `path`: the distinct local days of [first, last] with an ended patrol, and the
   * patrols on them — one GROUP BY over the roll-up (days, not patrols).
   */
  async dayCounts(
    ex: Executor,
    q: { districtCode: string; kind: string; path: string; first: string; last: string },
  ): Promise<{ gridId: string; patrolledDays: number; patrols: number }[]> {
    const rows = await ex
      .selectFrom('patrol_unit_days')
      .select((eb) => [
        'unit_id',
        eb.fn.countAll<string | number>().as('days'),
        eb.fn.sum<string | number>('patrols').as('patrols'),
      ])
      .where('district_code', '=', q.districtCode)
      .where('kind', '=', q.kind)
      .where('day', '>=', q.first)
      .where('day', '<=', q.last)
      .where(startsWith('unit_path', q.path))
      .groupBy('unit_id')
      .execute();
    return rows.map((r) => ({ gridId: r.unit_id, patrolledDays: Number(r.days), patrols: Number(r.patrols) }));
  },

  /**
   * Per unit under `path`: the last local day with an ended patrol, whatever the period. Cheap on a
   * year of data: the latest month per unit from the month roll-up (twelve rows a grid a year), then
   * the day roll-up read only within that month of each unit (its primary key: unit, kind, day).
   */
  async lastDays(ex: Executor, q: { districtCode: string; kind: string; path: string }): Promise<Map<string, string>> {
    const latest = ex
      .selectFrom('patrol_unit_months')
      .select((eb) => ['unit_id', eb.fn.max('month').as('month')])
      .where('district_code', '=', q.districtCode)
      .where('kind', '=', q.kind)
      .where(startsWith('unit_path', q.path))
      .groupBy('unit_id')
      .as('lm');
    const rows = await ex
      .selectFrom('patrol_unit_days as d')
      .innerJoin(latest, 'lm.unit_id', 'd.unit_id')
      .select((eb) => ['d.unit_id', eb.fn.max('d.day').as('day')])
      .where('d.kind', '=', q.kind)
      .where(sql<boolean>`${sql.ref('d.day')} >= ${sql.ref('lm.month')} || '-01'`)
      .where(sql<boolean>`${sql.ref('d.day')} <= ${sql.ref('lm.month')} || '-31'`)
      .groupBy('d.unit_id')
      .execute();
    return new Map(rows.map((r) => [r.unit_id, String(r.day)]));
  },

  /**
   * The same counts per unit and month (YYYY-MM): the whole months of [first, last] from the month
   * roll-up (a row per grid and month), the partial months at either end from the day roll-up.
   */
  async monthCounts(
    ex: Executor,
    q: { districtCode: string; kind: string; path: string; first: string; last: string },
  ): Promise<{ gridId: string; month: string; patrolledDays: number; patrols: number }[]> {
    const { whole, partial } = splitMonths(q.first, q.last);
    const out: { gridId: string; month: string; patrolledDays: number; patrols: number }[] = [];
    if (whole) {
      const rows = await ex
        .selectFrom('patrol_unit_months')
        .select(['unit_id', 'month', 'days', 'patrols'])
        .where('district_code', '=', q.districtCode)
        .where('kind', '=', q.kind)
        .where('month', '>=', whole.from)
        .where('month', '<=', whole.to)
        .where(startsWith('unit_path', q.path))
        .execute();
      for (const r of rows) out.push({ gridId: r.unit_id, month: r.month, patrolledDays: r.days, patrols: r.patrols });
    }
    for (const p of partial)
      for (const r of await this.dayCounts(ex, { ...q, first: p.first, last: p.last }))
        out.push({ ...r, month: p.first.slice(0, 7) });
    return out;
  },

  /** The people of the ended patrols under `path` overlapping [first, last], with each patrol's days and units. */
  async peopleRows(ex: Executor, q: { districtCode: string; kind: string; path: string; first: string; last: string }) {
    const patrols = await ex
      .selectFrom('patrols')
      .select(['id', 'start_day', 'end_day'])
      .where('district_code', '=', q.districtCode)
      .where('kind', '=', q.kind)
      .where('status', '=', 'ended')
      .where('start_day', '<=', q.last)
      .where('end_day', '>=', q.first)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('patrol_units as u')
            .select('u.unit_id')
            .whereRef('u.patrol_id', '=', 'patrols.id')
            .where(startsWith('u.unit_path', q.path)),
        ),
      )
      .execute();
    const ids = patrols.map((p) => p.id);
    const [units, people] = await Promise.all([this.unitsOf(ex, ids), this.peopleOf(ex, ids)]);
    return { patrols, units, people };
  },

  /** Ended and active patrols of a local day under `path` (or the viewer's own), with their track chunks. */
  async ofDay(ex: Executor, q: { districtCode: string; day: string; path: string; viewerId: string }) {
    return ex
      .selectFrom('patrols')
      .selectAll()
      .where('district_code', '=', q.districtCode)
      .where('start_day', '<=', q.day)
      .where((eb) => eb.or([eb('end_day', '>=', q.day), eb('end_day', 'is', null)]))
      .where((eb) => eb.or([startsWith('scope_path', q.path), eb('recorder_id', '=', q.viewerId)]))
      .orderBy('started_at')
      .limit(500)
      .execute();
  },
};

/** The last day of a day's month. */
const monthEnd = (day: string): string => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** [first, last] as its whole months (YYYY-MM range) and the partial months at its ends (day ranges). */
export function splitMonths(
  first: string,
  last: string,
): { whole: { from: string; to: string } | null; partial: { first: string; last: string }[] } {
  if (last < first) return { whole: null, partial: [] };
  if (first.slice(0, 7) === last.slice(0, 7)) {
    const full = first.endsWith('-01') && last === monthEnd(last);
    return full
      ? { whole: { from: first.slice(0, 7), to: first.slice(0, 7) }, partial: [] }
      : { whole: null, partial: [{ first, last }] };
  }
  const partial: { first: string; last: string }[] = [];
  let from = first.slice(0, 7);
  let to = last.slice(0, 7);
  if (!first.endsWith('-01')) {
    partial.push({ first, last: monthEnd(first) });
    from = nextMonth(from);
  }
  if (last !== monthEnd(last)) {
    partial.push({ first: `${to}-01`, last });
    to = prevMonth(to);
  }
  return { whole: from <= to ? { from, to } : null, partial };
}

function nextMonth(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
function prevMonth(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
