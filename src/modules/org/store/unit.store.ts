import { sql } from 'kysely';
import type { Executor, Dialect } from '../../../kernel/db/db.js';
import { containsText, rebasedPath, startsWith } from '../../../kernel/db/dialect.js';
import type { UnitTable } from '../../../kernel/db/schema.js';

import { orgChanged } from '../directory-cache.js';
import { unitSpanStore } from './unit-span.store.js';

/** has_boundary is 0/1 on SQLite and a boolean on PostgreSQL; presenters normalise it. */
export type UnitRow = UnitTable & { has_boundary: number | boolean; child_count: number | null };

function withCounts(ex: Executor) {
  return ex
    .selectFrom('units as u')
    .selectAll('u')
    .select((eb) => [
      eb
        .exists(eb.selectFrom('unit_boundaries as b').select('b.unit_id').whereRef('b.unit_id', '=', 'u.id'))
        .$castTo<number | boolean>()
        .as('has_boundary'),
      eb
        .selectFrom('units as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'u.id')
        .where('c.status', '=', 'active')
        .as('child_count'),
    ]);
}

export interface UnitFilter {
  scopePath: string;
  parentId?: string;
  kind?: string;
  q?: string;
  includeRetired?: boolean;
  limit?: number;
}

export const unitStore = {
  async findById(ex: Executor, id: string): Promise<UnitRow | undefined> {
    return withCounts(ex).where('u.id', '=', id).executeTakeFirst();
  },

  async findByIds(ex: Executor, ids: string[]): Promise<UnitRow[]> {
    if (!ids.length) return [];
    return withCounts(ex).where('u.id', 'in', ids).execute();
  },

  /** The id of the district unit with this code, in any district (bootstrap looks before anything exists). */
  async districtRootId(ex: Executor, code: string): Promise<string | undefined> {
    const r = await ex
      .selectFrom('units')
      .select('id')
      .where('kind', '=', 'district')
      .where('code', '=', code)
      .executeTakeFirst();
    return r?.id;
  },

  /** An active unit of the district by its exact name. */
  async activeByName(ex: Executor, districtCode: string, name: string): Promise<UnitTable | undefined> {
    return ex
      .selectFrom('units')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('name', '=', name)
      .where('status', '=', 'active')
      .executeTakeFirst();
  },

  /** Units under a path (retired ones too), by kind or by id, in path order. */
  async under(ex: Executor, districtCode: string, path: string, f: { kind?: string; ids?: string[] }) {
    let q = ex
      .selectFrom('units')
      .select(['id', 'name', 'path', 'created_at', 'retired_at'])
      .where('district_code', '=', districtCode)
      .where(startsWith('path', path));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : ['']);
    return q.orderBy('path').execute();
  },

  /**
   * Units of a kind under a path retired after `from` and before `to` (retiredUnder in the public API),
   * from the index of retired units. An instant stored in another form than the ISO one the bounds
   * have is compared as a time, not as text.
   */
  async retiredUnder(ex: Executor, districtCode: string, path: string, kind: string, from: string, to: string) {
    const rows = await ex
      .selectFrom('units')
      .select(['id', 'path', 'created_at', 'retired_at'])
      .where('district_code', '=', districtCode)
      .where('kind', '=', kind)
      .where('retired_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('retired_at', '>', from), eb('retired_at', '<', to)]),
          sql<boolean>`NOT (length(retired_at) = 24 AND substr(retired_at, 24, 1) = 'Z')`,
        ]),
      )
      .where(startsWith('path', path))
      .orderBy('path')
      .execute();
    const [a, b] = [Date.parse(from), Date.parse(to)];
    return rows.filter((u) => {
      const t = Date.parse(u.retired_at!);
      return t > a && t < b;
    });
  },

  /** The active departments and outside units of a district, by kind and order. */
  async dispatchTargets(ex: Executor, districtCode: string): Promise<UnitTable[]> {
    return ex
      .selectFrom('units')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('kind', 'in', ['department', 'outside_unit'])
      .where('status', '=', 'active')
      .orderBy('kind')
      .orderBy('sort_order')
      .execute();
  },

  /** Active small grids under a path with their boundaries (GeoJSON text), by code. */
  async smallGridsWithBoundaries(ex: Executor, path: string): Promise<{ id: string; geometry: string }[]> {
    return ex
      .selectFrom('units as u')
      .innerJoin('unit_boundaries as b', 'b.unit_id', 'u.id')
      .select(['u.id', 'b.geometry'])
      .where('u.kind', '=', 'grid_small')
      .where('u.status', '=', 'active')
      .where(startsWith('u.path', path))
      .orderBy('u.code')
      .execute();
  },

  async findByCode(ex: Executor, districtCode: string, code: string): Promise<UnitRow | undefined> {
    return withCounts(ex).where('u.district_code', '=', districtCode).where('u.code', '=', code).executeTakeFirst();
  },

  async list(ex: Executor, dialect: Dialect, f: UnitFilter): Promise<UnitRow[]> {
    let query = withCounts(ex).where(startsWith('u.path', f.scopePath));
    if (f.parentId) query = query.where('u.parent_id', '=', f.parentId);
    if (f.kind) query = query.where('u.kind', '=', f.kind);
    if (f.q) {
      const needle = f.q;
      query = query.where((eb) => eb.or([containsText(dialect, 'u.name', needle), eb('u.code', '=', needle)]));
    }
    if (!f.includeRetired) query = query.where('u.status', '=', 'active');
    return query
      .orderBy('u.depth')
      .orderBy('u.sort_order')
      .orderBy('u.code')
      .orderBy('u.name')
      .limit(f.limit ?? 2000)
      .execute();
  },

  async children(ex: Executor, parentId: string, activeOnly = true): Promise<UnitTable[]> {
    let query = ex.selectFrom('units').selectAll().where('parent_id', '=', parentId);
    if (activeOnly) query = query.where('status', '=', 'active');
    return query.orderBy('sort_order').orderBy('code').execute();
  },

  async ancestors(ex: Executor, path: string): Promise<UnitRow[]> {
    const ids = path.split('/').filter(Boolean).slice(0, -1);
    const rows = await this.findByIds(ex, ids);
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is UnitRow => !!r);
  },

  async insert(ex: Executor, row: UnitTable): Promise<void> {
    await ex.insertInto('units').values(row).execute();
    await unitSpanStore.unitChanged(ex, null, row);
    orgChanged();
  },

  async update(ex: Executor, id: string, patch: Partial<UnitTable>): Promise<void> {
    // What the span counts see of a unit (org's unit_span_counts follow in the same transaction).
    const spans = (['kind', 'path', 'created_at', 'retired_at'] as const).some((k) => k in patch);
    const before = spans ? await ex.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    await ex.updateTable('units').set(patch).where('id', '=', id).execute();
    if (before) await unitSpanStore.unitChanged(ex, before, { ...before, ...patch });
    orgChanged();
  },

  /** Rewrites the materialized path and depth of a unit and its whole subtree. */
  async movePaths(ex: Executor, oldPath: string, newPath: string, depthDelta: number, now: string): Promise<void> {
    const root = await ex.selectFrom('units').select('district_code').where('path', '=', oldPath).executeTakeFirst();
    if (root) await unitSpanStore.subtreeMoved(ex, root.district_code, oldPath, newPath);
    await ex
      .updateTable('units')
      .set({
        path: rebasedPath('path', oldPath, newPath),
        depth: sql`depth + ${depthDelta}`,
        updated_at: now,
      })
      .where(startsWith('path', oldPath))
      .execute();
    orgChanged();
  },

  async countActiveChildren(ex: Executor, id: string): Promise<number> {
    const r = await ex
      .selectFrom('units')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async maxSortOrder(ex: Executor, parentId: string): Promise<number> {
    const r = await ex
      .selectFrom('units')
      .select((e) => e.fn.max('sort_order').as('m'))
      .where('parent_id', '=', parentId)
      .executeTakeFirst();
    return Number(r?.m ?? 0);
  },

  async getBoundary(ex: Executor, unitId: string): Promise<{ geometry: string; updated_at: string } | undefined> {
    return ex
      .selectFrom('unit_boundaries')
      .select(['geometry', 'updated_at'])
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
  },

  async childBoundaries(ex: Executor, parentId: string): Promise<(UnitTable & { geometry: string })[]> {
    return ex
      .selectFrom('units as u')
      .innerJoin('unit_boundaries as b', 'b.unit_id', 'u.id')
      .selectAll('u')
      .select('b.geometry')
      .where('u.parent_id', '=', parentId)
      .where('u.status', '=', 'active')
      .orderBy('u.sort_order')
      .execute();
  },

  /** The boundaries of every active small grid under a path (the map of all grids), in path order. */
  async gridBoundariesUnder(ex: Executor, path: string): Promise<(UnitTable & { geometry: string })[]> {
    return ex
      .selectFrom('units as u')
      .innerJoin('unit_boundaries as b', 'b.unit_id', 'u.id')
      .selectAll('u')
      .select('b.geometry')
      .where(startsWith('u.path', path))
      .where('u.kind', '=', 'grid_small')
      .where('u.status', '=', 'active')
      .orderBy('u.path')
      .execute();
  },

  async setBoundary(
    ex: Executor,
    row: {
      unit_id: string;
      district_code: string;
      geometry: string;
      bbox: [number, number, number, number];
      updated_at: string;
    },
  ): Promise<void> {
    const values = {
      unit_id: row.unit_id,
      district_code: row.district_code,
      geometry: row.geometry,
      min_lng: row.bbox[0],
      min_lat: row.bbox[1],
      max_lng: row.bbox[2],
      max_lat: row.bbox[3],
      updated_at: row.updated_at,
    };
    await ex
      .insertInto('unit_boundaries')
      .values(values)
      .onConflict((oc) => oc.column('unit_id').doUpdateSet({ ...values, unit_id: undefined } as never))
      .execute();
  },

  /** Every active grid of the given kinds with its boundary: the input of the locate index. */
  async gridBoundaries(ex: Executor, kinds: string[]): Promise<{ id: string; kind: string; geometry: string }[]> {
    return ex
      .selectFrom('units as u')
      .innerJoin('unit_boundaries as b', 'b.unit_id', 'u.id')
      .select(['u.id', 'u.kind', 'b.geometry'])
      .where('u.kind', 'in', kinds)
      .where('u.status', '=', 'active')
      .execute();
  },

  async meta(ex: Executor, key: string): Promise<string | undefined> {
    const r = await ex.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value;
  },

  async setMeta(ex: Executor, key: string, value: string): Promise<void> {
    await ex
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  },

  async countAll(ex: Executor): Promise<number> {
    const r = await ex
      .selectFrom('units')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
