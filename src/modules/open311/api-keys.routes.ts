import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, route } from '../../kernel/http/route.js';
import { ApiKeyList, ApiKeyView, IssuedApiKey } from '../../contracts/open311.js';
import type { ApiKeyDeps } from './commands/api-key-access.js';
import { issueApiKey } from './commands/issue-api-key.js';
import { listApiKeys } from './commands/list-api-keys.js';
import { revokeApiKey } from './commands/revoke-api-key.js';

export const CreateApiKeyBody = z.strictObject({
  /** The client app, e.g. 「i周口」市民端. */
  name: z.string().trim().min(1, 'required').max(100),
});

/** The admins' side of Open311: issuing and revoking the client apps' API keys. */
export function registerApiKeyRoutes(app: FastifyInstance, deps: ApiKeyDeps): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/open311/api-keys',
    tag: 'open311',
    permission: 'integration.write',
    status: 201,
    summary: 'Issue an Open311 API key for a client app (the key is shown only in this reply)',
    body: CreateApiKeyBody,
    response: IssuedApiKey,
    handler: ({ actor, body, req }) => issueApiKey(deps, actor, body.name, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/open311/api-keys',
    tag: 'open311',
    permission: 'integration.write',
    summary: 'The district’s Open311 API keys, revoked ones included, newest first (never the keys themselves)',
    response: ApiKeyList,
    handler: async ({ actor }) => ({ items: await listApiKeys(deps, actor) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/open311/api-keys/:id/revoke',
    tag: 'open311',
    permission: 'integration.write',
    params: IdParams,
    summary: 'Revoke an Open311 API key: its client can no longer create requests',
    response: ApiKeyView,
    handler: ({ actor, params, req }) => revokeApiKey(deps, actor, params.id, req.id),
  });
}
