import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import type { PopulationDeps } from '../deps.js';
import type { ResidentView } from '../http/population.presenter.js';
import { placeStore } from '../store/place.store.js';
import { residentStore, type ResidentRow } from '../store/resident.store.js';
import { gridRefs } from './place-context.js';

/** A resident in the actor's scope, or 404: a person outside it does not exist for them. */
export async function residentInScope(ex: Executor, actor: Actor, id: string): Promise<ResidentRow> {
  const r = await residentStore.byId(ex, id);
  if (!r || r.district_code !== actor.districtCode || !inScope(actor, r.grid_path)) throw new NotFound('resident', id);
  return r;
}

/** What the presenter needs to show residents: grids, household doors, pending reviews. */
export async function residentViews(
  deps: PopulationDeps,
  ex: Executor,
  rows: readonly ResidentRow[],
  revealed = false,
): Promise<ResidentView[]> {
  const grids = await gridRefs(
    deps,
    ex,
    rows.map((r) => r.grid_path),
  );
  const householdIds = [...new Set(rows.flatMap((r) => (r.household_id ? [r.household_id] : [])))];
  const doors = new Map<string, string>();
  for (const id of householdIds) {
    const h = await placeStore.household(ex, id);
    if (h) doors.set(id, h.address);
  }
  const pending = await residentStore.pendingReviewOf(
    ex,
    rows.map((r) => r.id),
  );
  const today = localDateOf(deps.clock.now());
  return rows.map((row) => ({
    row,
    grid: grids.get(row.grid_path)!,
    householdAddress: row.household_id ? (doors.get(row.household_id) ?? null) : null,
    pendingReview: pending.has(row.id),
    revealed,
    today,
  }));
}
