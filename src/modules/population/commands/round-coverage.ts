import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import type { CoverageQuery } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { addCounts, NO_COUNTS, type CoverageCounts } from '../domain/coverage.js';
import { rollupStore } from '../store/rollup.store.js';
import type { RoundRow } from '../store/round.store.js';
import { roundInScope, sharedPath } from './round-access.js';

/**
 * Coverage counts of a round per small grid under a path (grids with households or visits), read
 * from the roll-up the store keeps with every write (one row per grid, not one per household).
 */
export async function coverageByGrid(
  ex: Executor,
  round: RoundRow,
  path: string,
): Promise<Map<string, CoverageCounts>> {
  return rollupStore.coverage(ex, round.district_code, round.id, path);
}

export function totalOf(byGrid: Map<string, CoverageCounts>): CoverageCounts {
  let t = NO_COUNTS;
  for (const c of byGrid.values()) t = addCounts(t, c);
  return t;
}

/**
 * A round's coverage in a unit (default: the part of the round the actor answers for), one row per
 * child unit (sub-districts → communities → grids), each folded from its grids.
 */
export async function roundCoverage(deps: PopulationDeps, actor: Actor, roundId: string, query: CoverageQuery) {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const round = await roundInScope(db, actor, roundId);
  const base = sharedPath(actor, round);
  let unitId = base.split('/').filter(Boolean).pop()!;
  let path = base;
  if (query.unitId) {
    const u = await deps.org.unit(db, query.unitId);
    if (!u || !inScope(actor, u.path) || !u.path.startsWith(round.scope_path)) throw new NotFound('unit', query.unitId);
    unitId = u.id;
    path = u.path;
  }
  const unit = (await deps.org.unit(db, unitId))!;
  const byGrid = await coverageByGrid(db, round, path);
  const grids = await deps.org.unitsByIds(db, [...byGrid.keys()]);
  const depth = path.split('/').filter(Boolean).length;
  const perChild = new Map<string, CoverageCounts>();
  for (const [gridId, c] of byGrid) {
    const g = grids.get(gridId);
    if (!g) continue;
    const child = g.path.split('/').filter(Boolean)[depth];
    if (!child) continue;
    perChild.set(child, addCounts(perChild.get(child) ?? NO_COUNTS, c));
  }
  const children = await deps.org.unitsByIds(db, [...perChild.keys()]);
  const rows = [...perChild.entries()]
    .map(([id, c]) => ({ id, name: children.get(id)?.name ?? '', kind: children.get(id)?.kind ?? '', counts: c }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { round, unit, total: totalOf(byGrid), rows };
}
