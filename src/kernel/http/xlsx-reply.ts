import type { FastifyReply, FastifyRequest } from 'fastify';
import { xlsxStream, type XlsxSheet } from '../xlsx/stream-xlsx.js';

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
