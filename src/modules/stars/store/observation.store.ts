import { startsWith } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type {
  StarObservationBranchTable,
  StarObservationScoreTable,
  StarObservationTable,
  StarObservationVisitorTable,
} from '../../../kernel/db/schema.js';

export type ObservationRow = StarObservationTable;

/** Observation events, their visited branches, visitors and scores: queries only, no rules. */
export const observationStore = {
  async byId(ex: Executor, id: string): Promise<ObservationRow | undefined> {
    return ex.selectFrom('star_observations').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(
    ex: Executor,
    row: ObservationRow,
    branches: StarObservationBranchTable[],
    visitors: StarObservationVisitorTable[],
  ): Promise<void> {
    await ex.insertInto('star_observations').values(row).execute();
    await ex.insertInto('star_observation_branches').values(branches).execute();
    if (visitors.length) await ex.insertInto('star_observation_visitors').values(visitors).execute();
  },
  /** Events held under a path, or visiting a branch under it, with days in [from, to]. */
  async visible(ex: Executor, districtCode: string, path: string, from: string, to: string): Promise<ObservationRow[]> {
    return ex
      .selectFrom('star_observations')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where((eb) =>
        eb.or([
          startsWith('host_path', path),
          eb(
            'id',
            'in',
            eb.selectFrom('star_observation_branches').select('observation_id').where(startsWith('branch_path', path)),
          ),
        ]),
      )
      .orderBy('day', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
  },
  async branches(ex: Executor, ids: readonly string[]): Promise<StarObservationBranchTable[]> {
    if (!ids.length) return [];
    return ex
      .selectFrom('star_observation_branches')
      .selectAll()
      .where('observation_id', 'in', ids)
      .orderBy('sort')
      .execute();
  },
  async visitors(ex: Executor, ids: readonly string[]): Promise<StarObservationVisitorTable[]> {
    if (!ids.length) return [];
    return ex
      .selectFrom('star_observation_visitors')
      .selectAll()
      .where('observation_id', 'in', ids)
      .orderBy('sort')
      .execute();
  },
  async scores(ex: Executor, ids: readonly string[]): Promise<StarObservationScoreTable[]> {
    if (!ids.length) return [];
    return ex.selectFrom('star_observation_scores').selectAll().where('observation_id', 'in', ids).execute();
  },
  /** Writes each visitor × branch score, replacing an earlier one. */
  async putScores(ex: Executor, rows: StarObservationScoreTable[]): Promise<void> {
    for (const r of rows)
      await ex
        .insertInto('star_observation_scores')
        .values(r)
        .onConflict((oc) =>
          oc.columns(['visitor_id', 'branch_id']).doUpdateSet({
            score: r.score,
            remark: r.remark,
            entered_by: r.entered_by,
            entered_at: r.entered_at,
          }),
        )
        .execute();
  },
  async touch(ex: Executor, id: string, at: string): Promise<void> {
    await ex.updateTable('star_observations').set({ updated_at: at }).where('id', '=', id).execute();
  },
};
