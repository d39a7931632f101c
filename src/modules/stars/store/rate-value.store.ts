import type { Executor } from '../../../kernel/db/db.js';
import type { StarRateValueTable } from '../../../kernel/db/schema.js';

/** A kept rate: the two counts its source answered (denominator 0: nothing to measure). */
export interface KeptRate {
  numerator: number;
  denominator: number;
}

/** The computed rates of the branches, kept per branch, quarter and source (star_rate_values). */
export const rateValueStore = {
  /** The kept rates of a quarter, by branch and source; only those branches when `branchIds` is given. */
  async ratesOf(
    ex: Executor,
    districtCode: string,
    quarter: string,
    branchIds?: readonly string[],
  ): Promise<Map<string, Map<string, KeptRate>>> {
    const out = new Map<string, Map<string, KeptRate>>();
    const read = async (ids?: readonly string[]) => {
      let q = ex
        .selectFrom('star_rate_values')
        .select(['branch_id', 'source', 'numerator', 'denominator'])
        .where('district_code', '=', districtCode)
        .where('quarter', '=', quarter);
      if (ids) q = q.where('branch_id', 'in', ids);
      for (const r of await q.execute()) {
        let m = out.get(r.branch_id);
        if (!m) out.set(r.branch_id, (m = new Map()));
        m.set(r.source, { numerator: Number(r.numerator), denominator: Number(r.denominator) });
      }
    };
    if (branchIds === undefined) await read();
    else for (let i = 0; i < branchIds.length; i += 500) await read(branchIds.slice(i, i + 500));
    return out;
  },

  /** Whether any value of the quarter is kept for the district. */
  async hasAny(ex: Executor, districtCode: string, quarter: string): Promise<boolean> {
    const r = await ex
      .selectFrom('star_rate_values')
      .select('branch_id')
      .where('district_code', '=', districtCode)
      .where('quarter', '=', quarter)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },

  /** One branch's kept rows of a quarter, with when each was measured. */
  async rowsOf(ex: Executor, branchId: string, quarter: string): Promise<StarRateValueTable[]> {
    return ex
      .selectFrom('star_rate_values')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('quarter', '=', quarter)
      .orderBy('source')
      .execute();
  },

  /** Writes the rows, replacing the values kept for the same branch, quarter and source. */
  async upsert(ex: Executor, rows: readonly StarRateValueTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await ex
        .insertInto('star_rate_values')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc.columns(['branch_id', 'quarter', 'source']).doUpdateSet((eb) => ({
            district_code: eb.ref('excluded.district_code'),
            numerator: eb.ref('excluded.numerator'),
            denominator: eb.ref('excluded.denominator'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    }
  },
};
