import type { Module } from '../module.js';
import { registerFiles } from './http/files.routes.js';

export { attachFiles, ownUploadedFileIds, uploadedFileIds } from './commands/attach-files.js';
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
    }),
};
