import type { Actor } from '../../../kernel/auth/actor.js';
import type { UnitRef } from '../../org/index.js';
import { subdistrictPathOf } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { loadVisibleCase } from './case-context.js';

/**
 * Where the caller may dispatch: the district's departments and outside units; for a case, first
 * the 街道 it lies in and that 街道's communities (二级派遣: the 街道 handling its own problem).
 */
export async function listDispatchTargets(deps: CasesDeps, actor: Actor, caseId?: string): Promise<UnitRef[]> {
  const db = deps.database.db;
  const units = await deps.org.dispatchTargets(db, actor.districtCode);
  if (!caseId) return units;
  const { state } = await loadVisibleCase(db, actor, caseId);
  const subPath = subdistrictPathOf(state);
  const sub = subPath && state.subdistrictId ? await deps.org.unit(db, state.subdistrictId) : null;
  if (!sub || sub.status !== 'active' || sub.path !== subPath) return units;
  const communities = (await deps.org.children(db, sub.id)).filter(
    (u) => (u.kind === 'community' || u.kind === 'village') && u.status === 'active',
  );
  return [sub, ...communities, ...units];
}
