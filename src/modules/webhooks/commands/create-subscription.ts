import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { isHttpUrl, maskUrl } from '../domain/target-url.js';
import type { WebhookEventType, WebhookKind } from '../domain/webhook-types.js';
import type { WebhookDeps } from '../deps.js';
import { subscriptionStore, type SubscriptionRow } from '../store/webhook.store.js';

export interface CreateSubscriptionInput {
  name: string;
  /** http:// or https://; for the robots the full URL with its access_token / key. */
  url: string;
  kind: WebhookKind;
  events: WebhookEventType[];
  /** 'webhook': the HMAC key (generated when absent); 'dingtalk': the robot's 加签 secret; 'wecom': none. */
  secret?: string;
}

/** 32 random bytes; the prefix tells people in a config file what the string is. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Adds a subscription; a 'webhook' secret is returned here once and never shown again. */
export async function createSubscription(
  deps: WebhookDeps,
  actor: Actor,
  input: CreateSubscriptionInput,
  requestId?: string,
): Promise<{ row: SubscriptionRow; secret: string | null }> {
  if (!isHttpUrl(input.url))
    throw new Invalid('webhook.invalid_url', 'the URL must start with http:// or https://', [
      { field: 'url', message: 'must be an http:// or https:// URL' },
    ]);
  if (input.kind === 'wecom' && input.secret !== undefined) {
    throw new Invalid('webhook.secret_not_applicable', 'WeCom robots take no secret', [
      { field: 'secret', message: 'WeCom robots take no secret' },
    ]);
  }
  const now = deps.clock.now();
  const secret = input.kind === 'webhook' ? (input.secret ?? generateSecret()) : (input.secret ?? null);
  const events = [...new Set(input.events)];
  const row: SubscriptionRow = {
    id: newId(now.getTime()),
    district_code: actor.districtCode,
    name: input.name,
    url: input.url,
    kind: input.kind,
    events: JSON.stringify(events),
    secret,
    active: 1,
    created_by: actor.accountId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await subscriptionStore.insert(trx, row);
    await recordAudit(trx, {
      actor,
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row.id,
      at: now,
      requestId,
      summary: `新建消息推送「${input.name}」`,
      after: { name: input.name, url: maskUrl(input.url), kind: input.kind, events, signed: secret !== null },
    });
  });
  return { row, secret: input.kind === 'webhook' ? secret : null };
}
