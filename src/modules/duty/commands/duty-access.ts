import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { DomainError, Invalid } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import type { DutyDeps } from '../deps.js';

/** Units a roster is kept for. */
export const ROSTER_UNIT_KINDS = ['community', 'village'];

/**
 * A unit named in a request: unknown (or of another district, or retired) is a field problem (422);
 * outside the actor's scope a refusal naming the field (403), so nothing of it is written or shown.
 */
export async function unitInScope(
  deps: DutyDeps,
  ex: Executor,
  actor: Actor,
  unitId: string,
  field: string,
): Promise<UnitRef> {
  const unit = await deps.org.unit(ex, unitId);
  if (!unit || unit.districtCode !== actor.districtCode || unit.status !== 'active')
    throw new Invalid('duty.unit_unknown', `${field}: no such unit`, [
      { field, code: 'duty.unit_unknown', message: 'no such unit' },
    ]);
  if (!inScope(actor, unit.path))
    throw new DomainError('forbidden', 'duty.unit_out_of_scope', `${field}: the unit is outside your data scope`, [
      { field, code: 'duty.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  return unit;
}

/** A community or village in scope, whose roster is asked for. */
export async function rosterUnit(deps: DutyDeps, ex: Executor, actor: Actor, unitId: string): Promise<UnitRef> {
  const unit = await unitInScope(deps, ex, actor, unitId, 'unitId');
  if (!ROSTER_UNIT_KINDS.includes(unit.kind))
    throw new Invalid('duty.roster_unit_kind', 'unitId: rosters are kept per community or village', [
      { field: 'unitId', code: 'duty.roster_unit_kind', message: 'rosters are kept per community or village' },
    ]);
  return unit;
}

/** The community's small grids in use, in the tree's order: what a day's team should cover. */
export async function gridsOf(deps: DutyDeps, ex: Executor, unit: UnitRef): Promise<{ id: string; name: string }[]> {
  const rows = await deps.org.unitsUnder(ex, unit.districtCode, unit.path, { kind: 'grid_small' });
  return rows
    .filter((r) => r.retiredAt === null)
    .map((r) => ({ id: r.id, name: r.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
}

/**
 * Who may lead a community's duty day: the active community workers and sub-district staff whose scope
 * covers the community (the community's own cadres and the 街道's, including those 下沉 there).
 */
export async function cadreCandidates(
  deps: DutyDeps,
  ex: Executor,
  unit: UnitRef,
): Promise<{ id: string; name: string }[]> {
  const covering = await deps.org.accountsCovering(ex, unit.path, ['community_worker', 'subdistrict_staff']);
  const refs = await deps.org.accountsByIds(
    ex,
    covering.map((a) => a.id),
  );
  return [...refs.values()]
    .filter((a) => a.active)
    .map((a) => ({ id: a.id, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
