import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import type { CycleDeps } from '../cycle-deps.js';

/** A problem with one field: 422 naming it, nothing written. */
export function fieldProblem(field: string, code: string, params?: Record<string, string | number>): Invalid {
  return new Invalid(code, code, [{ field, code, message: code, ...(params ? { params } : {}) }]);
}

/** A party branch with the community or village it belongs to. */
export interface BranchRef {
  branch: UnitRef;
  parent: UnitRef | null;
  /** The star set it is rated on: the kind of its community or village. */
  kind: 'village' | 'urban' | null;
}

async function loadBranch(deps: CycleDeps, ex: Executor, id: string): Promise<BranchRef | null> {
  const branch = await deps.org.unit(ex, id);
  if (!branch || branch.kind !== 'party_branch') return null;
  const ids = branch.path.split('/').filter(Boolean);
  const parent = ids.length > 1 ? await deps.org.unit(ex, ids[ids.length - 2]!) : null;
  const kind = parent?.kind === 'village' ? 'village' : parent?.kind === 'community' ? 'urban' : null;
  return { branch, parent, kind };
}

const visible = (actor: Actor, b: BranchRef | null): b is BranchRef =>
  !!b && b.branch.districtCode === actor.districtCode && inScope(actor, b.branch.path);

/** The branch a path names, in the actor's scope; otherwise it does not exist (404). */
export async function branchOr404(deps: CycleDeps, ex: Executor, actor: Actor, id: string): Promise<BranchRef> {
  const b = await loadBranch(deps, ex, id);
  if (!visible(actor, b)) throw new NotFound('star_branch', id);
  return b;
}

/** The branch a body field names, in the actor's scope; otherwise 422 naming the field. */
export async function branchInField(
  deps: CycleDeps,
  ex: Executor,
  actor: Actor,
  id: string,
  field: string,
): Promise<BranchRef> {
  const b = await loadBranch(deps, ex, id);
  if (!visible(actor, b)) throw fieldProblem(field, 'star.branch_out_of_scope');
  return b;
}

/** A unit a query names (or the caller's own) in the caller's scope, else 422 naming `unitId`. */
export async function unitInScope(deps: CycleDeps, ex: Executor, actor: Actor, unitId?: string): Promise<UnitRef> {
  const unit = await deps.org.unit(ex, unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw fieldProblem('unitId', 'star.unit_out_of_scope');
  return unit;
}

export { calendarFor } from './rating-access.js';

/** Today in the district's zone. */
export function todayOf(deps: CycleDeps, calendar: WorkCalendar): string {
  return localDateOf(deps.clock.now(), calendar);
}

/** The active party branches under a unit's path (the unit itself when it is a branch), by path. */
export async function branchesUnder(deps: CycleDeps, ex: Executor, unit: UnitRef) {
  const rows = await deps.org.unitsUnder(ex, unit.districtCode, unit.path, { kind: 'party_branch' });
  const parentIds = [...new Set(rows.map((r) => r.path.split('/').filter(Boolean).slice(-2, -1)[0] ?? ''))];
  const parents = await deps.org.unitsByIds(ex, parentIds);
  // Only the branches a set applies to (under an active community or village), as the rating lists
  // them: a 机关 branch under a 街道 is neither reminded of weekly progress nor shown as missing it.
  return rows.flatMap((r) => {
    const parent = parents.get(r.path.split('/').filter(Boolean).slice(-2, -1)[0] ?? '');
    if (
      r.retiredAt !== null ||
      !parent ||
      parent.status !== 'active' ||
      !['community', 'village'].includes(parent.kind)
    )
      return [];
    return [{ ...r, parentName: parent.name }];
  });
}
