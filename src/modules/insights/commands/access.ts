import type { UnitKind } from '../../../contracts/org.js';
import type { MeasureInfo } from '../../../contracts/insights.js';
import { can, inScope, type Actor } from '../../../kernel/auth/actor.js';
import type { Permission } from '../../../kernel/auth/roles.js';
import type { Executor } from '../../../kernel/db/db.js';
import { DomainError, Invalid } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import type { InsightsDeps } from '../deps.js';
import type { MeasureSource } from '../sources.js';

/** Where a measure can be asked when its source says nothing: every territorial level. */
export const AREA_KINDS: readonly UnitKind[] = [
  'district',
  'subdistrict',
  'township',
  'community',
  'village',
  'grid_large',
  'grid_small',
];

export const mayRead = (actor: Actor, permission: Permission | readonly Permission[]) =>
  (typeof permission === 'string' ? [permission] : permission).some((p) => can(actor, p));

/** The measures the caller may read, in the modules' order. */
export function readableMeasures(deps: Pick<InsightsDeps, 'measures'>, actor: Actor): MeasureSource[] {
  return deps.measures.filter((m) => mayRead(actor, m.permission));
}

/** A measure by code: unknown is a 422 naming `measure`; one the caller may not read, a 403 naming it. */
export function measureFor(deps: Pick<InsightsDeps, 'measures'>, actor: Actor, code: string): MeasureSource {
  const m = deps.measures.find((s) => s.code === code);
  if (!m)
    throw new Invalid('insight.unknown_measure', `measure: no measure ${code}`, [
      { field: 'measure', code: 'insight.unknown_measure', message: `no measure ${code}`, params: { code } },
    ]);
  if (!mayRead(actor, m.permission))
    throw new DomainError('forbidden', 'insight.measure_forbidden', `measure: your roles may not read ${code}`, [
      { field: 'measure', code: 'insight.measure_forbidden', message: `your roles may not read ${code}` },
    ]);
  return m;
}

export function presentMeasure(m: MeasureSource): MeasureInfo {
  return {
    code: m.code,
    label: m.label,
    group: m.group,
    kind: m.kind,
    unit: m.unit ?? null,
    definition: m.definition,
    better: m.better,
    timing: m.timing,
    levels: [...(m.levels ?? AREA_KINDS)],
  };
}

/** The unit asked for (the caller's own by default): a territorial unit of the caller's district and scope. */
export async function areaInScope(
  deps: Pick<InsightsDeps, 'org'>,
  ex: Executor,
  actor: Actor,
  unitId?: string,
): Promise<UnitRef> {
  const unit = await deps.org.unit(ex, unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw new DomainError('forbidden', 'insight.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
      { field: 'unitId', code: 'insight.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  if (!AREA_KINDS.includes(unit.kind as UnitKind))
    throw new Invalid('insight.unit_not_area', 'unitId: the unit has no area', [
      { field: 'unitId', code: 'insight.unit_not_area', message: 'the unit has no area (a department or a branch)' },
    ]);
  return unit;
}
