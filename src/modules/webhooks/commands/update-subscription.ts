import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { NotFound } from '../../../kernel/errors.js';
import type { WebhookEventType } from '../domain/webhook-types.js';
import type { WebhookDeps } from '../deps.js';
import { subscriptionStore, type SubscriptionRow } from '../store/webhook.store.js';

export interface UpdateSubscriptionInput {
  active?: boolean;
  events?: WebhookEventType[];
  name?: string;
}

const view = (r: SubscriptionRow) => ({
  name: r.name,
  events: JSON.parse(r.events) as string[],
  active: r.active === 1,
});

/** Renames, re-subscribes, pauses or resumes a subscription of the actor's district. */
export async function updateSubscription(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
  input: UpdateSubscriptionInput,
  requestId?: string,
): Promise<SubscriptionRow> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await subscriptionStore.findInDistrict(trx, actor.districtCode, id);
    if (!before) throw new NotFound('webhook', id);
    await subscriptionStore.update(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.events !== undefined ? { events: JSON.stringify([...new Set(input.events)]) } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      updated_at: now.toISOString(),
    });
    const after = (await subscriptionStore.findInDistrict(trx, actor.districtCode, id))!;
    await recordAudit(trx, {
      actor,
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: id,
      at: now,
      requestId,
      summary: `修改消息推送「${after.name}」`,
      before: view(before),
      after: view(after),
    });
    return after;
  });
}
