import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { BoardTable } from '../../../kernel/db/schema.js';
import { DomainError, Invalid, NotFound } from '../../../kernel/errors.js';
import { markUploadsAttached, ownUploadedFileIds } from '../../files/index.js';
import type { BoardsDeps } from '../deps.js';
import { boardStore } from '../store/board.store.js';

/** The path of the area a list asks for (a unit in scope; default: the actor's scope), or 403 naming unitId. */
export async function areaPathOf(
  deps: BoardsDeps,
  ex: Executor,
  actor: Actor,
  unitId: string | undefined,
): Promise<string> {
  if (!unitId) return actor.scopePath;
  const unit = await deps.org.unit(ex, unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path))
    throw new DomainError('forbidden', 'board.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
      { field: 'unitId', code: 'board.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  return unit.path;
}

/** A board in the actor's district and scope; otherwise it does not exist (404). */
export async function loadVisibleBoard(ex: Executor, actor: Actor, id: string): Promise<BoardTable> {
  const b = await boardStore.findById(ex, id);
  if (!b || b.district_code !== actor.districtCode || !inScope(actor, b.unit_path)) throw new NotFound('board', id);
  return b;
}

/** Files module hook: a board's photos are visible to whoever may see the board. */
export async function canActorSeeBoardFile(ex: Executor, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.permissions.has('board.read')) return false;
  for (const id of await boardStore.boardIdsOfFile(ex, fileId)) {
    const b = await boardStore.findById(ex, id);
    if (b && b.district_code === actor.districtCode && inScope(actor, b.unit_path)) return true;
  }
  return false;
}

/**
 * The photo must be one the writer uploaded in the district, or one the board already has (its
 * current photo or one in its history). A board's photos are shown to everyone who sees the board, so
 * another's file — a case's photo, another 街道's upload — is refused as if it did not exist.
 */
export async function assertPhoto(
  ex: Executor,
  actor: Actor,
  photoId: string | null | undefined,
  board?: BoardTable,
): Promise<void> {
  if (!photoId) return;
  if (board && (board.photo_id === photoId || (await boardStore.boardIdsOfFile(ex, photoId)).includes(board.id)))
    return;
  if (!(await ownUploadedFileIds(ex, actor.districtCode, actor.accountId, [photoId])).has(photoId))
    throw new Invalid('board.photo_missing', 'no such photo', [
      { field: 'photoId', code: 'board.photo_missing', message: `no file ${photoId}` },
    ]);
  await markUploadsAttached(ex, [photoId], new Date());
}
