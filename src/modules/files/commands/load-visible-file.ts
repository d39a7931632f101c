import type { Actor } from '../../../kernel/auth/actor.js';
import type { FileTable } from '../../../kernel/db/schema.js';
import { NotFound } from '../../../kernel/errors.js';
import type { FilesDeps } from '../deps.js';
import { fileStore } from '../store/file.store.js';

/** A file is visible to its uploader, and to whoever can see the case (or other record) it is attached to. */
export async function loadVisibleFile(
  deps: Pick<FilesDeps, 'database' | 'canSee'>,
  actor: Actor,
  id: string,
): Promise<FileTable> {
  const db = deps.database.db;
  const f = await fileStore.findById(db, id);
  if (!f || f.district_code !== actor.districtCode) throw new NotFound('file', id);
  if (f.uploaded_by === actor.accountId) return f;
  for (const canSee of deps.canSee) if (await canSee(db, actor, { id: f.id, caseId: f.case_id })) return f;
  throw new NotFound('file', id);
}
