import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

export interface ListUnitsInput {
  parentId?: string;
  kind?: string;
  q?: string;
  includeRetired?: boolean;
  limit?: number;
}

/** With no filter, the actor's scope root: the console lazy-loads the tree from there by parentId. */
export async function listUnits(deps: OrgDeps, actor: Actor, input: ListUnitsInput) {
  const db = deps.database.db;
  if (!input.parentId && !input.kind && !input.q) {
    const root = await unitStore.findById(db, actor.unitId);
    return { items: root ? [root] : [] };
  }
  if (input.parentId) await loadUnitInScope(db, actor, input.parentId);
  const rows = await unitStore.list(db, deps.database.dialect, { scopePath: actor.scopePath, ...input });
  return { items: rows };
}

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

export async function getBoundary(deps: OrgDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const unit = await loadUnitInScope(db, actor, id);
  const b = await unitStore.getBoundary(db, id);
  if (!b) throw new NotFound('boundary', id);
  return {
    type: 'Feature' as const,
    id: unit.id,
    properties: { id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, updatedAt: b.updated_at },
    geometry: JSON.parse(b.geometry),
  };
}

export async function getChildBoundaries(deps: OrgDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  await loadUnitInScope(db, actor, id);
  const rows = await unitStore.childBoundaries(db, id);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      properties: { id: r.id, name: r.name, kind: r.kind, code: r.code },
      geometry: JSON.parse(r.geometry),
    })),
  };
}
