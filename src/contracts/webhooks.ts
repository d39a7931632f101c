import { z } from 'zod';

// Replies of the webhook API, shared by the server (OpenAPI, reply checks in tests) and the console.
// Request bodies are in the module's webhook.schemas.ts (the URL check is the domain's).

/** Where a subscription sends: a signed JSON webhook, or a DingTalk / WeCom group robot. */
export const WEBHOOK_KINDS = ['webhook', 'dingtalk', 'wecom'] as const;
export const WebhookKind = z.enum(WEBHOOK_KINDS);
export type WebhookKind = z.infer<typeof WebhookKind>;

/** The events other modules report through enqueueEvent. */
export const WEBHOOK_EVENT_TYPES = [
  'case.dispatched',
  'case.overdue',
  'case.closed',
  'report.missing',
  'proposal.overdue',
  'supervisor_opinion.overdue',
  'instruction.created',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

// ---- replies (what the console reads) ----

export const Webhook = z.object({
  id: z.string(),
  name: z.string(),
  /** Robot tokens and passwords masked. */
  url: z.string(),
  kind: WebhookKind,
  events: z.array(WebhookEventType),
  active: z.boolean(),
  /** Whether requests are signed (always for 'webhook'; DingTalk when a 加签 secret was given). */
  signed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;
export const WebhookList = z.object({ items: z.array(Webhook) });
export type WebhookList = z.infer<typeof WebhookList>;

export const CreatedWebhook = Webhook.extend({
  /** 'webhook' only: the signing secret, shown this once. */
  secret: z.string().optional(),
});
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const Delivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  occurredAt: z.string(),
  status: DeliveryStatus,
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
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryPage = z.object({ items: z.array(Delivery), nextCursor: z.string().nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPage>;
