import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { FileMeta } from '../../contracts/files.js';
import type { Clock } from '../../kernel/clock.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import { Invalid, NotFound } from '../../kernel/errors.js';
import type { FileStore } from '../../kernel/files/file-store.js';
import { IdParams, route } from '../../kernel/http/route.js';
import { newId } from '../../kernel/ids.js';
import type { FileTable } from '../../kernel/db/schema.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { fileStore } from './store/file.store.js';

export interface FilesDeps {
  database: Database;
  clock: Clock;
  store: FileStore;
  /**
   * The modules that attach files (a case's photos, a task report's evidence …), each answering: may
   * the actor see the record this file is attached to? Contributed through their descriptors.
   */
  canSee: FileAccessCheck[];
}

/** May the actor see what this file is attached to? (the attaching module answers) */
export type FileAccessCheck = (
  ex: Executor,
  actor: Actor,
  file: { id: string; caseId: string | null },
) => Promise<boolean>;

const present = (f: FileTable) => ({
  id: f.id,
  filename: f.filename,
  mimeType: f.mime_type,
  size: f.size,
  width: f.width,
  height: f.height,
  gps: f.gps_lng !== null && f.gps_lat !== null ? { lng: f.gps_lng, lat: f.gps_lat } : null,
  takenAt: f.taken_at,
  url: `/api/v1/files/${f.id}`,
  thumbnailUrl: `/api/v1/files/${f.id}/thumbnail`,
});

/** Marks files as attached to a case (the first case wins); called in the case's transaction. */
export async function attachFiles(ex: Executor, caseId: string, fileIds: string[]): Promise<void> {
  await fileStore.attachToCase(ex, caseId, fileIds);
}

export async function registerFiles(app: FastifyInstance, deps: FilesDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: deps.store.limits.maxBytes + 1, files: 1, fields: 5 } });

  /** A file is visible to its uploader, and to whoever can see the case (or other record) it is attached to. */
  async function loadVisible(actor: Actor, id: string): Promise<FileTable> {
    const db = deps.database.db;
    const f = await fileStore.findById(db, id);
    if (!f || f.district_code !== actor.districtCode) throw new NotFound('file', id);
    if (f.uploaded_by === actor.accountId) return f;
    for (const canSee of deps.canSee) if (await canSee(db, actor, { id: f.id, caseId: f.case_id })) return f;
    throw new NotFound('file', id);
  }

  route(app, {
    method: 'POST',
    url: '/api/v1/files',
    tag: 'files',
    permission: 'case.read',
    status: 201,
    response: FileMeta,
    summary:
      'Upload a photo (multipart/form-data, field "file"; JPEG, PNG or HEIC ≤ 15 MB); returns its id, size and EXIF GPS',
    async handler({ actor, req }) {
      if (!req.isMultipart())
        throw new Invalid('file.not_multipart', 'upload as multipart/form-data, field "file"', [
          { field: 'file', code: 'file.part_missing', message: 'no file' },
        ]);
      const part = await req.file();
      if (!part || part.fieldname !== 'file')
        throw new Invalid('file.missing', 'upload one file in the field "file"', [
          { field: 'file', code: 'file.part_missing', message: 'no file' },
        ]);
      const data = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new Invalid('file.too_large', `文件超过 ${Math.round(deps.store.limits.maxBytes / 1048576)} MB`, [
            { field: 'file', code: 'file.size_exceeded', message: 'too large' },
          ]);
        throw err;
      });
      const stored = await deps.store.save({ data, filename: part.filename, declaredType: part.mimetype });
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
      };
      await fileStore.insert(deps.database.db, row);
      return present(row);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/files/:id/meta',
    tag: 'files',
    permission: 'case.read',
    params: IdParams,
    response: FileMeta,
    summary: 'A file’s metadata',
    handler: async ({ actor, params }) => present(await loadVisible(actor, params.id)),
  });
  for (const [suffix, thumb] of [
    ['', false],
    ['/thumbnail', true],
  ] as const) {
    route(app, {
      method: 'GET',
      url: `/api/v1/files/:id${suffix}`,
      tag: 'files',
      permission: 'case.read',
      params: IdParams,
      produces: 'image/*',
      summary: thumb ? 'The file’s JPEG thumbnail (≤ 320 px)' : 'The file as uploaded',
      async handler({ actor, params, reply }) {
        const f = await loadVisible(actor, params.id);
        const opened = thumb ? await deps.store.openThumbnail(f.sha256) : await deps.store.open(f.sha256);
        if (!opened) throw new NotFound('file', params.id);
        // Content-addressed: the bytes behind an id never change.
        return reply
          .type(opened.mimeType)
          .header('content-length', opened.size)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('etag', `"${f.sha256}${thumb ? '-t' : ''}"`)
          .send(opened.stream);
      },
    });
  }
}
