import type { Selectable } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import type { WebhookDeliveryTable, WebhookSubscriptionTable } from '../../../kernel/db/schema.js';

export type SubscriptionRow = Selectable<WebhookSubscriptionTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;
export type DeliveryWithTarget = DeliveryRow & { kind: string; url: string; secret: string | null; active: number };

export const subscriptionStore = {
  async insert(ex: Executor, row: WebhookSubscriptionTable): Promise<void> {
    await ex.insertInto('webhook_subscriptions').values(row).execute();
  },
  async findInDistrict(ex: Executor, districtCode: string, id: string): Promise<SubscriptionRow | undefined> {
    return ex
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
  },
  async list(ex: Executor, districtCode: string): Promise<SubscriptionRow[]> {
    return ex
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('district_code', '=', districtCode)
      .orderBy('id')
      .execute();
  },
  async active(ex: Executor, districtCode: string): Promise<SubscriptionRow[]> {
    return ex
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('active', '=', 1)
      .execute();
  },
  async update(ex: Executor, id: string, patch: Partial<WebhookSubscriptionTable>): Promise<void> {
    await ex.updateTable('webhook_subscriptions').set(patch).where('id', '=', id).execute();
  },
};

export const deliveryStore = {
  async insertMany(ex: Executor, rows: WebhookDeliveryTable[]): Promise<void> {
    if (rows.length) await ex.insertInto('webhook_deliveries').values(rows).execute();
  },
  async list(
    ex: Executor,
    subscriptionId: string,
    f: { status?: string; cursor?: string; limit: number },
  ): Promise<DeliveryRow[]> {
    let q = ex.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.cursor) q = q.where('id', '<', f.cursor);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },
  /** Pending deliveries whose time has come and that no sender holds, oldest first. */
  async dueIds(ex: Executor, now: string, limit: number): Promise<string[]> {
    const rows = await ex
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
  /**
   * Takes a delivery for one sender until `until`. The condition is re-checked by the UPDATE itself,
   * so of several processes racing for one row exactly one sees an updated row.
   */
  async claim(ex: Executor, id: string, now: string, until: string): Promise<boolean> {
    const r = await ex
      .updateTable('webhook_deliveries')
      .set({ locked_until: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async withTarget(ex: Executor, id: string): Promise<DeliveryWithTarget | undefined> {
    return ex
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .selectAll('d')
      .select(['s.kind', 's.url', 's.secret', 's.active'])
      .where('d.id', '=', id)
      .executeTakeFirst();
  },
  async update(ex: Executor, id: string, patch: Partial<WebhookDeliveryTable>): Promise<void> {
    await ex.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
  },
};
