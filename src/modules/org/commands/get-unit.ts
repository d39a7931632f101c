import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

export async function getUnit(deps: OrgDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const unit = await loadUnitInScope(db, actor, id);
  const ancestors = await unitStore.ancestors(db, unit.path);
  const workers = unit.kind.startsWith('grid_') ? await personStore.workersOfGrid(db, unit.id) : [];
  const grids = await personStore.gridIdsOf(
    db,
    workers.map((w) => w.id),
  );
  return {
    unit,
    ancestors,
    gridWorkers: workers.map((w) => ({ row: w, gridIds: grids.get(w.id) ?? [], reveal: false })),
  };
}
