import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { FarmlandParcelTable } from '../../../kernel/db/schema.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { convertGeometry, type Crs } from '../../../kernel/geo/crs.js';
import { validateBoundaryGeometry, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { newId } from '../../../kernel/ids.js';
import type { ParcelImportReply } from '../../../contracts/farmland.js';
import { caseStatuses, openCaseLocationsUnder } from '../../cases/index.js';
import {
  FARMLAND_CASE_CATEGORY,
  geometryProblem,
  muOf,
  parcelArea,
  parcelPlacement,
  readParcelProperties,
  round2,
  sideOfGeometry,
} from '../domain/farmland-rules.js';
import type { FarmlandDeps } from '../deps.js';
import { farmlandStore } from '../store/farmland.store.js';
import { farmlandIndex } from './farmland-index.js';
import { loadVillageInScope } from './village-access.js';

export interface ParcelFeatureInput {
  properties?: Record<string, unknown> | null;
  geometry: unknown;
}

/**
 * Imports a village's farmland parcels from a FeatureCollection, replacing the ones it had. Geometry
 * is checked and converted by the kernel's boundary helpers (as org's boundary import does); areas are
 * computed from it. Every feature is checked first: one bad feature — or one lying wholly outside the
 * village's boundary — refuses the whole file with every problem listed, and nothing is written.
 * A parcel partly outside the village is kept and flagged.
 */
export async function importParcels(
  deps: FarmlandDeps,
  actor: Actor,
  villageId: string,
  features: ParcelFeatureInput[],
  crs: Crs = 'wgs84',
  requestId?: string,
): Promise<ParcelImportReply> {
  const now = deps.clock.now();
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const village = await loadVillageInScope(deps, trx, actor, villageId);
    const boundary = await deps.org.boundary(trx, village.id);
    if (!boundary)
      throw new Invalid('farmland.village_no_boundary', 'the village has no boundary yet', [
        {
          field: 'id',
          code: 'farmland.village_no_boundary',
          params: { village: village.name },
          message: 'no boundary',
        },
      ]);
    const villageGeom = JSON.parse(boundary.geometry) as BoundaryGeometry;
    const importId = newId(now.getTime());
    const problems: FieldProblem[] = [];
    const codes = new Map<string, number>();
    const rows: FarmlandParcelTable[] = [];
    features.forEach((f, i) => {
      const props = readParcelProperties(f.properties, i);
      if (!props.ok) problems.push(...props.problems);
      else {
        const first = codes.get(props.code);
        if (first !== undefined)
          problems.push({
            field: `features[${i}].properties.code`,
            code: 'farmland.code_repeated',
            params: { code: props.code, first },
            message: `parcel code ${props.code} repeats feature ${first}`,
          });
        else codes.set(props.code, i);
      }
      const checked = validateBoundaryGeometry(f.geometry);
      if (!checked.ok) {
        const g = geometryProblem(checked.reason);
        problems.push({ field: `features[${i}].geometry`, code: g.code, params: g.params, message: checked.reason });
        return;
      }
      const geometry = convertGeometry(checked.geometry, crs);
      const placement = parcelPlacement(geometry, villageGeom);
      if (placement === 'outside') {
        problems.push({
          field: `features[${i}].geometry`,
          code: 'farmland.outside_village',
          params: { village: village.name },
          message: `the parcel lies outside ${village.id}'s boundary`,
        });
        return;
      }
      if (!props.ok) return;
      rows.push({
        id: newId(now.getTime()),
        district_code: village.districtCode,
        village_id: village.id,
        village_path: village.path,
        kind: props.kind,
        code: props.code,
        name: props.name,
        area_m2: parcelArea(geometry).m2,
        geometry: JSON.stringify(geometry),
        outside_village: placement === 'partly_outside' ? 1 : 0,
        import_id: importId,
      });
    });
    if (problems.length)
      throw new Invalid(
        'farmland.invalid_file',
        `${problems.length} problems in the parcel file; nothing imported`,
        problems,
        { count: problems.length },
      );
    await farmlandStore.replaceVillage(
      trx,
      {
        id: importId,
        district_code: village.districtCode,
        village_id: village.id,
        crs,
        parcels: rows.length,
        imported_by: actor.accountId,
        imported_at: now.toISOString(),
      },
      rows,
    );
    const marks = await remarkCases(trx, village, rows);
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.area_m2, 0);
    const reply: ParcelImportReply = {
      imported: rows.length,
      partlyOutside: rows.filter((r) => r.outside_village === 1).length,
      farmlandMu: round2(muOf(sum('farmland'))),
      permanentBasicMu: round2(muOf(sum('permanent_basic'))),
      ...marks,
    };
    await recordAudit(trx, {
      actor,
      action: 'farmland.import',
      entityType: 'unit',
      entityId: village.id,
      at: now,
      requestId,
      summary: `导入「${village.name}」耕地图斑 ${rows.length} 个（耕地 ${reply.farmlandMu} 亩，永久基本农田 ${reply.permanentBasicMu} 亩，坐标系 ${crs}）${marks.casesMarked || marks.casesUnmarked ? `；新标记耕地案卷 ${marks.casesMarked} 件，撤销标记 ${marks.casesUnmarked} 件` : ''}`,
      after: { ...reply, crs },
    });
    return reply;
  });
  farmlandIndex(deps.database, deps.clock).invalidate();
  return result;
}

