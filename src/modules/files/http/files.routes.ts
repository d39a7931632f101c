import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { FileMeta } from '../../../contracts/files.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import { IdParams, route } from '../../../kernel/http/route.js';
import { loadVisibleFile } from '../commands/load-visible-file.js';
import { uploadFile } from '../commands/upload-file.js';
import type { FilesDeps } from '../deps.js';
import { presentFile } from './file.presenter.js';

export async function registerFiles(app: FastifyInstance, deps: FilesDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: deps.store.limits.maxBytes + 1, files: 1, fields: 5 } });

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
      const row = await uploadFile(deps, actor, { data, filename: part.filename, mimetype: part.mimetype });
      return presentFile(row);
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
    handler: async ({ actor, params }) => presentFile(await loadVisibleFile(deps, actor, params.id)),
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
        const f = await loadVisibleFile(deps, actor, params.id);
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
