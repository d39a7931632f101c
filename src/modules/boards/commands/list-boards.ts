import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import type { BoardTable } from '../../../kernel/db/schema.js';
import type { Board, BoardDetail, BoardKind, BoardList, BoardState } from '../../../contracts/boards.js';
import type { BoardsDeps } from '../deps.js';
import { boardStore } from '../store/board.store.js';
import { areaPathOf, loadVisibleBoard } from './board-access.js';

function present(b: BoardTable, unitName: string): Board {
  return {
    id: b.id,
    kind: b.kind as BoardKind,
    name: b.name,
    unitId: b.unit_id,
    unitName,
    location: b.lng !== null && b.lat !== null ? { lng: b.lng, lat: b.lat } : null,
    address: b.address,
    state: b.state as BoardState,
    photoId: b.photo_id,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

/** The boards under a unit in scope (default: the actor's scope), with counts per state. */
export async function listBoards(
  deps: BoardsDeps,
  actor: Actor,
  q: { unitId?: string; kind?: string; state?: string; q?: string },
): Promise<BoardList> {
  const db = deps.database.db;
  const path = await areaPathOf(deps, db, actor, q.unitId);
  const rows = await boardStore.list(db, deps.database.dialect, { districtCode: actor.districtCode, path, ...q });
  const units = await deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.unit_id))]);
  const byState: Record<string, number> = {};
  for (const r of rows) byState[r.state] = (byState[r.state] ?? 0) + 1;
  return {
    items: rows.map((r) => present(r, units.get(r.unit_id)?.name ?? '')),
    byState,
    canWrite: can(actor, 'board.write'),
  };
}

/** One board with its history (registration and every change of state, who and when). */
export async function getBoard(deps: BoardsDeps, actor: Actor, id: string): Promise<BoardDetail> {
  const db = deps.database.db;
  const b = await loadVisibleBoard(db, actor, id);
  const unit = await deps.org.unit(db, b.unit_id);
  const events = await boardStore.events(db, id);
  return {
    ...present(b, unit?.name ?? ''),
    history: events.map((e) => ({
      at: e.at,
      actorName: e.actor_name,
      fromState: e.from_state as BoardState | null,
      toState: e.to_state as BoardState,
      photoId: e.photo_id,
      note: e.note,
      replaced: e.replaced === 1,
    })),
    canWrite: can(actor, 'board.write'),
  };
}
