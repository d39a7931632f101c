import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { UnitMovedListener } from '../../org/index.js';
import { rollupStore } from '../store/rollup.store.js';

/**
 * A moved community or grid takes its buildings, households (and their coverage roll-up), residents, visits, rounds and merge
 * reviews along, inside the move's transaction: their scope paths are rebased, so the new sub-district
 * sees them from the moment the move commits.
 */
export const followUnitMove: UnitMovedListener = async (trx, e) => {
  if (e.oldPath === e.newPath) return;
  for (const [table, column] of [
    ['pop_buildings', 'grid_path'],
    ['pop_households', 'grid_path'],
    ['pop_residents', 'grid_path'],
    ['pop_visits', 'grid_path'],
    ['pop_rounds', 'scope_path'],
    ['pop_merge_reviews', 'entry_grid_path'],
    ['pop_merge_reviews', 'resident_grid_path'],
  ] as const)
    await rebasePaths(trx, table, column, e.oldPath, e.newPath);
  await rollupStore.rebaseGrids(trx, e.oldPath, e.newPath);
};
