import type { FastifyReply, FastifyRequest } from 'fastify';
import { xlsxStream, type XlsxSheet } from '../xlsx/stream-xlsx.js';
import { Invalid } from '../errors.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams a sheet as an .xlsx download. `fileName` is the Chinese name the browser saves
 * (RFC 6266 `filename*`), `asciiName` the plain fallback for old clients. A failure after the
 * headers went out can only be logged: the download ends short.
 */
export function sendXlsx(
  reply: FastifyReply,
  req: FastifyRequest,
  sheet: XlsxSheet,
  names: { fileName: string; asciiName: string },
): FastifyReply {
  const stream = xlsxStream(sheet, (err) => req.log.error({ err, route: req.routeOptions.url }, 'xlsx export failed'));
  return reply
    .type(XLSX_MEDIA_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${names.asciiName}"; filename*=UTF-8''${encodeURIComponent(names.fileName)}`,
    )
    .send(stream);
}

/** The uploaded sheet of an import (multipart/form-data, field "file"), or a refusal naming the field. */
export async function uploadedSheet(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new Invalid('import.not_multipart', 'send multipart/form-data with the field file', [
      { field: 'file', code: 'import.not_multipart', message: 'send multipart/form-data with the field file' },
    ]);
  const part = await req.file();
  if (!part)
    throw new Invalid('import.no_file', 'no file', [{ field: 'file', code: 'import.no_file', message: 'no file' }]);
  return part.toBuffer();
}
