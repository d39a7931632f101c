import type { FastifyInstance } from 'fastify';
import { IdParams, route } from '../../../kernel/http/route.js';
import { createSubscription } from '../commands/create-subscription.js';
import { deactivateSubscription } from '../commands/deactivate-subscription.js';
import { listDeliveries } from '../commands/list-deliveries.js';
import { listSubscriptions } from '../commands/list-subscriptions.js';
import { updateSubscription } from '../commands/update-subscription.js';
import type { WebhookDeps } from '../deps.js';
import { presentDelivery, presentWebhook } from './webhook.presenter.js';
import { CreatedWebhook, DeliveryPage, Webhook, WebhookList } from '../../../contracts/webhooks.js';
import { CreateWebhookBody, ListDeliveriesQuery, UpdateWebhookBody } from './webhook.schemas.js';

export function registerWebhookRoutes(app: FastifyInstance, deps: WebhookDeps): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/webhooks',
    tag: 'webhooks',
    permission: 'integration.write',
    body: CreateWebhookBody,
    status: 201,
    response: CreatedWebhook,
    summary:
      'Subscribe a signed webhook, a DingTalk robot or a WeCom robot to events; a webhook’s secret is returned only here',
    async handler({ actor, body, req }) {
      const { row, secret } = await createSubscription(deps, actor, body, req.id);
      return { ...presentWebhook(row), ...(secret ? { secret } : {}) };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/webhooks',
    tag: 'webhooks',
    permission: 'integration.write',
    response: WebhookList,
    summary: 'The district’s subscriptions, active and inactive',
    handler: async ({ actor }) => ({ items: (await listSubscriptions(deps, actor)).map(presentWebhook) }),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/webhooks/:id',
    tag: 'webhooks',
    permission: 'integration.write',
    params: IdParams,
    body: UpdateWebhookBody,
    response: Webhook,
    summary: 'Rename, change events, pause or resume a subscription',
    handler: async ({ actor, params, body, req }) =>
      presentWebhook(await updateSubscription(deps, actor, params.id, body, req.id)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/webhooks/:id',
    tag: 'webhooks',
    permission: 'integration.write',
    params: IdParams,
    status: 204,
    summary: 'Switch a subscription off (kept, inactive, with its delivery log); pending deliveries are cancelled',
    handler: ({ actor, params, req }) => deactivateSubscription(deps, actor, params.id, req.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/webhooks/:id/deliveries',
    tag: 'webhooks',
    permission: 'integration.write',
    params: IdParams,
    query: ListDeliveriesQuery,
    response: DeliveryPage,
    summary: 'The delivery log, newest first: status, attempts, last reply or error, next attempt',
    async handler({ actor, params, query }) {
      const page = await listDeliveries(deps, actor, params.id, query);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  });
}
