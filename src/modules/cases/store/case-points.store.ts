import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';

export interface CasePointFilter {
  districtCode: string;
  /** The actor's scope: a case is visible when its grid or its assigned unit lies in it. */
  scopePath: string;
  /** The district's own path when the scope is the whole district: cases in no grid belong there. */
  districtPath?: string;
  /** Narrow to a unit subtree (by path), matched against the grid and the assigned unit, as the ledger does. */
  unitPath?: string;
  /** Open statuses to read (never empty). */
  statuses: readonly string[];
  categoryCode?: string;
  deadlineStatus?: readonly string[];
  source?: string;
  limit: number;
}

export interface CasePointRow {
  id: string;
  lng: number | null;
  lat: number | null;
  status: string;
  deadline_status: string;
  category_code: string;
}

/**
 * The open cases with a point, in scope and filtered, newest report first: only the six columns a map
 * draws. Walks (status, reported_at, id, scope) per status, testing the scope from the index.
 */
export async function openCasePoints(ex: Executor, f: CasePointFilter): Promise<CasePointRow[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the where-builder of a select whose type is built up above
  const within = (p: string) => (eb: any) =>
    eb.or([
      startsWith('grid_path', p),
      startsWith('assigned_unit_path', p),
      ...(f.districtPath && p === f.districtPath
        ? [eb.and([eb('grid_path', 'is', null), eb('district_code', '=', f.districtCode)])]
        : []),
    ]);
  let q = ex
    .selectFrom('cases')
    .select(['id', 'lng', 'lat', 'status', 'deadline_status', 'category_code'])
    .where('status', 'in', [...f.statuses])
    .where(within(f.scopePath))
    .where('district_code', '=', f.districtCode)
    .where('lng', 'is not', null)
    .where('lat', 'is not', null);
  if (f.unitPath) q = q.where(within(f.unitPath));
  if (f.deadlineStatus?.length) q = q.where('deadline_status', 'in', [...f.deadlineStatus]);
  if (f.categoryCode) q = q.where(startsWith('category_code', f.categoryCode));
  if (f.source) q = q.where('source', '=', f.source);
  return q.orderBy('reported_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/**
 * When the cases of an area were reported and closed within [from, to) (UTC instants): two range reads,
 * along (reported_at, id, grid_path …) and (closed_at, grid_path). `path` null reads the whole district.
 */
export async function reportedAndClosedBetween(
  ex: Executor,
  districtCode: string,
  path: string | null,
  from: string,
  to: string,
): Promise<{ reported: string[]; closed: string[] }> {
  let r = ex
    .selectFrom('cases')
    .select('reported_at as at')
    .where('reported_at', '>=', from)
    .where('reported_at', '<', to)
    .where('district_code', '=', districtCode);
  let c = ex
    .selectFrom('cases')
    .select('closed_at as at')
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .where('status', '=', 'closed')
    .where('district_code', '=', districtCode);
  if (path !== null) {
    r = r.where(startsWith('grid_path', path));
    c = c.where(startsWith('grid_path', path));
  }
  const [reported, closed] = await Promise.all([r.execute(), c.execute()]);
  return { reported: reported.map((x) => x.at), closed: closed.map((x) => x.at!) };
}
