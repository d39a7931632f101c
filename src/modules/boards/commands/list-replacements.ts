import type { BoardKind, BoardReplacementPage, BoardReplacementQuery } from '../../../contracts/boards.js';
import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { fixedOffsetMs, fromLocal, parseDay } from '../../../kernel/calendar/local-time.js';
import { DomainError } from '../../../kernel/errors.js';
import type { BoardsDeps } from '../deps.js';
import { boardStore } from '../store/board.store.js';

const LIMIT = 500;

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
  let path = actor.scopePath;
  if (q.unitId) {
    const unit = await deps.org.unit(db, q.unitId);
    if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
      throw new DomainError('forbidden', 'board.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
        { field: 'unitId', code: 'board.unit_out_of_scope', message: 'the unit is outside your data scope' },
      ]);
    path = unit.path;
  }
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
