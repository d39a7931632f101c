import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { ParcelAtReply, ParcelFeatures, VillageRow, VillageTable } from '../../../contracts/farmland.js';
import { caseStatuses } from '../../cases/index.js';
import {
  EMPTY_FIGURES,
  muOf,
  round2,
  villageFigures,
  type VillageFigures,
  type ParcelKind,
} from '../domain/farmland-rules.js';
import type { FarmlandDeps } from '../deps.js';
import { farmlandStore } from '../store/farmland.store.js';
import { farmlandIndex } from './farmland-index.js';
import { scopeUnit } from './village-access.js';

const shown = (f: VillageFigures) => ({
  farmlandMu: round2(muOf(f.farmlandM2)),
  permanentBasicMu: round2(muOf(f.permanentBasicM2)),
  parcels: f.parcels,
  outsideParcels: f.outsideParcels,
  cases: f.cases,
  openCases: f.openCases,
  closedCases: f.closedCases,
  rejectedCases: f.rejectedCases,
  occupiedMu: round2(muOf(f.occupiedM2)),
  casesWithArea: f.casesWithArea,
});

/**
 * The farmland table (耕地保护台账) under a unit in scope: one row per village (every active village,
 * and any community holding parcels or cases), with the total.
 */
export async function farmlandTable(deps: FarmlandDeps, actor: Actor, unitId?: string): Promise<VillageTable> {
  const db = deps.database.db;
  const { path } = await scopeUnit(deps, db, actor, unitId);
  const parcels = await farmlandStore.parcelsUnder(db, actor.districtCode, path);
  const cases = await farmlandStore.casesUnder(db, actor.districtCode, path);
  const statuses = await caseStatuses(
    db,
    cases.map((c) => c.case_id),
  );
  const figures = villageFigures(
    parcels.map((p) => ({
      villageId: p.village_id,
      kind: p.kind,
      areaM2: p.area_m2,
      outsideVillage: p.outside_village === 1,
    })),
    cases.map((c) => ({ villageId: c.village_id, status: statuses.get(c.case_id), occupiedM2: c.occupied_m2 })),
  );
  const villages = (await deps.org.unitsUnder(db, actor.districtCode, path, { kind: 'village' })).filter(
    (u) => u.retiredAt === null,
  );
  const ids = [...new Set([...villages.map((v) => v.id), ...figures.keys()])];
  const units = await deps.org.unitsByIds(db, ids);
  const lastImports = await farmlandStore.lastImports(db, actor.districtCode, ids);
  const items: VillageRow[] = ids
    .map((id) => ({
      villageId: id,
      villageName: units.get(id)?.name ?? '',
      kind: units.get(id)?.kind ?? 'village',
      ...shown(figures.get(id) ?? EMPTY_FIGURES),
      lastImportAt: lastImports.get(id) ?? null,
    }))
    .sort((a, b) => (units.get(a.villageId)?.path ?? '').localeCompare(units.get(b.villageId)?.path ?? ''));
  const total = { ...EMPTY_FIGURES };
  for (const f of figures.values()) for (const k of Object.keys(total) as (keyof VillageFigures)[]) total[k] += f[k];
  return { items, total: shown(total) };
}

/** The parcels under a unit in scope, as GeoJSON (WGS-84), for the map. */
export async function parcelFeatures(deps: FarmlandDeps, actor: Actor, unitId?: string): Promise<ParcelFeatures> {
  const db = deps.database.db;
  const { path } = await scopeUnit(deps, db, actor, unitId);
  const rows = await farmlandStore.parcelShapesUnder(db, actor.districtCode, path);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.id,
      properties: {
        id: r.id,
        villageId: r.village_id,
        kind: r.kind as ParcelKind,
        code: r.code,
        name: r.name,
        areaM2: Math.round(r.area_m2 * 10) / 10,
        areaMu: round2(muOf(r.area_m2)),
        outsideVillage: r.outside_village === 1,
      },
      geometry: JSON.parse(r.geometry),
    })),
  };
}

/** Which parcel in scope a point lies in (the lookup behind the case rule, for the map and the phone). */
export async function parcelAt(deps: FarmlandDeps, actor: Actor, lng: number, lat: number): Promise<ParcelAtReply> {
  const db = deps.database.db;
  const hit = await farmlandIndex(deps.database, deps.clock).at(db, lng, lat);
  if (!hit || hit.districtCode !== actor.districtCode || !inScope(actor, hit.villagePath))
    return { found: false, parcel: null };
  const village = await deps.org.unit(db, hit.villageId);
  return {
    found: true,
    parcel: {
      id: hit.parcelId,
      villageId: hit.villageId,
      villageName: village?.name ?? '',
      kind: hit.kind,
      code: hit.code,
    },
  };
}
