import type { FastifyInstance } from 'fastify';
import {
  AreaFigures,
  AreasQuery,
  Dashboard,
  DashboardQuery,
  MeasureCatalog,
  Trend,
  TrendQuery,
  Workbench,
} from '../../../contracts/insights.js';
import { route } from '../../../kernel/http/route.js';
import { presentMeasure, readableMeasures } from '../commands/access.js';
import { getAreaFigures } from '../commands/get-area-figures.js';
import { getDashboard } from '../commands/get-dashboard.js';
import { getTrend } from '../commands/get-trend.js';
import { getWorkbench } from '../commands/get-workbench.js';
import type { InsightsDeps } from '../deps.js';
import type { EventBus } from '../../../kernel/events/events.js';
import { createWallHub, serveWallStream } from '../commands/wall-stream.js';

const TAG = 'insights';

export function registerInsightsRoutes(app: FastifyInstance, deps: InsightsDeps, events?: EventBus): void {
  if (events) {
    const hub = createWallHub(events);
    // The open streams are counted by the stream tests and the wall soak (bench/insights-wall-soak.ts).
    app.decorate('wallHub', hub);
    app.addHook('onClose', async () => hub.close());
    route(app, {
      method: 'GET',
      url: '/api/v1/insights/wall/stream',
      tag: TAG,
      permission: 'insight.read',
      produces: 'text/event-stream',
      summary:
        'The wall display’s change feed (server-sent events): a `changed` event, at most one a second, when the ' +
        'ledger changes in the caller’s scope; a heartbeat comment every 25 s',
      handler: async ({ actor, req, reply }) => serveWallStream(hub, actor, req, reply),
    });
  }
  route(app, {
    method: 'GET',
    url: '/api/v1/workbench',
    tag: TAG,
    response: Workbench,
    summary:
      'The 工作台 of the caller: what waits for them now in each module they work in (with overdue and due-soon ' +
      'counts) and their scope’s headline figures for today and this month',
    handler: ({ actor }) => getWorkbench(deps, actor),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/insights/measures',
    tag: TAG,
    permission: 'insight.read',
    response: MeasureCatalog,
    summary: 'The measures the caller may read (each module’s counts and rates), with their definitions',
    handler: async ({ actor }) => ({ items: readableMeasures(deps, actor).map(presentMeasure) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/insights/dashboard',
    tag: TAG,
    permission: 'insight.read',
    query: DashboardQuery,
    response: Dashboard,
    summary: 'Every measure the caller may read for a unit in scope and a period of local days, at this instant',
    handler: ({ actor, query }) => getDashboard(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/insights/areas',
    tag: TAG,
    permission: 'insight.read',
    query: AreasQuery,
    response: AreaFigures,
    summary:
      'One measure over the children (or small grids) of a unit in scope for a period: values and ranks, and with ' +
      'compare=true the previous period’s — the map, the rankings and the breakdown by unit',
    handler: ({ actor, query }) => getAreaFigures(deps, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/insights/trend',
    tag: TAG,
    permission: 'insight.read',
    query: TrendQuery,
    response: Trend,
    summary: 'One measure of a unit in scope by day, ISO week or month over a period',
    handler: ({ actor, query }) => getTrend(deps, actor, query),
  });
}
