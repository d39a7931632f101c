import { CASE_POINTS_LIMIT, type CasePoints, type CasePointsQuery } from '../../../contracts/cases.js';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { DomainError } from '../../../kernel/errors.js';
import { OPEN_STATUSES } from '../domain/case-types.js';
import type { CasesDeps } from '../deps.js';
import { openCasePoints } from '../store/case-points.store.js';

/**
 * The open cases in the caller's scope as compact points for a map (态势地图): at most
 * CASE_POINTS_LIMIT, newest report first, with `truncated` when more matched. The map clusters them.
 */
export async function listCasePoints(deps: CasesDeps, actor: Actor, q: CasePointsQuery): Promise<CasePoints> {
  const db = deps.database.db;
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await deps.org.unit(db, q.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'case.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'case.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    unitPath = unit.path;
  }
  const statuses = q.status ? OPEN_STATUSES.filter((s) => q.status!.includes(s)) : OPEN_STATUSES;
  if (!statuses.length) return { items: [], truncated: false };
  const district = await deps.org.unitByCode(db, actor.districtCode);
  const rows = await openCasePoints(db, {
    districtCode: actor.districtCode,
    scopePath: actor.scopePath,
    districtPath: district?.path,
    unitPath,
    statuses,
    categoryCode: q.categoryCode,
    deadlineStatus: q.deadlineStatus,
    source: q.source,
    limit: CASE_POINTS_LIMIT + 1,
  });
  const page = rows.slice(0, CASE_POINTS_LIMIT);
  return {
    items: page.map((r) => [
      r.id,
      r.lng!,
      r.lat!,
      r.status as CasePoints['items'][number][3],
      r.deadline_status as CasePoints['items'][number][4],
      r.category_code,
    ]),
    truncated: rows.length > CASE_POINTS_LIMIT,
  };
}
