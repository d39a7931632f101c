import type { FastifyInstance } from 'fastify';
import { route } from '../../../kernel/http/route.js';
import { sendXlsx, uploadedSheet, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { VenuesImported } from '../../../contracts/venues.js';
import { importVenues, venueSheetTemplate } from '../commands/import-venues.js';
import { settingList } from '../commands/venue-settings.js';
import type { VenuesDeps } from '../deps.js';

/** The 场所台账 .xlsx template and its import. */
export function registerVenueImportRoutes(app: FastifyInstance, deps: VenuesDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/venues/import-template.xlsx',
    tag: 'venues',
    permission: 'venue.write',
    produces: XLSX_MEDIA_TYPE,
    summary: 'The 场所台账 import sheet: one row a venue, placed by its grid or its coordinates, with an example row',
    handler: async ({ actor, reply, req }) => {
      const db = deps.database.db;
      const unit = await deps.org.unit(db, actor.unitId);
      const type = (await settingList(db, 'types', actor.districtCode)).find((t) => t.active)?.name ?? '';
      return sendXlsx(reply, req, venueSheetTemplate(unit?.kind === 'grid_small' ? unit.name : '', type), {
        fileName: '场所台账导入模板.xlsx',
        asciiName: 'venues-template.xlsx',
      });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/venues/import',
    tag: 'venues',
    permission: 'venue.write',
    status: 201,
    response: VenuesImported,
    summary:
      'Import a 场所台账 .xlsx sheet (multipart, field "file"), all or nothing: every problem names its row and column',
    handler: async ({ actor, req }) => importVenues(deps, actor, await uploadedSheet(req), req.id),
  });
}
