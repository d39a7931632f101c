import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveToken, SESSION_COOKIE } from '../../../kernel/auth/sessions.js';
import { ROLES, ROLE_CODES } from '../../../kernel/auth/roles.js';
import { Forbidden } from '../../../kernel/errors.js';
import { route } from '../../../kernel/http/route.js';
import {
  ChangePasswordBody,
  CreateTokenBody,
  IssuedToken,
  LoginBody,
  LoginReply,
  Me,
  RoleList,
  TokenList,
} from '../../../contracts/org.js';
import { changePassword } from '../commands/change-password.js';
import { me } from '../commands/get-me.js';
import { issueApiToken } from '../commands/issue-api-token.js';
import { listApiTokens } from '../commands/list-api-tokens.js';
import { login } from '../commands/log-in.js';
import { logout } from '../commands/log-out.js';
import { revokeApiToken } from '../commands/revoke-api-token.js';
import type { OrgDeps } from '../deps.js';

export function tokenFrom(req: FastifyRequest): string | null {
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) return cookie;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return null;
}

export function registerAuthRoutes(app: FastifyInstance, deps: OrgDeps): void {
  // Secure when people reach the server over https: the public URL says so, or a trusted proxy does.
  const httpsPublic = deps.config.publicUrl.startsWith('https:');
  const secureFor = (req: FastifyRequest) =>
    httpsPublic || (deps.config.trustProxy !== false && req.protocol === 'https');
  route(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    tag: 'auth',
    auth: 'none',
    summary: 'Log in with username and password; sets the HttpOnly session cookie',
    body: LoginBody,
    response: LoginReply,
    rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
    async handler({ body, req, reply }) {
      const { token } = await login(deps, body, req.id, req.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureFor(req),
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      // Resolve the new session as the request's actor, so `me` answers in the same shape as GET /auth/me.
      const resolved = (await resolveToken(deps.database.db, token, deps.clock.now()))!;
      return { account: await me(deps, resolved.actor, resolved.mustChangePassword) };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    tag: 'auth',
    auth: 'any',
    status: 204,
    summary: 'End the current session',
    async handler({ req, reply }) {
      const token = tokenFrom(req);
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    tag: 'auth',
    auth: 'any',
    response: Me,
    summary: 'The logged-in account, its roles and permissions',
    handler: async ({ actor, req }) => me(deps, actor, req.mustChangePassword),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/auth/change-password',
    tag: 'auth',
    auth: 'any',
    status: 204,
    body: ChangePasswordBody,
    summary: 'Change the own password (required after the first login with a temporary password)',
    handler: async ({ actor, body, req }) => {
      await changePassword(deps, actor, body, tokenFrom(req), req.id, req.ip);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/roles',
    tag: 'auth',
    summary: 'The roles and the permissions each grants',
    response: RoleList,
    handler: async () => ({
      items: ROLE_CODES.map((c) => ({ code: c, name: ROLES[c].name, permissions: [...ROLES[c].permissions] })),
    }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/auth/tokens',
    tag: 'auth',
    status: 201,
    body: CreateTokenBody,
    permission: 'token.create',
    summary:
      'Issue a bearer API token for an integration, acting as the current account (shown once); from a console session only, expiring after expiresInDays (default 90, at most 365)',
    response: IssuedToken,
    async handler({ actor, body, req }) {
      // A leaked token must not be able to renew itself: minting needs the password, through a session.
      if (req.authKind !== 'session') {
        throw new Forbidden(
          'auth.token_needs_session',
          'API tokens are issued from a console session, not with a token',
        );
      }
      return issueApiToken(deps, actor, body, req.id);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/auth/tokens',
    tag: 'auth',
    summary: 'The current account’s active API tokens',
    response: TokenList,
    async handler({ actor }) {
      const rows = await listApiTokens(deps, actor);
      return {
        items: rows.map((r) => ({
          id: r.token_hash.slice(0, 16),
          name: r.name,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          // Tokens are always made with an expiry (the 2026-12-13T0400 migration gave the older ones one).
          expiresAt: r.expires_at!,
        })),
      };
    },
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/auth/tokens/:id',
    tag: 'auth',
    status: 204,
    params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
    summary: 'Revoke one of the current account’s API tokens',
    handler: ({ actor, params, req }) => revokeApiToken(deps, actor, params.id, req.id),
  });
}
