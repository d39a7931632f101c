import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { decodeCursor, encodeCursor } from '../../../kernel/http/cursor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid } from '../../../kernel/errors.js';
import type { MeasureStatus } from '../../../contracts/measures.js';
import type { MeasuresDeps } from '../deps.js';
import type { MeasureView } from '../http/measure.presenter.js';
import { measureStore, type EventRow, type MeasureRow } from '../store/measure.store.js';
import { managesPath, measureVisible, ownedOnly } from './measure-access.js';

const DEFAULT_LIMIT = 100;

/** Unit names of the measures' communities and sub-districts. */
export async function unitNames(deps: MeasuresDeps, ex: Executor, rows: readonly MeasureRow[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.community_id, r.subdistrict_id]))];
  const units = await deps.org.unitsByIds(ex, ids);
  return new Map([...units].map(([id, u]) => [id, u.name]));
}

async function views(deps: MeasuresDeps, ex: Executor, rows: MeasureRow[]): Promise<MeasureView[]> {
  const ids = rows.map((r) => r.id);
  const owners = await measureStore.owners(ex, ids);
  const followUps = await measureStore.followUps(ex, ids);
  const units = await unitNames(deps, ex, rows);
  const today = localDateOf(deps.clock.now());
  return rows.map((row) => ({
    row,
    owners: owners.filter((o) => o.measure_id === row.id),
    followUps: followUps.filter((f) => f.measure_id === row.id),
    units,
    today,
  }));
}

/**
 * The measures the actor may see, newest first: those under its scope (or a unit in it), and for the
 * 民警 and the 医生 only those naming them as owners.
 */
export async function listMeasures(
  deps: MeasuresDeps,
  actor: Actor,
  query: { status?: MeasureStatus; unitId?: string; q?: string; limit?: number; cursor?: string },
): Promise<{ items: MeasureView[]; nextCursor: string | null }> {
  authorize(actor, 'measure.read');
  const ex = deps.database.db;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor);
  let path = actor.scopePath;
  if (query.unitId) {
    const unit = await deps.org.unit(ex, query.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new Invalid('measure.unit_unknown', 'no such unit in your scope', [
        { field: 'unitId', code: 'measure.unit_unknown', message: 'no such unit in your scope' },
      ]);
    path = unit.path;
  }
  const rows = await measureStore.list(ex, deps.database.dialect, {
    districtCode: actor.districtCode,
    path,
    ownerId: actor.accountId,
    ownedOnly: ownedOnly(actor),
    status: query.status,
    q: query.q,
    // A unit asked for narrows owned measures too.
    within: query.unitId ? path : undefined,
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await views(deps, ex, page),
    nextCursor: rows.length > limit && last ? encodeCursor(last.start_day, last.id) : null,
  };
}

/** One measure with its day-by-day follow-ups and history. */
export async function getMeasure(
  deps: MeasuresDeps,
  actor: Actor,
  id: string,
): Promise<{ view: MeasureView; events: EventRow[]; canRecord: boolean; canEnd: boolean }> {
  authorize(actor, 'measure.read');
  const ex = deps.database.db;
  const { measure } = await measureVisible(ex, actor, id);
  const [view] = await views(deps, ex, [measure]);
  const owner = view!.owners.some((o) => o.account_id === actor.accountId);
  return {
    view: view!,
    events: await measureStore.events(ex, id),
    canRecord: owner && actor.permissions.has('followup.record') && measure.status === 'open',
    canEnd: measure.status === 'open' && managesPath(actor, measure.grid_path),
  };
}
