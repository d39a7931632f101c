import type { Executor } from '../../../kernel/db/db.js';
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
