import { z } from 'zod';
import { isHttpUrl } from '../domain/target-url.js';
import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, WEBHOOK_KINDS } from '../domain/webhook-types.js';

// Request schemas (the URL check is the domain's); the replies are in contracts/webhooks.ts.

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
