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
import { csrfGuard } from './kernel/http/csrf.js';
import { registerSecurityHeaders } from './kernel/http/security-headers.js';
import { OpenApiDocument } from './contracts/platform.js';
import { problem, sendProblem, toProblem } from './kernel/http/problem.js';
import { route } from './kernel/http/route.js';
import { newId } from './kernel/ids.js';
import { VERSION } from './kernel/version.js';
import { registerListeners, registerRoutes } from './kernel/modules/descriptor.js';
import type { EventBus } from './kernel/events/events.js';
import { tokenFrom, type LocateService } from './modules/org/index.js';
import type { Open311Backend } from './modules/open311/index.js';
import type { ModuleContext } from './modules/module.js';
import { createModuleContext, MODULES } from './modules/registry.js';

export { VERSION } from './kernel/version.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  locator: LocateService;
  /** Tests of the Open311 protocol layer give their own backend; the app uses the case ledger. */
  open311Backend?: Open311Backend;
  /** Tests give their own bus to add a listener (e.g. of unit moves); the app makes one otherwise. */
  events?: EventBus;
  /** The modules' context when the caller built it already (main and the harness start the modules with it). */
  context?: ModuleContext;
  /** false in in-process tests: no request log noise. */
  logger?: boolean | object;
}

/** How long /readyz waits for the database (an unreachable host may not refuse, only stay silent). */
const READY_TIMEOUT_MS = 3000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
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
    // Behind a reverse proxy (CIVICGRID_TRUST_PROXY): req.protocol and req.host from X-Forwarded-*.
    trustProxy: deps.config.trustProxy,
  });
  app.decorate('routeDefs', []);
  app.decorateRequest('actor', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('authKind', null);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerSecurityHeaders(app, deps.config);
  // An empty application/json body is no body: the console sends the type on bodiless posts (CSRF guard).
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') return done(null, undefined);
    return jsonParser(req, body as string, done);
  });
  app.addHook('onRequest', csrfGuard(deps.config.publicUrl));

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
      req.authKind = resolved.kind;
    }
  });

  // Every module through its descriptor (src/modules/registry.ts): listeners first, then routes.
  const ctx = deps.context ?? createModuleContext(deps);
  registerListeners(MODULES, ctx, ctx.events);
  await registerRoutes(MODULES, app, ctx);

  app.get('/healthz', async () => ({ status: 'ok' }));
  // 503 while the database cannot be reached (a load balancer takes the process out meanwhile; the pool
  // reconnects by itself). Why is logged, not answered: the driver's message names hosts and databases.
  app.get('/readyz', async (req, reply) => {
    try {
      await withTimeout(deps.database.db.selectFrom('meta').select('key').limit(1).execute(), READY_TIMEOUT_MS);
      return { status: 'ready', database: deps.database.dialect };
    } catch (err) {
      req.log.warn({ err }, 'not ready: the database is unreachable');
      return reply
        .code(503)
        .type('application/problem+json')
        .send(problem(503, 'not_ready', 'the database is unreachable'));
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
