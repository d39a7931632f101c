import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { resolveToken } from './kernel/auth/sessions.js';
import type { Clock } from './kernel/clock.js';
import type { Config } from './kernel/config.js';
import type { Database } from './kernel/db/db.js';
import { buildOpenApi } from './kernel/http/openapi.js';
import { OpenApiDocument } from './contracts/platform.js';
import { problem, sendProblem, toProblem } from './kernel/http/problem.js';
import { route } from './kernel/http/route.js';
import { newId } from './kernel/ids.js';
import { VERSION } from './kernel/version.js';
import { tokenFrom } from './modules/org/http/auth.routes.js';
import { registerOrg } from './modules/org/index.js';
import { registerPlatform } from './modules/platform/index.js';
import { registerInbox } from './modules/inbox/inbox.js';
import { followUnitMoves as followCaseUnitMoves, registerCases } from './modules/cases/index.js';
import { createOrgApi, createUnitMoves, type UnitMoves } from './modules/org/index.js';
import { enqueueEvent, registerWebhooks } from './modules/webhooks/index.js';
import { registerFiles } from './modules/files/index.js';
import { canActorSeeCase, createOpen311Backend } from './modules/cases/index.js';
import { registerOpen311 } from './modules/open311/index.js';
import { followUnitMoves as followReportUnitMoves, registerReporting } from './modules/reporting/index.js';
import {
  canActorSeeTaskFile,
  followUnitMoves as followTaskUnitMoves,
  registerSupervision,
} from './modules/supervision/index.js';
import { followUnitMoves as followProposalUnitMoves, registerProposals } from './modules/proposals/index.js';
import { createFileStore } from './kernel/files/file-store.js';
import type { LocateService } from './modules/org/locate-service.js';

export { VERSION } from './kernel/version.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  locator: LocateService;
  /** Tests of the Open311 protocol layer give their own backend; the app uses the case ledger. */
  open311Backend?: import('./modules/open311/index.js').Open311Backend;
  /** Tests give their own registry to add a listener of unit moves; the app makes one otherwise. */
  unitMoves?: UnitMoves;
  /** false in in-process tests: no request log noise. */
  logger?: boolean | object;
}

/** The HTTP application without listen(), so route tests run it in-process with inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('routeDefs', []);
  app.decorateRequest('actor', null);
  app.decorateRequest('mustChangePassword', false);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err);
    if (p.status >= 500) req.log.error({ err }, 'request failed');
    return sendProblem(req, reply, p);
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET') {
      return sendProblem(
        req,
        reply,
        problem(404, 'route.not_found', `no route ${req.method} ${req.url.split('?')[0]}`),
      );
    }
    // The console is a single-page app: every other GET serves its index.
    return reply.type('text/html').sendFile('index.html');
  });

  // Resolve the actor from the session cookie or a bearer token, once per API request.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenFrom(req);
    if (!token) return;
    const resolved = await resolveToken(deps.database.db, token, deps.clock.now());
    if (resolved) {
      req.actor = resolved.actor;
      req.mustChangePassword = resolved.mustChangePassword;
    }
  });

  const moduleDeps = {
    database: deps.database,
    clock: deps.clock,
    config: deps.config,
    locator: deps.locator,
    unitMoves: deps.unitMoves ?? createUnitMoves(),
  };
  // One photo store for every module that keeps files (cases, task evidence, proposals).
  const fileStore = createFileStore({ root: path.join(deps.config.dataDir, 'files'), timeZone: deps.config.timeZone });
  registerOrg(app, moduleDeps);
  registerPlatform(app, moduleDeps);
  registerInbox(app, moduleDeps);
  registerWebhooks(app, moduleDeps);
  await registerFiles(app, {
    database: deps.database,
    clock: deps.clock,
    canSeeCase: canActorSeeCase,
    canSeeAttachment: [canActorSeeTaskFile],
    store: fileStore,
  });
  const casesDeps = {
    ...moduleDeps,
    org: createOrgApi(moduleDeps),
    enqueueEvent: async (ex: Parameters<typeof enqueueEvent>[0], e: Parameters<typeof enqueueEvent>[1]) => {
      await enqueueEvent(ex, e);
    },
  };
  registerCases(app, casesDeps);
  // A moved community's cases lie in its new sub-district's scope (and KPIs) from the moment the move commits.
  followCaseUnitMoves(casesDeps);
  const reportingDeps = {
    database: deps.database,
    clock: deps.clock,
    config: deps.config,
    org: casesDeps.org,
    enqueueEvent: casesDeps.enqueueEvent,
  };
  registerReporting(app, reportingDeps);
  // A moved unit's reports count under its new parent from the moment the move commits.
  followReportUnitMoves(reportingDeps);
  registerSupervision(app, {
    database: deps.database,
    clock: deps.clock,
    config: deps.config,
    org: casesDeps.org,
    enqueueEvent: casesDeps.enqueueEvent,
  });
  registerProposals(app, {
    database: deps.database,
    clock: deps.clock,
    config: deps.config,
    org: casesDeps.org,
    files: fileStore,
  });
  // Tasks and proposals find their units by path: those paths follow a move in its transaction too.
  followTaskUnitMoves({ org: casesDeps.org });
  followProposalUnitMoves({ org: casesDeps.org });
  registerOpen311(app, {
    database: deps.database,
    clock: deps.clock,
    config: deps.config,
    backend: deps.open311Backend ?? createOpen311Backend(casesDeps),
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.database.db.selectFrom('meta').select('key').limit(1).execute();
      return { status: 'ready', database: deps.database.dialect };
    } catch (err) {
      return reply
        .code(503)
        .type('application/problem+json')
        .send(problem(503, 'not_ready', `database unreachable: ${(err as Error).message}`));
    }
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/openapi.json',
    tag: 'meta',
    auth: 'none',
    summary: 'This OpenAPI 3 document',
    response: OpenApiDocument,
    handler: async () => buildOpenApi(app.routeDefs, VERSION),
  });

  const webDir = deps.config.webDir;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  await app.register(fastifyStatic, {
    root: hasWeb ? webDir : path.resolve('web'),
    prefix: '/',
    // Look files up per request, so a rebuilt console is served without restarting the server.
    wildcard: true,
    index: hasWeb ? ['index.html'] : false,
  });
  return app;
}
