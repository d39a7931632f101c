import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { CoverageQuery, CoverageReport } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { countedThrough, coverageOf, daysInPeriod, elapsedDays, patrolDays, rollUpPeople } from '../domain/coverage.js';
import { patrolStore } from '../store/patrol.store.js';
import { scopeUnit } from './list-patrols.js';

/** The longest period one table covers. */
const MAX_DAYS = 366;

/**
 * Patrol coverage (巡查覆盖) under a unit in scope over [from, to]: per small grid (or village, for
 * 耕地巡查) the days patrolled ÷ the days of the period up to today, the grids not walked in it, each
 * grid's last patrolled day (whatever the period), and per person.
 */
export async function patrolCoverage(deps: PatrolsDeps, actor: Actor, q: CoverageQuery): Promise<CoverageReport> {
  authorize(actor, 'patrol.read');
  if (q.to < q.from)
    throw new Invalid('patrol.end_before_start', 'to before from', [
      { field: 'to', code: 'patrol.end_before_start', message: 'to before from' },
    ]);
  if (daysInPeriod(q.from, q.to) > MAX_DAYS)
    throw new Invalid('patrol.period_too_long', 'period too long', [
      { field: 'to', code: 'patrol.period_too_long', message: 'period too long', params: { days: MAX_DAYS } },
    ]);
  // Only the days up to today (Shanghai) count: a day not yet come cannot have been patrolled.
  const today = localDateOf(deps.clock.now());
  const through = countedThrough(q.from, q.to, today);
  const days = elapsedDays(q.from, q.to, today);
  const ex = deps.database.db;
  const unit = await scopeUnit(deps, actor, q.unitId);
  const areaKind = q.kind === 'grid' ? 'grid_small' : 'village';
  const areas = (await deps.org.unitsUnder(ex, actor.districtCode, unit.path, { kind: areaKind })).filter(
    (a) => !a.retiredAt,
  );
  const filter = { districtCode: actor.districtCode, kind: q.kind, path: unit.path, first: q.from, last: q.to };
  const [counts, lastDays] = await Promise.all([
    patrolStore.dayCounts(ex, filter),
    patrolStore.lastDays(ex, { districtCode: actor.districtCode, kind: q.kind, path: unit.path }),
  ]);
  const roll = coverageOf(
    areas.map((a) => a.id),
    counts,
    days,
  );
  // The community (or the village itself) each grid lies in, for the table.
  const ancestorIds = [...new Set(areas.flatMap((a) => a.path.split('/').filter(Boolean)))];
  const names = await deps.org.unitsByIds(ex, ancestorIds);
  const communityOf = (path: string) =>
    path
      .split('/')
      .filter(Boolean)
      .map((id) => names.get(id))
      .find((u) => u?.kind === 'community' || u?.kind === 'village')?.name ?? null;
  const byId = new Map(areas.map((a) => [a.id, a]));

  const { patrols, units, people } = await patrolStore.peopleRows(ex, filter);
  const personRows = patrols.flatMap((p) =>
    (people.get(p.id) ?? []).map((x) => ({
      personKey: x.account_id ?? `name:${x.name}`,
      name: x.name,
      patrolId: p.id,
      days: patrolDays(p.start_day, p.end_day ?? p.start_day),
      gridIds: (units.get(p.id) ?? []).map((u) => u.unit_id),
    })),
  );
  return {
    from: q.from,
    to: q.to,
    through,
    days,
    unit: { id: unit.id, name: unit.name },
    ratio: roll.ratio,
    grids: roll.grids.map((g) => ({
      id: g.gridId,
      name: byId.get(g.gridId)!.name,
      community: communityOf(byId.get(g.gridId)!.path),
      patrolledDays: g.patrolledDays,
      patrols: g.patrols,
      ratio: g.ratio,
      lastPatrolledDay: lastDays.get(g.gridId) ?? null,
    })),
    neverWalked: roll.neverWalked.length,
    people: rollUpPeople(personRows, q.from, q.to).map((p) => ({
      accountId: p.personKey.startsWith('name:') ? null : p.personKey,
      name: p.name,
      patrols: p.patrols,
      patrolledDays: p.patrolledDays,
      grids: p.grids,
    })),
  };
}
