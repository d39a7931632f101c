import { sql } from 'kysely';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type {
  VenueClosureTable,
  VenueInspectionFileTable,
  VenueInspectionTable,
  VenueTable,
} from '../../../kernel/db/schema.js';

export interface VenueFilter {
  districtCode: string;
  /** The subtree to list: the actor's scope or a unit in it. */
  path: string;
  typeCode?: string;
  status?: string;
  q?: string;
}

/** A venue row with its latest inspection, as lists show it. */
export type VenueListRow = VenueTable & { last_at: string | null; last_result: string | null };

/** Venues, their inspections (with photos) and closure orders: queries only. */
export const venueStore = {
  async insert(ex: Executor, row: VenueTable): Promise<void> {
    await ex.insertInto('venues').values(row).execute();
  },
  async update(ex: Executor, id: string, set: Partial<VenueTable>): Promise<void> {
    await ex.updateTable('venues').set(set).where('id', '=', id).execute();
  },
  /** The district's venues of these names (an import's matching by grid, name and address). */
  async byNames(ex: Executor, districtCode: string, names: string[]): Promise<VenueTable[]> {
    if (!names.length) return [];
    const out: VenueTable[] = [];
    for (let i = 0; i < names.length; i += 500)
      out.push(
        ...(await ex
          .selectFrom('venues')
          .selectAll()
          .where('district_code', '=', districtCode)
          .where('name', 'in', names.slice(i, i + 500))
          .execute()),
      );
    return out;
  },
  async findById(ex: Executor, id: string): Promise<VenueTable | undefined> {
    return ex.selectFrom('venues').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(
    ex: Executor,
    dialect: Dialect,
    f: VenueFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: VenueListRow[]; total: number }> {
    let q = ex
      .selectFrom('venues as v')
      .where('v.district_code', '=', f.districtCode)
      .where(startsWith('v.grid_path', f.path));
    if (f.typeCode) q = q.where('v.type_code', '=', f.typeCode);
    if (f.status) q = q.where('v.status', '=', f.status);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, 'v.name', needle),
          containsText(dialect, 'v.address', needle),
          containsText(dialect, 'v.owner_name', needle),
        ]),
      );
    }
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('v')
      .select((eb) => [
        eb
          .selectFrom('venue_inspections as i')
          .select('i.inspected_at')
          .whereRef('i.venue_id', '=', 'v.id')
          .orderBy('i.inspected_at', 'desc')
          .limit(1)
          .as('last_at'),
        eb
          .selectFrom('venue_inspections as i')
          .select('i.result')
          .whereRef('i.venue_id', '=', 'v.id')
          .orderBy('i.inspected_at', 'desc')
          .orderBy('i.id', 'desc')
          .limit(1)
          .as('last_result'),
      ])
      .orderBy('v.name')
      .orderBy('v.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows: rows as VenueListRow[], total };
  },

  async insertInspection(ex: Executor, row: VenueInspectionTable, files: VenueInspectionFileTable[]): Promise<void> {
    await ex.insertInto('venue_inspections').values(row).execute();
    if (files.length) await ex.insertInto('venue_inspection_files').values(files).execute();
  },
  async findInspection(ex: Executor, id: string): Promise<VenueInspectionTable | undefined> {
    return ex.selectFrom('venue_inspections').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** A venue's inspections, oldest first. */
  async inspections(ex: Executor, venueId: string): Promise<VenueInspectionTable[]> {
    return ex
      .selectFrom('venue_inspections')
      .selectAll()
      .where('venue_id', '=', venueId)
      .orderBy('inspected_at')
      .orderBy('id')
      .execute();
  },
  /** The photos of the inspections, in their order, by inspection id. */
  async photosOf(ex: Executor, inspectionIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!inspectionIds.length) return out;
    const rows = await ex
      .selectFrom('venue_inspection_files')
      .select(['inspection_id', 'file_id'])
      .where('inspection_id', 'in', inspectionIds)
      .orderBy('inspection_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) out.set(r.inspection_id, [...(out.get(r.inspection_id) ?? []), r.file_id]);
    return out;
  },
  /** The venues whose inspections carry this file (for the files module's access check). */
  async venueIdsOfFile(ex: Executor, fileId: string): Promise<string[]> {
    const rows = await ex
      .selectFrom('venue_inspection_files as f')
      .innerJoin('venue_inspections as i', 'i.id', 'f.inspection_id')
      .select('i.venue_id')
      .where('f.file_id', '=', fileId)
      .execute();
    return [...new Set(rows.map((r) => r.venue_id))];
  },

  async insertClosure(ex: Executor, row: VenueClosureTable): Promise<void> {
    await ex.insertInto('venue_closures').values(row).execute();
  },
  async closures(ex: Executor, venueId: string): Promise<VenueClosureTable[]> {
    return ex
      .selectFrom('venue_closures')
      .selectAll()
      .where('venue_id', '=', venueId)
      .orderBy('issued_at')
      .orderBy('id')
      .execute();
  },
  async findClosure(ex: Executor, id: string): Promise<VenueClosureTable | undefined> {
    return ex.selectFrom('venue_closures').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async openClosure(ex: Executor, venueId: string): Promise<VenueClosureTable | undefined> {
    return ex
      .selectFrom('venue_closures')
      .selectAll()
      .where('venue_id', '=', venueId)
      .where(sql.ref('open'), '=', 1)
      .executeTakeFirst();
  },
  /** Lifts the open order unless another request lifted it first; false when it had. */
  async liftClosure(
    ex: Executor,
    id: string,
    lift: { by: string; byName: string; at: string; note: string | null; inspectionId: string },
  ): Promise<boolean> {
    const r = await ex
      .updateTable('venue_closures')
      .set({
        open: 0,
        lifted_by: lift.by,
        lifted_by_name: lift.byName,
        lifted_at: lift.at,
        lift_note: lift.note,
        lift_inspection_id: lift.inspectionId,
      })
      .where('id', '=', id)
      .where(sql.ref('open'), '=', 1)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
