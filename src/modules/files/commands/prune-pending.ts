import type { Database } from '../../../kernel/db/db.js';
import type { FileStore } from '../../../kernel/files/file-store.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { fileStore } from '../store/file.store.js';

const HOUR_MS = 3600_000;
const BATCH = 500;

/**
 * Forgets uploads never attached to any record within `maxAgeMs` of their upload
 * (CIVICGRID_UPLOAD_PENDING_HOURS): the row, then the bytes and thumbnail unless another row shares
 * the content (the store is content-addressed). Rows go first, so a crash between the two leaves at
 * worst an unnamed file on disk, never a row without its bytes. Hourly; idempotent.
 */
export function pendingUploadPruneJob(deps: { database: Database; store: FileStore }, maxAgeMs: number): Job {
  return {
    name: 'files.prune_pending',
    everyMs: HOUR_MS,
    async run(now) {
      const before = new Date(now.getTime() - maxAgeMs).toISOString();
      const db = deps.database.db;
      const old = await fileStore.pendingBefore(db, before);
      let removedFiles = 0;
      for (let i = 0; i < old.length; i += BATCH) {
        const batch = old.slice(i, i + BATCH);
        const shas = [...new Set(batch.map((f) => f.sha256))];
        const gone = await db.transaction().execute(async (trx) => {
          await fileStore.deleteIds(
            trx,
            batch.map((f) => f.id),
          );
          const inUse = await fileStore.shasInUse(trx, shas);
          return shas.filter((s) => !inUse.has(s));
        });
        for (const sha of gone) await deps.store.remove(sha);
        removedFiles += gone.length;
      }
      return { deleted: old.length, removedFiles, before };
    },
  };
}
