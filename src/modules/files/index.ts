import type { Module } from '../module.js';
import { pendingUploadPruneJob } from './commands/prune-pending.js';
import { registerFiles } from './http/files.routes.js';

export {
  attachFiles,
  claimUploads,
  markUploadsAttached,
  ownUploadedFileIds,
  uploadedFileIds,
} from './commands/attach-files.js';
/** Stores a photo as if uploaded by the actor (demo evidence of other modules). */
export { uploadFile } from './commands/upload-file.js';
export type { FileAccessCheck, FilesDeps } from './deps.js';

/** Photo upload and download; a file is visible to whoever may see the record it is attached to. */
export const filesModule: Module = {
  name: 'files',
  routes: (app, ctx) =>
    registerFiles(app, {
      database: ctx.database,
      clock: ctx.clock,
      store: ctx.files,
      canSee: ctx.modules.flatMap((m) => (m.fileAccess ? [m.fileAccess(ctx)] : [])),
      pendingMaxBytes: ctx.config.uploadPendingMb * 1048576,
    }),
  jobs: (ctx) => [
    pendingUploadPruneJob({ database: ctx.database, store: ctx.files }, ctx.config.uploadPendingHours * 3600_000),
  ],
};
