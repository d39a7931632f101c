import type { Actor } from '../../kernel/auth/actor.js';
import type { Clock } from '../../kernel/clock.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import type { FileStore } from '../../kernel/files/file-store.js';

export interface FilesDeps {
  database: Database;
  clock: Clock;
  store: FileStore;
  /**
   * The modules that attach files (a case's photos, a task report's evidence …), each answering: may
   * the actor see the record this file is attached to? Contributed through their descriptors.
   */
  canSee: FileAccessCheck[];
  /** The most bytes of pending (not yet attached) uploads one account may hold (CIVICGRID_UPLOAD_PENDING_MB). */
  pendingMaxBytes: number;
}

/** May the actor see what this file is attached to? (the attaching module answers) */
export type FileAccessCheck = (
  ex: Executor,
  actor: Actor,
  file: { id: string; caseId: string | null },
) => Promise<boolean>;
