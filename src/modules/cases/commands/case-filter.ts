import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { ListCasesQuery } from '../../../contracts/cases.js';
import type { CasesDeps } from '../deps.js';
import type { CaseListFilter } from '../store/case.store.js';
import { calendarFor } from './case-context.js';

/** Local dates (Asia/Shanghai) to the UTC instants that bound them. */
export async function periodBounds(deps: CasesDeps, actor: Actor, from?: string, to?: string) {
  const cal = await calendarFor(deps, deps.database.db, actor.districtCode);
  const next = (d: string) => new Date(cal.startOfDay(d).getTime() + 86_400_000).toISOString();
  return { from: from ? cal.startOfDay(from).toISOString() : undefined, to: to ? next(to) : undefined };
}

export async function listFilter(
  deps: CasesDeps,
  actor: Actor,
  q: ListCasesQuery,
  limit: number,
): Promise<CaseListFilter> {
  const unitPath = q.unitId ? (await deps.org.unit(deps.database.db, q.unitId))?.path : undefined;
  if (q.unitId && !unitPath)
    throw new Invalid('case.unknown_unit', `unit ${q.unitId} does not exist`, [
      { field: 'unitId', code: 'unit.missing', message: 'no such unit' },
    ]);
  const { from, to } = await periodBounds(deps, actor, q.from, q.to);
  const district = await deps.org.unitByCode(deps.database.db, actor.districtCode);
  return {
    scopePath: actor.scopePath,
    unitPath,
    districtPath: district?.path,
    districtCode: actor.districtCode,
    assignedUnitId: q.assignedUnitId,
    status: q.status,
    categoryCode: q.categoryCode,
    source: q.source,
    from,
    to,
    deadlineStatus: q.deadlineStatus,
    reconciled: q.reconciled,
    q: q.q,
    after: q.cursor,
    limit,
  };
}
