import type { Actor } from '../../../kernel/auth/actor.js';
import type { WebhookDeps } from '../deps.js';
import { subscriptionStore, type SubscriptionRow } from '../store/webhook.store.js';

export async function listSubscriptions(deps: WebhookDeps, actor: Actor): Promise<SubscriptionRow[]> {
  return subscriptionStore.list(deps.database.db, actor.districtCode);
}
