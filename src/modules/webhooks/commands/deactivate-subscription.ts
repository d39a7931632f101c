import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { NotFound } from '../../../kernel/errors.js';
import type { WebhookDeps } from '../deps.js';
import { subscriptionStore } from '../store/webhook.store.js';

/** DELETE: the subscription stays, inactive, so its delivery log remains readable; pending deliveries are cancelled when due. */
export async function deactivateSubscription(
  deps: WebhookDeps,
  actor: Actor,
  id: string,
  requestId?: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const sub = await subscriptionStore.findInDistrict(trx, actor.districtCode, id);
    if (!sub) throw new NotFound('webhook', id);
    if (sub.active === 0) return;
    await subscriptionStore.update(trx, id, { active: 0, updated_at: now.toISOString() });
    await recordAudit(trx, {
      actor,
      action: 'webhook.deactivate',
      entityType: 'webhook',
      entityId: id,
      at: now,
      requestId,
      summary: `停用消息推送「${sub.name}」`,
      before: { active: true },
      after: { active: false },
    });
  });
}
