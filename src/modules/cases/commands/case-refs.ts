import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import { canSee, stateFromJson } from '../domain/index.js';
import { caseStore } from '../store/case.store.js';
import { toCaseActor } from './case-context.js';

/** What other modules may read of a case they link to (a campaign's results): never the whole row. */
export interface CaseRef {
  id: string;
  districtCode: string;
  caseNumber: string;
  categoryCode: string;
  description: string;
  status: string;
  /** The case's grid path (null when reported outside every grid): its place in the unit tree. */
  gridPath: string | null;
  reportedAt: string;
  closedAt: string | null;
}

const refOf = (r: CaseTable): CaseRef => ({
  id: r.id,
  districtCode: r.district_code,
  caseNumber: r.case_number,
  categoryCode: r.category_code,
  description: r.description,
  status: r.status,
  gridPath: r.grid_path,
  reportedAt: r.reported_at,
  closedAt: r.closed_at,
});

/** A case the actor may see, or null (an invisible case answers as absent, so its existence does not leak). */
export async function visibleCaseRef(ex: Executor, actor: Actor, id: string): Promise<CaseRef | null> {
  const row = await caseStore.findById(ex, id);
  if (!row || row.district_code !== actor.districtCode) return null;
  return canSee(toCaseActor(actor), stateFromJson(row.state)) ? refOf(row) : null;
}

/** Cases by id (those that exist), for showing linked cases: the caller has already scoped the links. */
export async function caseRefs(ex: Executor, ids: readonly string[]): Promise<CaseRef[]> {
  const rows = await Promise.all([...new Set(ids)].map((id) => caseStore.findById(ex, id)));
  return rows.filter((r): r is CaseTable => !!r).map(refOf);
}

/** Every case located under a unit path (demo data and operators linking whole areas; unscoped). */
export async function caseRefsUnder(ex: Executor, districtCode: string, path: string): Promise<CaseRef[]> {
  return caseRefs(ex, await caseStore.idsUnderPath(ex, districtCode, path));
}

/** Where an open case lies, for modules that mark cases by place (farmland parcels imported later). */
export interface OpenCaseLocation {
  id: string;
  caseNumber: string;
  lng: number;
  lat: number;
  reportedAt: string;
}

/**
 * The open cases (not closed, rejected nor merged) of a category with a point, located in a grid under
 * `path` (unscoped: the caller has scoped the path).
 */
export async function openCaseLocationsUnder(
  ex: Executor,
  districtCode: string,
  path: string,
  categoryCode: string,
): Promise<OpenCaseLocation[]> {
  const rows = await ex
    .selectFrom('cases')
    .select(['id', 'case_number', 'lng', 'lat', 'reported_at'])
    .where('district_code', '=', districtCode)
    .where('category_code', '=', categoryCode)
    .where('status', 'not in', ['closed', 'rejected', 'merged'])
    .where('lng', 'is not', null)
    .where('lat', 'is not', null)
    .where(startsWith('grid_path', path))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    lng: r.lng!,
    lat: r.lat!,
    reportedAt: r.reported_at,
  }));
}
