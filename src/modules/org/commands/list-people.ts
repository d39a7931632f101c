import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';
import { loadUnitInScope } from './load-unit.js';

export async function listPeople(
  deps: OrgDeps,
  actor: Actor,
  input: { unitId?: string; kind?: string; q?: string; limit?: number },
) {
  const db = deps.database.db;
  const unitPath = input.unitId ? (await loadUnitInScope(db, actor, input.unitId)).path : undefined;
  const rows = await personStore.list(db, deps.database.dialect, {
    scopePath: actor.scopePath,
    unitPath,
    kind: input.kind,
    q: input.q,
    limit: input.limit,
  });
  const grids = await personStore.gridIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ row: r, gridIds: grids.get(r.id) ?? [], reveal: false })) };
}