/**
 * After a village's parcels are replaced, in the import's transaction: the open 违法占用耕地 cases of
 * the village (located in its grids) reported before, now inside a parcel, become farmland cases (the
 * parcel as found now; 永久基本农田 before 耕地); the open farmland cases of the village without an approval
 * whose point lies in none of the new parcels are unmarked. Finished cases keep their mark (the table's
 * history), and so do approved ones (the district's word stays on record).
 */
async function remarkCases(
  trx: Executor,
  village: { id: string; path: string; districtCode: string },
  parcels: readonly FarmlandParcelTable[],
): Promise<{ casesMarked: number; casesUnmarked: number }> {
  const shapes = [...parcels]
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'permanent_basic' ? -1 : 1))
    .map((p) => ({ p, geom: JSON.parse(p.geometry) as BoundaryGeometry }));
  const parcelAt = (lng: number, lat: number) => shapes.find((s) => sideOfGeometry(s.geom, lng, lat) >= 0)?.p;

  const open = await openCaseLocationsUnder(trx, village.districtCode, village.path, FARMLAND_CASE_CATEGORY);
  const marked = await farmlandStore.markedAmong(
    trx,
    open.map((c) => c.id),
  );
  let casesMarked = 0;
  for (const c of open) {
    if (marked.has(c.id)) continue;
    const hit = parcelAt(c.lng, c.lat);
    if (!hit) continue;
    await farmlandStore.insertCase(trx, {
      case_id: c.id,
      district_code: village.districtCode,
      case_number: c.caseNumber,
      village_id: village.id,
      village_path: village.path,
      parcel_id: hit.id,
      parcel_kind: hit.kind,
      parcel_code: hit.code,
      lng: c.lng,
      lat: c.lat,
      reported_at: c.reportedAt,
      occupied_m2: null,
      approved_by: null,
      approved_by_name: null,
      approved_at: null,
      approval_note: null,
    });
    casesMarked++;
  }

  const mine = await farmlandStore.casesOfVillage(trx, village.id);
  const statuses = await caseStatuses(
    trx,
    mine.map((c) => c.case_id),
  );
  const finished = new Set(['closed', 'rejected', 'merged']);
  const drop = mine
    .filter((c) => {
      const status = statuses.get(c.case_id);
      return status && !finished.has(status) && c.approved_at === null && !parcelAt(c.lng, c.lat);
    })
    .map((c) => c.case_id);
  await farmlandStore.deleteCases(trx, drop);
  return { casesMarked, casesUnmarked: drop.length };
}
