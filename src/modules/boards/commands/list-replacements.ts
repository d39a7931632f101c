import type { BoardKind, BoardReplacementPage, BoardReplacementQuery } from '../../../contracts/boards.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { fixedOffsetMs, fromLocal, parseDay } from '../../../kernel/calendar/local-time.js';
import type { BoardsDeps } from '../deps.js';
import { boardStore } from '../store/board.store.js';

const LIMIT = 500;
import { areaPathOf } from './board-access.js';

/**
 * The replacements (更换) of boards in an area over local days — counted by the report figure's own
 * query (countReplaced, the rule the dashboard's 更换宣传牌数 groups), so the list's total is its number.
 */
export async function listBoardReplacements(
  deps: BoardsDeps,
  actor: Actor,
  q: BoardReplacementQuery,
): Promise<BoardReplacementPage> {
  const db = deps.database.db;
  const path = await areaPathOf(deps, db, actor, q.unitId);
  const offset = fixedOffsetMs(deps.config.timeZone);
  const from = fromLocal(parseDay(q.from), 0, offset).toISOString();
  const to = fromLocal(parseDay(q.to) + 1, 0, offset).toISOString();
  const total = await boardStore.countReplaced(db, actor.districtCode, path, from, to);
  const rows = await boardStore.replacedList(db, actor.districtCode, path, from, to, LIMIT);
  const units = await deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.unit_id))]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      boardId: r.board_id,
      kind: r.kind as BoardKind,
      name: r.name,
      unitId: r.unit_id,
      unitName: units.get(r.unit_id)?.name ?? '',
      address: r.address,
      at: r.at,
      actorName: r.actor_name,
      photoId: r.photo_id,
      note: r.note,
    })),
  };
}
