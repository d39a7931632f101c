import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';

/** A candidate for "waiting for my step": its id and derived state (JSON), read before the policy is applied. */
export interface WaitingCandidate {
  id: string;
  state: string;
}

/**
 * The cases of the given statuses whose grid or assigned unit lies under the scope path, or that lie
 * in no grid of the district (the policy decides on those): three index scans (cases_grid_path, the
 * partial cases_assigned, the district's out-of-grid cases), never an OR over the whole district.
 */
export async function waitingCandidates(
  ex: Executor,
  districtCode: string,
  scopePath: string,
  statuses: readonly string[],
): Promise<WaitingCandidate[]> {
  const base = () =>
    ex
      .selectFrom('cases')
      .select(['id', 'state'])
      .where('district_code', '=', districtCode)
      .where('status', 'in', statuses);
  const [byGrid, byUnit, noGrid] = await Promise.all([
    base().where(startsWith('grid_path', scopePath)).execute(),
    base().where('assigned_unit_path', 'is not', null).where(startsWith('assigned_unit_path', scopePath)).execute(),
    base().where('grid_path', 'is', null).execute(),
  ]);
  const out = new Map<string, WaitingCandidate>();
  for (const r of [...byGrid, ...byUnit, ...noGrid]) out.set(r.id, r);
  return [...out.values()];
}
