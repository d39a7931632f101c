import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import type { BranchRef } from '../../../contracts/star-plans.js';
import type { BranchKind } from '../../../contracts/stars.js';
import type { UnitRef } from '../../org/index.js';
import { canSeeBranch } from '../domain/plan-access.js';
import type { PlansDeps } from '../plans-deps.js';

/** A party branch as the battle maps use it: the unit and where it sits. */
export interface Branch {
  unit: UnitRef;
  ref: BranchRef;
  /** Path of its community or village (the grids its teams may cover lie under it). */
  parentPath: string | null;
}

const KIND_OF: Record<string, BranchKind> = { community: 'urban', village: 'village' };
const SUBDISTRICT_KINDS = ['subdistrict', 'township'];

/** Where each branch sits (community or village, 街道), with one directory look-up for all of them. */
export async function describeBranches(deps: PlansDeps, ex: Executor, units: readonly UnitRef[]): Promise<Branch[]> {
  const ids = [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean)))];
  const all = await deps.org.unitsByIds(ex, ids);
  return units.map((unit) => {
    const above = unit.path
      .split('/')
      .filter(Boolean)
      .slice(0, -1)
      .map((id) => all.get(id))
      .filter((u): u is UnitRef => !!u);
    const parent = above.at(-1) ?? null;
    const sub = [...above].reverse().find((u) => SUBDISTRICT_KINDS.includes(u.kind)) ?? null;
    return {
      unit,
      parentPath: parent?.path ?? null,
      ref: {
        id: unit.id,
        name: unit.name,
        kind: parent ? (KIND_OF[parent.kind] ?? null) : null,
        parent: parent ? { id: parent.id, name: parent.name } : null,
        subdistrict: sub ? { id: sub.id, name: sub.name } : null,
      },
    };
  });
}

/** The party branch `id` when the actor may see it; a missing or hidden branch is a 404. */
export async function loadBranch(deps: PlansDeps, ex: Executor, actor: Actor, id: string): Promise<Branch> {
  const unit = await deps.org.unit(ex, id);
  if (
    !unit ||
    unit.kind !== 'party_branch' ||
    unit.districtCode !== actor.districtCode ||
    !canSeeBranch(actor, unit.path)
  )
    throw new NotFound('branch', id);
  const [b] = await describeBranches(deps, ex, [unit]);
  return b!;
}
