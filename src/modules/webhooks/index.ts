import type { Module } from '../module.js';
import type { Job } from '../../kernel/jobs/scheduler.js';
import { deliverDue } from './commands/deliver-due.js';
import type { WebhookDeps } from './deps.js';
import { registerWebhookRoutes } from './http/webhook.routes.js';

export type { WebhookDeps } from './deps.js';
export { enqueueEvent, type EnqueueEvent, type WebhookEvent } from './commands/enqueue-event.js';
export { deliverDue, type DeliverResult } from './commands/deliver-due.js';
export { WEBHOOK_EVENT_TYPES, WEBHOOK_KINDS, type WebhookEventType, type WebhookKind } from './domain/webhook-types.js';
export { verifySignature } from './domain/signing.js';

/** Signed webhooks and DingTalk / WeCom group robots: the subscription API (admins) and the delivery outbox. */
export const webhooksModule: Module = {
  name: 'webhooks',
  routes: (app, ctx) => registerWebhookRoutes(app, ctx),
  jobs: (ctx) => [webhookJobs(ctx)],
};

/** Sends due deliveries every 30 s; give it to startScheduler with the other jobs. */
export function webhookJobs(deps: WebhookDeps): Job {
  return {
    name: 'webhooks.deliver',
    everyMs: 30_000,
    run: async (now) => ({ ...(await deliverDue(deps, now)) }),
  };
}
