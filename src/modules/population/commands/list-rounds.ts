import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { PopulationDeps } from '../deps.js';
import type { CoverageCounts } from '../domain/coverage.js';
import { roundStore, type RoundRow } from '../store/round.store.js';
import { roundInScope, sharedPath } from './round-access.js';
import { coverageByGrid, totalOf } from './round-coverage.js';

export interface RoundView {
  row: RoundRow;
  scope: { id: string; name: string; kind: string };
  coverage: CoverageCounts;
}

async function roundView(deps: PopulationDeps, ex: Executor, actor: Actor, row: RoundRow): Promise<RoundView> {
  const unit = await deps.org.unit(ex, row.scope_unit_id);
  return {
    row,
    scope: { id: row.scope_unit_id, name: unit?.name ?? '', kind: unit?.kind ?? '' },
    coverage: totalOf(await coverageByGrid(ex, row, sharedPath(actor, row))),
  };
}

/** The rounds over or inside the actor's scope, newest first, each with its coverage in that scope. */
export async function listRounds(deps: PopulationDeps, actor: Actor): Promise<RoundView[]> {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  const rows = await roundStore.overlapping(db, actor.districtCode, actor.scopePath);
  const out: RoundView[] = [];
  for (const r of rows) out.push(await roundView(deps, db, actor, r));
  return out;
}

export async function getRound(deps: PopulationDeps, actor: Actor, id: string): Promise<RoundView> {
  authorize(actor, 'resident.read');
  const db = deps.database.db;
  return roundView(deps, db, actor, await roundInScope(db, actor, id));
}

/** For a freshly created round. */
export async function viewOfRound(deps: PopulationDeps, actor: Actor, row: RoundRow): Promise<RoundView> {
  return roundView(deps, deps.database.db, actor, row);
}
