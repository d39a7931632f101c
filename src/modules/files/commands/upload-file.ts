import { Invalid } from '../../../kernel/errors.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { FileTable } from '../../../kernel/db/schema.js';
import { newId } from '../../../kernel/ids.js';
import type { FilesDeps } from '../deps.js';
import { fileStore } from '../store/file.store.js';

/**
 * Stores an uploaded photo (checked and content-addressed by the file store) and records its metadata.
 * It stays pending until the uploader attaches it to a record; an account's pending uploads may hold
 * at most `pendingMaxBytes` (422 naming `file`, nothing stored, past it).
 */
export async function uploadFile(
  deps: Pick<FilesDeps, 'database' | 'clock' | 'store'> & Partial<Pick<FilesDeps, 'pendingMaxBytes'>>,
  actor: Actor,
  part: { data: Buffer; filename: string; mimetype: string },
): Promise<FileTable> {
  const cap = deps.pendingMaxBytes;
  if (cap !== undefined) {
    const pending = await fileStore.pendingBytes(deps.database.db, actor.accountId);
    if (pending + part.data.length > cap)
      throw new Invalid(
        'file.pending_quota',
        `pending uploads would exceed ${Math.round(cap / 1048576)} MB: attach or wait for them to expire`,
        [
          {
            field: 'file',
            code: 'file.pending_quota',
            message: 'pending uploads over the cap',
            params: { mb: Math.round(cap / 1048576) },
          },
        ],
        { mb: Math.round(cap / 1048576) },
      );
  }
  const stored = await deps.store.save({ data: part.data, filename: part.filename, declaredType: part.mimetype });
  const now = deps.clock.now();
  const row: FileTable = {
    id: newId(now.getTime()),
    district_code: actor.districtCode,
    sha256: stored.sha256,
    filename: part.filename.slice(0, 200) || 'photo',
    mime_type: stored.mimeType,
    size: stored.size,
    width: stored.width,
    height: stored.height,
    gps_lng: stored.gps?.lng ?? null,
    gps_lat: stored.gps?.lat ?? null,
    taken_at: stored.takenAt,
    uploaded_by: actor.accountId,
    uploaded_at: now.toISOString(),
    case_id: null,
    attached_at: null,
  };
  await fileStore.insert(deps.database.db, row);
  return row;
}
