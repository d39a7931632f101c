import type { FastifyInstance } from 'fastify';
import { route } from '../../../kernel/http/route.js';
import { sendXlsx, uploadedSheet, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { ResidentsImported } from '../../../contracts/population.js';
import { importResidents, residentSheetTemplate } from '../commands/import-residents.js';
import type { PopulationDeps } from '../deps.js';

/** The 居民台账 .xlsx template and its import. */
export function registerImportRoutes(app: FastifyInstance, deps: PopulationDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/households/import-template.xlsx',
    tag: 'population',
    permission: 'resident.write',
    produces: XLSX_MEDIA_TYPE,
    summary: 'The 居民台账 import sheet: one row a person with their grid and door, and an example row',
    handler: async ({ actor, reply, req }) => {
      const grid = (await deps.org.unit(deps.database.db, actor.unitId))?.name ?? '';
      return sendXlsx(reply, req, residentSheetTemplate(grid), {
        fileName: '居民台账导入模板.xlsx',
        asciiName: 'residents-template.xlsx',
      });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/households/import',
    tag: 'population',
    permission: 'resident.write',
    status: 201,
    response: ResidentsImported,
    summary:
      'Import a 居民台账 .xlsx sheet (multipart, field "file"), all or nothing: every problem names its row and column',
    handler: async ({ actor, req }) => importResidents(deps, actor, await uploadedSheet(req), req.id),
  });
}
