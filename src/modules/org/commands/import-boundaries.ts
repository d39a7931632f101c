import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { convertGeometry } from '../../../kernel/geo/crs.js';
import { bbox, validateBoundaryGeometry } from '../../../kernel/geo/geojson.js';
import type { Crs } from '../../../contracts/org.js';
import { TERRITORIAL, type UnitKind } from '../domain/unit-rules.js';
import type { OrgDeps } from '../deps.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

export interface BoundaryFeatureInput {
  id?: string | number;
  properties?: Record<string, unknown> | null;
  geometry: unknown;
}

/**
 * Imports the boundaries of a unit's children from a FeatureCollection. Each feature names its child
 * by properties.code (or properties.name). Every feature is checked first; one bad feature refuses
 * the whole file with every problem listed, and nothing is written.
 */
export async function importBoundaries(
  deps: OrgDeps,
  actor: Actor,
  unitId: string,
  features: BoundaryFeatureInput[],
  crs: Crs = 'wgs84',
  requestId?: string,
): Promise<{ updated: number }> {
  const now = deps.clock.now();
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const parent = await loadUnitInScope(trx, actor, unitId);
    const children = await unitStore.children(trx, parent.id);
    const byCode = new Map(children.filter((c) => c.code).map((c) => [c.code as string, c]));
    const byName = new Map(children.map((c) => [c.name, c]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const writes: { unitId: string; geometry: ReturnType<typeof convertGeometry> }[] = [];
    features.forEach((f, i) => {
      const props = f.properties ?? {};
      const code = props.code != null ? String(props.code) : undefined;
      const name = props.name != null ? String(props.name) : undefined;
      const child = (code && byCode.get(code)) || (!code && name ? byName.get(name) : undefined);
      if (!child) {
        problems.push({
          field: `features[${i}].properties`,
          code: 'boundary.no_such_child',
          params: {
            parent: parent.name,
            ...(code !== undefined ? { code } : {}),
            ...(name !== undefined ? { name } : {}),
          },
          message: `${parent.name} has no child with code ${code} or name ${name}`,
        });
        return;
      }
      if (!TERRITORIAL.has(child.kind as UnitKind)) {
        problems.push({
          field: `features[${i}].properties`,
          code: 'boundary.child_not_territorial',
          params: { unit: child.name },
          message: `${child.name} is not territorial`,
        });
        return;
      }
      if (seen.has(child.id)) {
        problems.push({
          field: `features[${i}].properties`,
          code: 'boundary.child_repeated',
          params: { unit: child.name },
          message: `${child.name} appears more than once`,
        });
        return;
      }
      seen.add(child.id);
      const checked = validateBoundaryGeometry(f.geometry);
      if (!checked.ok) {
        problems.push({ field: `features[${i}].geometry`, message: checked.reason });
        return;
      }
      writes.push({ unitId: child.id, geometry: convertGeometry(checked.geometry, crs) });
    });
    if (problems.length) {
      throw new Invalid(
        'boundary.invalid_file',
        `${problems.length} problems in the boundary file; nothing imported`,
        problems,
        { count: problems.length },
      );
    }
    for (const w of writes) {
      await unitStore.setBoundary(trx, {
        unit_id: w.unitId,
        district_code: parent.district_code,
        geometry: JSON.stringify(w.geometry),
        bbox: bbox(w.geometry),
        updated_at: now.toISOString(),
      });
    }
    await unitStore.setMeta(trx, 'boundary_version', `${now.toISOString()}:${parent.id}`);
    await recordAudit(trx, {
      actor,
      action: 'boundary.import',
      entityType: 'unit',
      entityId: parent.id,
      at: now,
      requestId,
      summary: `导入「${parent.name}」下级边界 ${writes.length} 个（坐标系 ${crs}）`,
      after: { units: writes.map((w) => w.unitId), crs },
    });
    return { updated: writes.length };
  });
  deps.locator.invalidate();
  return result;
}
