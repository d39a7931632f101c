import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { fileStore } from '../store/file.store.js';

/** Marks files as attached to a case (the first case wins); called in the case's transaction. */
export async function attachFiles(ex: Executor, caseId: string, fileIds: string[]): Promise<void> {
  await fileStore.attachToCase(ex, caseId, fileIds);
}

/**
 * Which of the ids are files uploaded in the district: a module attaching files to its own records
 * checks them first (another district's file is as absent as a made-up id).
 */
export function uploadedFileIds(ex: Executor, districtCode: string, ids: readonly string[]): Promise<Set<string>> {
  return fileStore.existingIds(ex, districtCode, ids);
}

/**
 * Which of the ids are files the account itself uploaded in the district: a record that makes its
 * photos visible to its own readers (a board) takes only its writer's uploads, so no one can lift a
 * file of another module's record (a case's photo) into a wider view by naming its id.
 */
export function ownUploadedFileIds(
  ex: Executor,
  districtCode: string,
  accountId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  return fileStore.existingIds(ex, districtCode, ids, accountId);
}

/**
 * The one check every module makes where ids the client sent become a record's files: each must be
 * a file of the district uploaded by the actor (no one may attach another account's upload by
 * knowing its id), else 422 naming `field[i]` and nothing is attached. The files then count as
 * attached: no longer pending, so never pruned and outside the pending quota. Call it in the
 * transaction that writes the record.
 */
export async function claimUploads(
  ex: Executor,
  actor: { districtCode: string; accountId: string },
  at: Date,
  groups: readonly (readonly [field: string, ids: readonly string[] | undefined])[],
): Promise<void> {
  const all = [...new Set(groups.flatMap(([, ids]) => ids ?? []))];
  if (!all.length) return;
  const uploaders = await fileStore.uploaders(ex, actor.districtCode, all);
  const problems: FieldProblem[] = [];
  for (const [field, ids] of groups)
    (ids ?? []).forEach((id, i) => {
      if (uploaders.get(id) !== actor.accountId)
        problems.push({ field: `${field}[${i}]`, code: 'file.not_own', message: `no file ${id} uploaded by you` });
    });
  if (problems.length)
    throw new Invalid('file.not_own', 'only the account that uploaded a file may attach it', problems);
  await fileStore.markAttached(ex, all, at.toISOString());
}

/** Files a module has itself checked to be the actor's own uploads now count as attached (see claimUploads). */
export async function markUploadsAttached(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
  await fileStore.markAttached(ex, [...new Set(ids)], at.toISOString());
}
