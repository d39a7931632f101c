import type { KnockedHouseholdsQuery } from '../../../contracts/population.js';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { fixedOffsetMs, fromLocal, parseDay } from '../../../kernel/calendar/local-time.js';
import { DomainError } from '../../../kernel/errors.js';
import type { PopulationDeps } from '../deps.js';
import { visitFigureStore } from '../store/visit-figures.store.js';
import { gridRefs } from './place-context.js';

const LIMIT = 500;

/**
 * The households knocked on in an area over local days, any round — counted by the same query as the
 * report figures and the dashboard's 敲门入户数 / 在家已核实户数, so the list's total is their number.
 */
export async function listKnockedHouseholds(deps: PopulationDeps, actor: Actor, q: KnockedHouseholdsQuery) {
  const db = deps.database.db;
  let path = actor.scopePath;
  if (q.unitId) {
    const unit = await deps.org.unit(db, q.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'resident.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'resident.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    path = unit.path;
  }
  const offset = fixedOffsetMs(deps.timeZone);
  const from = fromLocal(parseDay(q.from), 0, offset);
  const to = fromLocal(parseDay(q.to) + 1, 0, offset);
  const results = q.result ? [q.result] : undefined;
  const total = await visitFigureStore.householdsVisited(db, { path, from, to, results });
  const rows = await visitFigureStore.householdsVisitedList(db, { path, from, to, results, limit: LIMIT });
  const grids = await gridRefs(
    deps,
    db,
    rows.map((r) => r.last.grid_path),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.last.household_id,
      address: r.last.address,
      grid: grids.get(r.last.grid_path)!,
      visits: r.visits,
      lastVisitedAt: r.last.visited_at,
      lastResult: r.last.result as NonNullable<KnockedHouseholdsQuery['result']>,
      lastVisitorName: r.last.visitor_name,
    })),
  };
}
