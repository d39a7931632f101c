import type { FastifyInstance } from 'fastify';
import { RankingExportQuery, RankingQuery, RankingTable } from '../../../contracts/insights-rankings.js';
import { route } from '../../../kernel/http/route.js';
import { sendXlsx, XLSX_MEDIA_TYPE } from '../../../kernel/http/xlsx-reply.js';
import { exportRanking } from '../commands/export-ranking.js';
import { getRanking } from '../commands/get-ranking.js';
import type { InsightsDeps } from '../deps.js';

const TAG = 'insights';

/** 排名通报 (docs/insights-rankings.md): the ranking table, and one measure's ranking as .xlsx. */
export function registerRankingRoutes(app: FastifyInstance, deps: InsightsDeps): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/insights/rankings',
    tag: TAG,
    permission: 'insight.read',
    query: RankingQuery,
    response: RankingTable,
    summary:
      'The children (or small grids) of a unit in scope ranked by the first of up to six measures for a period: ' +
      'each measure’s value and rank per area, and the previous period’s with the movement (名次变化)',
    handler: ({ actor, query }) => getRanking(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/insights/rankings.xlsx',
    tag: TAG,
    permission: 'insight.read',
    query: RankingExportQuery,
    produces: XLSX_MEDIA_TYPE,
    summary:
      'One measure’s ranking as .xlsx (the 通报): rank, unit, value, its parts for a rate, the previous rank, ' +
      'the movement and the previous value, under a title and over the definition and the instant taken',
    async handler({ actor, query, reply, req }) {
      const { sheet, fileName } = await exportRanking(deps, actor, query);
      return sendXlsx(reply, req, sheet, { fileName, asciiName: 'ranking.xlsx' });
    },
  });
}
