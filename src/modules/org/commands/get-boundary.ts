import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

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
