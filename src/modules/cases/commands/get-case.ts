import type { Actor } from '../../../kernel/auth/actor.js';
import type { CasesDeps } from '../deps.js';
import { loadCaseView, type CaseView } from './case-names.js';
import { caseStore } from '../store/case.store.js';
import { loadVisibleCase, toCaseActor } from './case-context.js';

export async function getCase(deps: CasesDeps, actor: Actor, id: string): Promise<CaseView> {
  const db = deps.database.db;
  const { row } = await loadVisibleCase(db, actor, id);
  return loadCaseView(deps, db, toCaseActor(actor), row, await caseStore.actions(db, id));
}
