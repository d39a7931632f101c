import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { BoardBody, BoardStateBody } from '../../../contracts/boards.js';
import { changeState, type BoardState } from '../domain/board-rules.js';
import type { BoardsDeps } from '../deps.js';
import { boardStore } from '../store/board.store.js';
import { assertPhoto, loadVisibleBoard } from './board-access.js';
import { placeBoard } from './place-board.js';

const NAMES: Record<string, string> = { good: '完好', damaged: '破损', to_replace: '待更换', removed: '已拆除' };

/** Registers a board in scope; it starts 完好 (its registration is the history's first entry). */
export async function createBoard(
  deps: BoardsDeps,
  actor: Actor,
  body: BoardBody,
  requestId?: string,
): Promise<string> {
  authorize(actor, 'board.write');
  const place = await placeBoard(deps, actor, body);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    await assertPhoto(trx, actor, body.photoId);
    const id = newId(now.getTime());
    await boardStore.insert(
      trx,
      {
        id,
        district_code: actor.districtCode,
        kind: body.kind,
        name: body.name,
        unit_id: place.unit.id,
        unit_path: place.unit.path,
        lng: place.point?.lng ?? null,
        lat: place.point?.lat ?? null,
        address: place.address,
        state: 'good',
        photo_id: body.photoId ?? null,
        created_by: actor.accountId,
        created_at: at,
        updated_at: at,
      },
      {
        id: newId(now.getTime()),
        board_id: id,
        district_code: actor.districtCode,
        unit_path: place.unit.path,
        at,
        actor_id: actor.accountId,
        actor_name: actor.displayName,
        from_state: null,
        to_state: 'good',
        photo_id: body.photoId ?? null,
        note: null,
        replaced: 0,
      },
    );
    await recordAudit(trx, {
      actor,
      action: 'board.create',
      entityType: 'board',
      entityId: id,
      at: now,
      requestId,
      summary: `登记宣传阵地「${body.name}」（${place.unit.name}）`,
    });
    return id;
  });
}

/** Edits a board's kind, name, place and photo (not its state: that is a change of state, recorded). */
export async function updateBoard(
  deps: BoardsDeps,
  actor: Actor,
  id: string,
  body: BoardBody,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'board.write');
  await loadVisibleBoard(deps.database.db, actor, id);
  const place = await placeBoard(deps, actor, body);
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await loadVisibleBoard(trx, actor, id);
    await assertPhoto(trx, actor, body.photoId, before);
    const after = {
      kind: body.kind,
      name: body.name,
      unit_id: place.unit.id,
      unit_path: place.unit.path,
      lng: place.point?.lng ?? null,
      lat: place.point?.lat ?? null,
      address: place.address,
      photo_id: body.photoId === undefined ? before.photo_id : body.photoId,
    };
    await boardStore.update(trx, id, { ...after, updated_at: now.toISOString() });
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    await recordAudit(trx, {
      actor,
      action: 'board.update',
      entityType: 'board',
      entityId: id,
      at: now,
      requestId,
      summary: `修改宣传阵地「${body.name}」`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
}

/** Changes a board's state with who and when; to 完好 with a new photo is a replacement (更换). */
export async function changeBoardState(
  deps: BoardsDeps,
  actor: Actor,
  id: string,
  body: BoardStateBody,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'board.write');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const board = await loadVisibleBoard(trx, actor, id);
    await assertPhoto(trx, actor, body.photoId, board);
    const photo = body.photoId ?? null;
    const change = changeState(board.state as BoardState, body.state, board.photo_id, photo);
    if (!change.ok) throw new Invalid('board.state_invalid', change.problem.message, [change.problem]);
    await boardStore.insertEvent(trx, {
      id: newId(now.getTime()),
      board_id: id,
      district_code: board.district_code,
      unit_path: board.unit_path,
      at: now.toISOString(),
      actor_id: actor.accountId,
      actor_name: actor.displayName,
      from_state: board.state,
      to_state: body.state,
      photo_id: photo,
      note: body.note ?? null,
      replaced: change.replaced ? 1 : 0,
    });
    await boardStore.update(trx, id, {
      state: body.state,
      ...(photo ? { photo_id: photo } : {}),
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'board.state',
      entityType: 'board',
      entityId: id,
      at: now,
      requestId,
      summary: `宣传阵地「${board.name}」${change.replaced ? '更换' : `${NAMES[board.state]} → ${NAMES[body.state]}`}`,
      before: { state: board.state },
      after: { state: body.state, replaced: change.replaced },
    });
  });
}
