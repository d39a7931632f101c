import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { canSee, stateFromJson } from '../domain/index.js';
import { caseStore } from '../store/case.store.js';
import { toCaseActor } from './case-context.js';

/** What another module may know of a case it links to (a patrol's cases): never its reporter or photos. */
export interface CaseRef {
  id: string;
  caseNumber: string;
  categoryCode: string;
  description: string;
  /** The small grid's path where it was reported; null when it lies outside every grid. */
  gridPath: string | null;
  status: string;
  reportedAt: string;
}

/** A case the actor may see, or null (an invisible case answers as absent, so its existence does not leak). */
export async function visibleCaseRef(ex: Executor, actor: Actor, caseId: string): Promise<CaseRef | null> {
  const row = await caseStore.findById(ex, caseId);
  if (!row || !canSee(toCaseActor(actor), stateFromJson(row.state))) return null;
  return {
    id: row.id,
    caseNumber: row.case_number,
    categoryCode: row.category_code,
    description: row.description,
    gridPath: row.grid_path,
    status: row.status,
    reportedAt: row.reported_at,
  };
}
