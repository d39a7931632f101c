import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

/** The boundaries of a unit's active children, or with level 'grids' of every active small grid under it. */
export async function getChildBoundaries(deps: OrgDeps, actor: Actor, id: string, level = 'children') {
  const db = deps.database.db;
  const unit = await loadUnitInScope(db, actor, id);
  const rows =
    level === 'grids' ? await unitStore.gridBoundariesUnder(db, unit.path) : await unitStore.childBoundaries(db, id);
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
