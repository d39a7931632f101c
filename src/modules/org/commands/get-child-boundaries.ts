import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

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
