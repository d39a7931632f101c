import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { IndicatorEntryTable, IndicatorTable, IndicatorTargetTable } from '../../../kernel/db/schema.js';

export type IndicatorRow = IndicatorTable;
export type EntryRow = IndicatorEntryTable;
export type TargetRow = IndicatorTargetTable;

/** Indicators, their entries and targets: queries only, no rules. */
export const indicatorStore = {
  async list(ex: Executor, districtCode: string): Promise<IndicatorRow[]> {
    return ex
      .selectFrom('indicators')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
  },
  async byId(ex: Executor, id: string): Promise<IndicatorRow | undefined> {
    return ex.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async byName(ex: Executor, districtCode: string, name: string): Promise<IndicatorRow | undefined> {
    return ex
      .selectFrom('indicators')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('name', '=', name)
      .executeTakeFirst();
  },
  async insert(ex: Executor, row: IndicatorRow): Promise<void> {
    await ex.insertInto('indicators').values(row).execute();
  },
  async insertEntry(ex: Executor, row: EntryRow): Promise<void> {
    await ex.insertInto('indicator_entries').values(row).execute();
  },
  async insertEntries(ex: Executor, rows: EntryRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await ex
        .insertInto('indicator_entries')
        .values(rows.slice(i, i + 500))
        .execute();
  },
  async entryById(ex: Executor, id: string): Promise<EntryRow | undefined> {
    return ex.selectFrom('indicator_entries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Entries under `path`, newest first, at most `limit`, with the total count. */
  async entries(
    ex: Executor,
    f: {
      districtCode: string;
      path: string;
      indicatorId?: string;
      campaignId?: string;
      firstDay?: string;
      lastDay?: string;
      limit: number;
    },
  ): Promise<{ rows: EntryRow[]; total: number }> {
    let q = ex
      .selectFrom('indicator_entries')
      .where('district_code', '=', f.districtCode)
      .where(startsWith('unit_path', f.path));
    if (f.indicatorId) q = q.where('indicator_id', '=', f.indicatorId);
    if (f.campaignId) q = q.where('campaign_id', '=', f.campaignId);
    if (f.firstDay) q = q.where('day', '>=', f.firstDay);
    if (f.lastDay) q = q.where('day', '<=', f.lastDay);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('day', 'desc').orderBy('id', 'desc').limit(f.limit).execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
  /**
   * An indicator's quantities over [firstDay, lastDay] under `path`, summed per recording unit path and
   * month: the few rows the roll-up (domain/rollup.ts) turns into sums per unit, each entry once.
   */
  async sumsByPathAndMonth(
    ex: Executor,
    q: { districtCode: string; indicatorId: string; path: string; firstDay: string; lastDay: string },
  ): Promise<{ unitPath: string; month: string; quantity: number }[]> {
    const rows = await ex
      .selectFrom('indicator_entries')
      .select((eb) => [
        'unit_path',
        eb.fn<string>('substr', ['day', eb.val(1), eb.val(7)]).as('month'),
        eb.fn.sum<string | number>('quantity').as('q'),
      ])
      .where('district_code', '=', q.districtCode)
      .where('indicator_id', '=', q.indicatorId)
      .where('day', '>=', q.firstDay)
      .where('day', '<=', q.lastDay)
      .where(startsWith('unit_path', q.path))
      .groupBy(['unit_path', 'month'])
      .execute();
    return rows.map((r) => ({ unitPath: r.unit_path, month: r.month, quantity: Number(r.q) }));
  },
  /** The entered indicators' totals over [firstDay, lastDay] under `path`, by indicator. */
  async totals(
    ex: Executor,
    q: { districtCode: string; path: string; firstDay: string; lastDay: string; indicatorIds: string[] },
  ): Promise<Map<string, number>> {
    if (q.indicatorIds.length === 0) return new Map();
    const rows = await ex
      .selectFrom('indicator_entries')
      .select(['indicator_id', (eb) => eb.fn.sum<string | number>('quantity').as('q')])
      .where('district_code', '=', q.districtCode)
      .where('indicator_id', 'in', q.indicatorIds)
      .where('day', '>=', q.firstDay)
      .where('day', '<=', q.lastDay)
      .where(startsWith('unit_path', q.path))
      .groupBy('indicator_id')
      .execute();
    return new Map(rows.map((r) => [r.indicator_id, Number(r.q)]));
  },
  /** A campaign's measured quantities: its entries summed by indicator. */
  async campaignQuantities(ex: Executor, campaignId: string) {
    const rows = await ex
      .selectFrom('indicator_entries')
      .select([
        'indicator_id',
        (eb) => eb.fn.sum<string | number>('quantity').as('q'),
        (eb) => eb.fn.countAll<string | number>().as('n'),
      ])
      .where('campaign_id', '=', campaignId)
      .groupBy('indicator_id')
      .execute();
    return rows.map((r) => ({ indicatorId: r.indicator_id, total: Number(r.q), entries: Number(r.n) }));
  },
  async targets(ex: Executor, f: { districtCode: string; path: string; period?: string }): Promise<TargetRow[]> {
    let q = ex
      .selectFrom('indicator_targets')
      .selectAll()
      .where('district_code', '=', f.districtCode)
      .where(startsWith('unit_path', f.path));
    if (f.period) q = q.where('period', '=', f.period);
    return q.orderBy('period', 'desc').orderBy('unit_path').orderBy('indicator_id').limit(500).execute();
  },
  async targetByKey(ex: Executor, indicatorId: string, unitId: string, period: string): Promise<TargetRow | undefined> {
    return ex
      .selectFrom('indicator_targets')
      .selectAll()
      .where('indicator_id', '=', indicatorId)
      .where('unit_id', '=', unitId)
      .where('period', '=', period)
      .executeTakeFirst();
  },
  async upsertTarget(ex: Executor, row: TargetRow, exists: boolean): Promise<void> {
    if (exists) {
      const { id: _id, ...rest } = row;
      await ex.updateTable('indicator_targets').set(rest).where('id', '=', row.id).execute();
    } else await ex.insertInto('indicator_targets').values(row).execute();
  },
};
