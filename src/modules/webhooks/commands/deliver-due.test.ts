import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock.js';
import type { Database } from '../../../kernel/db/db.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { runSlot } from '../../../kernel/jobs/scheduler.js';
import { verifySignature } from '../domain/signing.js';
import type { WebhookDeps } from '../deps.js';
import { webhookJobs } from '../index.js';
import { closedPort, startReceiver, testAdmin, type Receiver } from '../testing/receiver.js';
import { createSubscription, type CreateSubscriptionInput } from './create-subscription.js';
import { deliverDue } from './deliver-due.js';
import { enqueueEvent } from './enqueue-event.js';
import { deactivateSubscription } from './deactivate-subscription.js';

const T0 = '2026-11-30T02:00:00.000Z';
const MIN = 60_000;
const SECRET = 'whsec_receiver-test-secret-0001';
const closed = (n: number) => ({
  districtCode: '411602',
  type: 'case.closed',
  at: new Date(T0),
  payload: { caseNumber: `411602-20261130-${String(n).padStart(4, '0')}` },
  text: `问题 ${n} 已结案`,
});

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: webhook delivery`, () => {
    let database: Database;
    let rx: Receiver;
    let deps: WebhookDeps;
    const at = (ms: number) => new Date(new Date(T0).getTime() + ms);
    const subscribe = async (input: Partial<CreateSubscriptionInput> = {}) =>
      (
        await createSubscription(deps, testAdmin, {
          name: '测试接收端',
          url: `${rx.base}/hook`,
          kind: 'webhook',
          events: ['case.closed'],
          secret: SECRET,
          ...input,
        })
      ).row;
    const enqueue = (n = 1) => database.db.transaction().execute((trx) => enqueueEvent(trx, closed(n)));
    const rows = () => database.db.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute();

    beforeAll(async () => {
      rx = await startReceiver();
    });
    afterAll(async () => rx?.close());
    beforeEach(async () => {
      database = await tdb.open();
      deps = { database, clock: fixedClock(T0), config: { timeZone: 'Asia/Shanghai' }, timeoutMs: 2_000 };
      rx.received.length = 0;
      rx.replyWith(() => ({ status: 200, body: '{"ok":true}' }));
    });
    afterEach(async () => database?.close());

    it('writes deliveries in the caller’s transaction and sends nothing until deliverDue', async () => {
      await subscribe();
      await subscribe({ name: '只收超期', events: ['case.overdue'] });
      expect(await enqueue()).toBe(1);
      await expect(
        database.db.transaction().execute(async (trx) => {
          await enqueueEvent(trx, closed(2));
          throw new Error('the case change failed');
        }),
      ).rejects.toThrow('the case change failed');
      expect(await rows()).toHaveLength(1);
      expect(rx.received).toHaveLength(0);
    });

    it('posts a signed event that the receiver verifies', async () => {
      const sub = await subscribe();
      await enqueue(7);
      expect(await deliverDue(deps, at(0))).toEqual({ claimed: 1, succeeded: 1, retrying: 0, failed: 0, cancelled: 0 });
      const [req] = rx.received;
      const [row] = await rows();
      expect(req.url).toBe('/hook');
      expect(req.headers).toMatchObject({
        'x-civicgrid-event': 'case.closed',
        'x-civicgrid-delivery': row.id,
        'x-civicgrid-timestamp': String(new Date(T0).getTime() / 1000),
      });
      expect(
        verifySignature({
          secret: SECRET,
          timestamp: req.headers['x-civicgrid-timestamp'] as string,
          signature: req.headers['x-civicgrid-signature'] as string,
          body: req.body,
          now: at(10_000),
        }),
      ).toBe(true);
      expect(
        verifySignature({
          secret: 'whsec_someone-else-entirely',
          timestamp: req.headers['x-civicgrid-timestamp'] as string,
          signature: req.headers['x-civicgrid-signature'] as string,
          body: req.body,
          now: at(0),
        }),
      ).toBe(false);
      expect(JSON.parse(req.body)).toEqual({
        id: row.event_id,
        type: 'case.closed',
        occurredAt: T0,
        districtCode: '411602',
        data: { caseNumber: '411602-20261130-0007' },
      });
      expect(row).toMatchObject({
        subscription_id: sub.id,
        status: 'succeeded',
        attempts: 1,
        last_status_code: 200,
        last_error: null,
        next_attempt_at: null,
        delivered_at: T0,
      });
      expect(await deliverDue(deps, at(MIN))).toMatchObject({ claimed: 0 });
      expect(rx.received).toHaveLength(1);
    });

    it('retries a 500 after the backoff, logging every attempt, then succeeds', async () => {
      await subscribe();
      await enqueue();
      rx.replyWith((_r, n) => (n < 2 ? { status: 500, body: 'database down' } : { status: 204 }));
      expect(await deliverDue(deps, at(0))).toMatchObject({ claimed: 1, retrying: 1 });
      expect((await rows())[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_status_code: 500,
        last_error: 'HTTP 500: database down',
        next_attempt_at: at(MIN).toISOString(),
      });
      expect(await deliverDue(deps, at(30_000))).toMatchObject({ claimed: 0 });
      expect(await deliverDue(deps, at(MIN))).toMatchObject({ retrying: 1 });
      expect((await rows())[0].next_attempt_at).toBe(at(6 * MIN).toISOString());
      expect(await deliverDue(deps, at(6 * MIN))).toMatchObject({ succeeded: 1 });
      const [row] = await rows();
      expect(row).toMatchObject({ status: 'succeeded', attempts: 3, last_status_code: 204, last_error: null });
      expect(JSON.parse(row.attempt_log).map((a: { statusCode: number; at: string }) => [a.statusCode, a.at])).toEqual([
        [500, T0],
        [500, at(MIN).toISOString()],
        [204, at(6 * MIN).toISOString()],
      ]);
      expect(new Set(rx.received.map((r) => r.headers['x-civicgrid-delivery'])).size).toBe(1);
    });

    it('gives up after the last retry of the schedule', async () => {
      await subscribe();
      await enqueue();
      rx.replyWith(() => ({ status: 503 }));
      let t = 0;
      for (const wait of [0, MIN, 5 * MIN, 30 * MIN, 120 * MIN, 720 * MIN]) {
        t += wait;
        expect(await deliverDue(deps, at(t - 1))).toMatchObject({ claimed: 0 });
        expect(await deliverDue(deps, at(t))).toMatchObject({ claimed: 1 });
      }
      const [row] = await rows();
      expect(row).toMatchObject({ status: 'failed', attempts: 6, next_attempt_at: null, last_status_code: 503 });
      expect(JSON.parse(row.attempt_log)).toHaveLength(6);
      expect(await deliverDue(deps, at(t + 7 * 24 * 60 * MIN))).toMatchObject({ claimed: 0 });
      expect(rx.received).toHaveLength(6);
    });

    it('logs a refused connection and a receiver that never answers', async () => {
      await subscribe({ url: `http://127.0.0.1:${await closedPort()}/hook` });
      await subscribe({ url: `${rx.base}/slow` });
      rx.replyWith(() => ({ status: 200, hang: true }));
      await enqueue();
      expect(await deliverDue({ ...deps, timeoutMs: 300 }, at(0))).toMatchObject({ claimed: 2, retrying: 2 });
      const errors = (await rows()).map((r) => [r.last_status_code, r.last_error]);
      expect(errors).toContainEqual([null, 'timeout after 0.3 s']);
      expect(errors.find((e) => e[1] !== 'timeout after 0.3 s')?.[1]).toMatch(/ECONNREFUSED/);
    });

    it('never sends one delivery twice when several processes run at once', async () => {
      await subscribe();
      for (let n = 0; n < 30; n++) await enqueue(n);
      const results = await Promise.all([deliverDue(deps, at(0)), deliverDue(deps, at(0)), deliverDue(deps, at(0))]);
      expect(results.reduce((s, r) => s + r.claimed, 0)).toBe(30);
      expect(rx.received).toHaveLength(30);
      expect(new Set(rx.received.map((r) => r.headers['x-civicgrid-delivery'])).size).toBe(30);
      expect((await rows()).every((r) => r.status === 'succeeded')).toBe(true);
    });

    it('cancels the pending deliveries of a switched-off subscription', async () => {
      const sub = await subscribe();
      await enqueue();
      await deactivateSubscription(deps, testAdmin, sub.id);
      expect(await enqueue(2)).toBe(0);
      expect(await deliverDue(deps, at(0))).toMatchObject({ claimed: 1, cancelled: 1 });
      expect((await rows())[0]).toMatchObject({ status: 'cancelled', next_attempt_at: null });
      expect(rx.received).toHaveLength(0);
    });

    it('runs as the webhooks.deliver job every 30 s, once per slot', async () => {
      await subscribe();
      await enqueue();
      const job = webhookJobs(deps);
      expect(job).toMatchObject({ name: 'webhooks.deliver', everyMs: 30_000 });
      const first = await runSlot(database.db, job, at(1_000));
      expect(first).toMatchObject({ ran: true, result: { claimed: 1, succeeded: 1 } });
      expect(await runSlot(database.db, job, at(2_000))).toEqual({ ran: false });
      expect(rx.received).toHaveLength(1);
    });
  });
}
