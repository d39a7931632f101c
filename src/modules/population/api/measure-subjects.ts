import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { Dialect, Executor } from '../../../kernel/db/db.js';
import type { OrgApi, UnitRef } from '../../org/index.js';

/**
 * What the home-measures module may know of a resident (issue 12 item 5): who they are, where they
 * live and which community and sub-district hold them (the measure's scope and its owners' units).
 * Read-only; population keeps its tables to itself.
 */
export interface MeasureSubject {
  id: string;
  districtCode: string;
  name: string;
  /** 'active', or 'left' (已迁出) … a measure is for someone living here. */
  status: string;
  gridPath: string;
  householdAddress: string | null;
  community: UnitRef;
  subdistrict: UnitRef;
}

const COMMUNITY = new Set(['community', 'village']);
const SUBDISTRICT = new Set(['subdistrict', 'township']);

async function withUnits(
  ex: Executor,
  org: Pick<OrgApi, 'ancestors'>,
  rows: {
    id: string;
    district_code: string;
    name: string;
    status: string;
    grid_path: string;
    address: string | null;
  }[],
): Promise<MeasureSubject[]> {
  const out: MeasureSubject[] = [];
  const cache = new Map<string, UnitRef[]>();
  for (const r of rows) {
    let up = cache.get(r.grid_path);
    if (!up) cache.set(r.grid_path, (up = await org.ancestors(ex, r.grid_path)));
    const community = up.find((u) => COMMUNITY.has(u.kind));
    const subdistrict = up.find((u) => SUBDISTRICT.has(u.kind));
    if (!community || !subdistrict) continue;
    out.push({
      id: r.id,
      districtCode: r.district_code,
      name: r.name,
      status: r.status,
      gridPath: r.grid_path,
      householdAddress: r.address,
      community,
      subdistrict,
    });
  }
  return out;
}

const base = (ex: Executor) =>
  ex
    .selectFrom('pop_residents as r')
    .leftJoin('pop_households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.district_code', 'r.name', 'r.status', 'r.grid_path', 'h.address']);

/** A resident by id with their grid's community and sub-district, or null (any scope: the caller checks). */
export async function measureSubject(
  ex: Executor,
  org: Pick<OrgApi, 'ancestors'>,
  id: string,
): Promise<MeasureSubject | null> {
  const row = await base(ex).where('r.id', '=', id).executeTakeFirst();
  return row ? ((await withUnits(ex, org, [row]))[0] ?? null) : null;
}

/** Living residents under a unit path whose name contains `q` (or all), by name: the start dialog's search. */
export async function searchMeasureSubjects(
  ex: Executor,
  dialect: Dialect,
  org: Pick<OrgApi, 'ancestors'>,
  f: { districtCode: string; path: string; q?: string; limit: number },
): Promise<MeasureSubject[]> {
  let q = base(ex)
    .where('r.district_code', '=', f.districtCode)
    .where(startsWith('r.grid_path', f.path))
    .where('r.status', '=', 'active');
  if (f.q) q = q.where(containsText(dialect, 'r.name', f.q));
  return withUnits(ex, org, await q.orderBy('r.name').orderBy('r.id').limit(f.limit).execute());
}
