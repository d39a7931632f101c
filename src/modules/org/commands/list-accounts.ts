import type { Actor } from '../../../kernel/auth/actor.js';
import type { OrgDeps } from '../deps.js';
import { accountStore } from '../store/account.store.js';
import { loadUnitInScope } from './load-unit.js';

export async function listAccounts(deps: OrgDeps, actor: Actor, input: { unitId?: string; q?: string }) {
  const db = deps.database.db;
  const unitPath = input.unitId ? (await loadUnitInScope(db, actor, input.unitId)).path : undefined;
  const rows = await accountStore.list(db, deps.database.dialect, { scopePath: actor.scopePath, unitPath, q: input.q });
  return { items: rows };
}
