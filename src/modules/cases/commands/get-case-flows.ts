import type { CaseFlows, CaseFlowsQuery } from '../../../contracts/cases.js';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { DomainError } from '../../../kernel/errors.js';
import type { CasesDeps } from '../deps.js';
import { reportedAndClosedBetween } from '../store/case-points.store.js';
import { calendarFor } from './case-context.js';

/**
 * A local day's flows by hour in an area of the caller's scope (the wall display): cases reported in
 * each hour (by report time) and closed in it (结案, by closing time), counted by the case's grid. The
 * whole district also counts the cases in no grid.
 */
export async function getCaseFlows(deps: CasesDeps, actor: Actor, q: CaseFlowsQuery): Promise<CaseFlows> {
  const db = deps.database.db;
  const unit = await deps.org.unit(db, q.unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw new DomainError('forbidden', 'case.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
      { field: 'unitId', code: 'case.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  const cal = await calendarFor(deps, db, actor.districtCode);
  const date = q.date ?? cal.localDate(deps.clock.now());
  const start = cal.startOfDay(date).getTime();
  const district = await deps.org.unitByCode(db, actor.districtCode);
  const path = district && unit.path === district.path ? null : unit.path;
  const { reported, closed } = await reportedAndClosedBetween(
    db,
    actor.districtCode,
    path,
    new Date(start).toISOString(),
    new Date(start + 86_400_000).toISOString(),
  );
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, reported: 0, closed: 0 }));
  const hourOf = (at: string) => Math.min(23, Math.floor((Date.parse(at) - start) / 3_600_000));
  for (const at of reported) hours[hourOf(at)]!.reported++;
  for (const at of closed) hours[hourOf(at)]!.closed++;
  return { date, hours };
}
