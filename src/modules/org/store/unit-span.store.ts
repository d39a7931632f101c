import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { rebasedPath, startsWith } from '../../../kernel/db/dialect.js';
import type { UnitTable } from '../../../kernel/db/schema.js';
import { SpanTally, strictAncestors, type SpanCount, type SpanUnit } from '../domain/unit-spans.js';

const spanOf = (u: Pick<UnitTable, 'kind' | 'path' | 'created_at' | 'retired_at'>): SpanUnit => ({
  kind: u.kind,
  path: u.path,
  createdAt: u.created_at,
  retiredAt: u.retired_at,
});

/**
 * unit_span_counts (domain/unit-spans.ts): the units of each kind opened and retired under each area
 * per kept instant. unit.store calls `apply` in the transaction that writes the units, so the counts
 * never disagree with them; `rebuild` recounts a district from its units (after a bulk load).
 */
export const unitSpanStore = {
  /** Adds a tally's changes (upsert: counts add up; rows that fall to nothing go). */
  async apply(ex: Executor, districtCode: string, tally: SpanTally): Promise<void> {
    const rows = tally.changes().map((r) => ({
      district_code: districtCode,
      kind: r.kind,
      area_path: r.areaPath,
      at: r.at,
      born: r.born,
      retired: r.retired,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await ex
        .insertInto('unit_span_counts')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(['district_code', 'kind', 'area_path', 'at']).doUpdateSet({
            born: sql`unit_span_counts.born + excluded.born`,
            retired: sql`unit_span_counts.retired + excluded.retired`,
          }),
        )
        .execute();
    if (rows.some((r) => r.born < 0 || r.retired < 0))
      await ex
        .deleteFrom('unit_span_counts')
        .where('district_code', '=', districtCode)
        .where('born', '=', 0)
        .where('retired', '=', 0)
        .execute();
  },

  /** A unit written (inserted, or changed from `before`): its counts under its strict ancestors. */
  async unitChanged(
    ex: Executor,
    before: Pick<UnitTable, 'district_code' | 'kind' | 'path' | 'created_at' | 'retired_at'> | null,
    after: Pick<UnitTable, 'district_code' | 'kind' | 'path' | 'created_at' | 'retired_at'>,
  ): Promise<void> {
    const tally = new SpanTally();
    if (before) tally.addUnit(spanOf(before), -1);
    tally.addUnit(spanOf(after));
    await this.apply(ex, after.district_code, tally);
  },

  /**
   * A subtree moved from `oldPath` to `newPath` (before the units' paths are rewritten): what it
   * counts — its root and every unit below (the rows of the root's own path) — leaves the areas above
   * the old place that are not above the new one and joins the new ones; the rows of areas inside the
   * subtree follow its path.
   */
  async subtreeMoved(ex: Executor, districtCode: string, oldPath: string, newPath: string): Promise<void> {
    const root = await ex
      .selectFrom('units')
      .select(['kind', 'path', 'created_at', 'retired_at'])
      .where('path', '=', oldPath)
      .executeTakeFirst();
    const below: SpanCount[] = (
      await ex
        .selectFrom('unit_span_counts')
        .select(['kind', 'area_path', 'at', 'born', 'retired'])
        .where('district_code', '=', districtCode)
        .where('area_path', '=', oldPath)
        .execute()
    ).map((r) => ({ kind: r.kind, areaPath: r.area_path, at: r.at, born: r.born, retired: r.retired }));
    const oldAreas = strictAncestors(oldPath);
    const newAreas = strictAncestors(newPath);
    const left = oldAreas.filter((a) => !newAreas.includes(a));
    const joined = newAreas.filter((a) => !oldAreas.includes(a));
    const tally = new SpanTally();
    if (root) {
      tally.addUnit(spanOf(root), -1, left);
      tally.addUnit(spanOf(root), 1, joined);
    }
    tally.addCounts(below, left, -1);
    tally.addCounts(below, joined, 1);
    await ex
      .updateTable('unit_span_counts')
      .set({ area_path: rebasedPath('area_path', oldPath, newPath) })
      .where('district_code', '=', districtCode)
      .where(startsWith('area_path', oldPath))
      .execute();
    await this.apply(ex, districtCode, tally);
  },

  /** Recounts a district from its units (after units were written in bulk, not through unit.store). */
  async rebuild(ex: Executor, districtCode: string): Promise<void> {
    await ex.deleteFrom('unit_span_counts').where('district_code', '=', districtCode).execute();
    const tally = new SpanTally();
    let after = '';
    for (;;) {
      const units = await ex
        .selectFrom('units')
        .select(['id', 'kind', 'path', 'created_at', 'retired_at'])
        .where('district_code', '=', districtCode)
        .where('id', '>', after)
        .orderBy('id')
        .limit(20_000)
        .execute();
      if (!units.length) break;
      after = units.at(-1)!.id;
      for (const u of units) tally.addUnit(spanOf(u));
    }
    await this.apply(ex, districtCode, tally);
  },

  /**
   * The counts of units of `kind` under each of `areaPaths` that a range [from, to) can see: the
   * instants before `from` summed per area (`at` null), those inside the range one by one.
   */
  async over(ex: Executor, districtCode: string, kind: string, areaPaths: readonly string[], from: string, to: string) {
    const out: { areaPath: string; at: string | null; born: number; retired: number }[] = [];
    for (let i = 0; i < areaPaths.length; i += 500) {
      const chunk = areaPaths.slice(i, i + 500);
      const base = () =>
        ex
          .selectFrom('unit_span_counts')
          .where('district_code', '=', districtCode)
          .where('kind', '=', kind)
          .where('area_path', 'in', chunk);
      const [earlier, inside] = await Promise.all([
        base()
          .select([
            'area_path',
            (eb) => eb.fn.sum<number | string>('born').as('born'),
            (eb) => eb.fn.sum<number | string>('retired').as('retired'),
          ])
          .where('at', '<', from)
          .groupBy('area_path')
          .execute(),
        base().select(['area_path', 'at', 'born', 'retired']).where('at', '>=', from).where('at', '<', to).execute(),
      ]);
      for (const r of earlier)
        out.push({ areaPath: r.area_path, at: null, born: Number(r.born), retired: Number(r.retired) });
      for (const r of inside) out.push({ areaPath: r.area_path, at: r.at, born: r.born, retired: r.retired });
    }
    return out;
  },
};
