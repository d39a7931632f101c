import type { ListedEntriesQuery } from '../../../contracts/screening.js';
import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { fixedOffsetMs, fromLocal, parseDay } from '../../../kernel/calendar/local-time.js';
import { DomainError } from '../../../kernel/errors.js';
import type { ScreeningDeps } from '../deps.js';
import { screeningFigureStore } from '../store/screening-figures.store.js';
import { entryViews } from './views.js';

const LIMIT = 500;

/**
 * The people newly listed on an area's grids over local days, any campaign: counted by the report
 * figure's own query (distinct ID numbers), so `people` is the dashboard's 排查人数; entries masked.
 */
export async function listListedEntries(deps: ScreeningDeps, actor: Actor, q: ListedEntriesQuery) {
  authorize(actor, 'screening.read');
  const db = deps.database.db;
  let path = actor.scopePath;
  if (q.unitId) {
    const unit = await deps.org.unit(db, q.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'screening.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'screening.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    path = unit.path;
  }
  const offset = fixedOffsetMs(deps.timeZone);
  const span = {
    districtCode: actor.districtCode,
    path,
    from: fromLocal(parseDay(q.from), 0, offset),
    to: fromLocal(parseDay(q.to) + 1, 0, offset),
  };
  const people = await screeningFigureStore.peopleListed(db, span);
  const { rows, total } = await screeningFigureStore.entriesListed(db, { ...span, limit: LIMIT });
  return { people, total, items: await entryViews(deps, db, rows) };
}
