import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';

export async function getPerson(deps: OrgDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const row = await personStore.findById(db, id);
  if (!row || !inScope(actor, row.unit_path)) throw new NotFound('person', id);
  const grids = await personStore.gridIdsOf(db, [id]);
  return { row, gridIds: grids.get(id) ?? [], reveal: false };
}
