import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { convertGeometry } from '../../../kernel/geo/crs.js';
import { bbox, validateBoundaryGeometry } from '../../../kernel/geo/geojson.js';
import type { Crs } from '../../../contracts/org.js';
import { TERRITORIAL, type UnitKind } from '../domain/unit-rules.js';
import type { OrgDeps } from '../deps.js';
import { unitStore } from '../store/unit.store.js';
import { loadUnitInScope } from './load-unit.js';

/** Sets one unit's own boundary (a Feature or a bare geometry). */
export async function setUnitBoundary(
  deps: OrgDeps,
  actor: Actor,
  unitId: string,
  geometry: unknown,
  crs: Crs = 'wgs84',
  requestId?: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, unitId);
    if (!TERRITORIAL.has(unit.kind as UnitKind)) {
      throw new Invalid(
        'boundary.not_territorial',
        `${unit.name} is not territorial and has no boundary`,
        [{ field: 'id', code: 'boundary.unit_not_territorial', message: 'not territorial' }],
        { unit: unit.name },
      );
    }
    const checked = validateBoundaryGeometry(geometry);
    if (!checked.ok)
      throw new Invalid('boundary.invalid_geometry', checked.reason, [{ field: 'geometry', message: checked.reason }]);
    const wgs = convertGeometry(checked.geometry, crs);
    await unitStore.setBoundary(trx, {
      unit_id: unit.id,
      district_code: unit.district_code,
      geometry: JSON.stringify(wgs),
      bbox: bbox(wgs),
      updated_at: now.toISOString(),
    });
    await unitStore.setMeta(trx, 'boundary_version', `${now.toISOString()}:${unit.id}`);
    await recordAudit(trx, {
      actor,
      action: 'boundary.set',
      entityType: 'unit',
      entityId: unit.id,
      at: now,
      requestId,
      summary: `设置「${unit.name}」边界（坐标系 ${crs}）`,
    });
  });
  deps.locator.invalidate();
}
