import { z } from 'zod';
import { isHttpUrl } from '../domain/target-url.js';
import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, WEBHOOK_KINDS } from '../domain/webhook-types.js';

// Module-local for now; move to src/contracts/webhooks.ts when the web console needs them.

const Events = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'subscribe to at least one event').max(20);

export const CreateWebhookBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Where to POST; for DingTalk / WeCom the robot URL with its access_token / key. */
  url: z.string().max(2000).refine(isHttpUrl, 'must be an http:// or https:// URL'),
  kind: z.enum(WEBHOOK_KINDS),
  events: Events,
  /** 'webhook': the HMAC key, generated when absent; 'dingtalk': the robot's 加签 secret (SEC…); 'wecom': not allowed. */
  secret: z.string().min(16, 'at least 16 characters').max(200).optional(),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .strictObject({
    active: z.boolean().optional(),
    events: Events.optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => b.active !== undefined || b.events !== undefined || b.name !== undefined, {
    message: 'nothing to change',
    path: ['(body)'],
  });
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const ListDeliveriesQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.uuid('must be a delivery id').optional(),
});

export const Webhook = z.object({
  id: z.string(),
  name: z.string(),
  /** Robot tokens and passwords masked. */
  url: z.string(),
  kind: z.enum(WEBHOOK_KINDS),
  events: z.array(z.string()),
  active: z.boolean(),
  /** Whether requests are signed (always for 'webhook'; DingTalk when a 加签 secret was given). */
  signed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CreatedWebhook = Webhook.extend({
  /** 'webhook' only: the signing secret, shown this once. */
  secret: z.string().optional(),
});

export const Delivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  occurredAt: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(
    z.object({
      at: z.string(),
      statusCode: z.number().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
    }),
  ),
});
