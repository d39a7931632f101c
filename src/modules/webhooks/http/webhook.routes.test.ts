import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { deliverDue } from '../commands/deliver-due.js';
import { enqueueEvent } from '../commands/enqueue-event.js';
import type { WebhookDeps } from '../index.js';
import { startReceiver, type Receiver } from '../testing/receiver.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: webhooks API`, () => {
    let h: Harness;
    let rx: Receiver;
    let deps: WebhookDeps;
    let admin: string;
    let staff: string;
    const post = (body: unknown, cookie = admin) => h.call('POST', '/api/v1/webhooks', { cookie, body });
    const valid = () => ({
      name: '区大数据中心',
      url: `${rx.base}/hook`,
      kind: 'webhook',
      events: ['case.dispatched', 'case.closed'],
    });

    beforeAll(async () => {
      rx = await startReceiver();
      h = await openHarness(tdb);
      deps = { database: h.database, clock: h.clock, config: { timeZone: 'Asia/Shanghai' } };
      admin = await h.login('admin');
      const sub = await h.call('POST', '/api/v1/units', {
        cookie: admin,
        body: { parentId: h.districtId, kind: 'subdistrict', name: '城北街道办事处' },
      });
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username: 'cb_staff', displayName: '城北管理员', unitId: sub.json().id, roles: ['subdistrict_staff'] },
      });
      const temp = acc.json().temporaryPassword;
      staff = await h.login('cb_staff', temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: staff,
        body: { currentPassword: temp, newPassword: 'Chengbei2026' },
      });
    });
    afterAll(async () => {
      await h?.close();
      await rx?.close();
    });

    it('creates a webhook and shows its generated secret once', async () => {
      const res = await post(valid());
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        name: '区大数据中心',
        kind: 'webhook',
        events: ['case.dispatched', 'case.closed'],
        active: true,
        signed: true,
      });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const list = await h.call('GET', '/api/v1/webhooks', { cookie: admin });
      expect(list.statusCode).toBe(200);
      const shown = list.json().items.find((w: { id: string }) => w.id === created.id);
      expect(shown).toMatchObject({ id: created.id, signed: true });
      expect(shown.secret).toBeUndefined();
      expect(list.body).not.toContain(created.secret);
    });

    it('keeps a DingTalk robot token and 加签 secret out of replies and the audit log', async () => {
      const res = await post({
        name: '钉钉工作群',
        url: `${rx.base}/robot/send?access_token=abcdef123456`,
        kind: 'dingtalk',
        events: ['case.overdue'],
        secret: 'SEC0123456789abcdef0123456789',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ url: `${rx.base}/robot/send?access_token=abcd****`, signed: true });
      expect(res.json().secret).toBeUndefined();
      const audit = await h.call('GET', `/api/v1/audit?entityType=webhook&entityId=${res.json().id}`, {
        cookie: admin,
      });
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['webhook.create']);
      expect(audit.body).not.toContain('abcdef123456');
      expect(audit.body).not.toContain('SEC0123456789');
    });

    it('refuses bad input with problem+json naming the field', async () => {
      const cases: [unknown, number, string][] = [
        [{ ...valid(), url: 'ftp://127.0.0.1/hook' }, 400, 'url'],
        [{ ...valid(), url: 'not a url' }, 400, 'url'],
        [{ ...valid(), events: ['case.closed', 'case.exploded'] }, 400, 'events[1]'],
        [{ ...valid(), events: [] }, 400, 'events'],
        [{ ...valid(), kind: 'feishu' }, 400, 'kind'],
        [{ ...valid(), colour: 'red' }, 400, 'colour'],
        [{ ...valid(), secret: 'short' }, 400, 'secret'],
        [{ ...valid(), kind: 'wecom', secret: 'a-wecom-robot-has-no-secret' }, 422, 'secret'],
      ];
      for (const [body, status, field] of cases) {
        const res = await post(body);
        expect(res.statusCode, JSON.stringify(body)).toBe(status);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(
          res.json().errors.map((e: { field: string }) => e.field),
          JSON.stringify(body),
        ).toContain(field);
      }
      const id = (await h.call('GET', '/api/v1/webhooks', { cookie: admin })).json().items[0].id;
      const empty = await h.call('PATCH', `/api/v1/webhooks/${id}`, { cookie: admin, body: {} });
      expect(empty.statusCode).toBe(400);
      const unknown = await h.call('PATCH', `/api/v1/webhooks/${id}`, {
        cookie: admin,
        body: { url: 'https://elsewhere.test/' },
      });
      expect(unknown.json().errors).toContainEqual({ field: 'url', message: 'unknown field (in body)' });
    });

    it('refuses a non-admin with 403 and an anonymous caller with 401', async () => {
      for (const [method, url, body] of [
        ['POST', '/api/v1/webhooks', valid()],
        ['GET', '/api/v1/webhooks', undefined],
      ] as const) {
        const res = await h.call(method, url, { cookie: staff, body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('auth.permission_denied');
      }
      expect((await h.call('GET', '/api/v1/webhooks')).statusCode).toBe(401);
    });

    it('updates and soft-deletes a subscription, auditing each change', async () => {
      const id = (await post(valid())).json().id;
      const patched = await h.call('PATCH', `/api/v1/webhooks/${id}`, {
        cookie: admin,
        body: { name: '大数据中心（测试）', events: ['case.overdue', 'case.overdue'] },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ name: '大数据中心（测试）', events: ['case.overdue'], active: true });
      expect((await h.call('DELETE', `/api/v1/webhooks/${id}`, { cookie: admin })).statusCode).toBe(204);
      expect((await h.call('DELETE', `/api/v1/webhooks/${id}`, { cookie: admin })).statusCode).toBe(204);
      const list = await h.call('GET', '/api/v1/webhooks', { cookie: admin });
      expect(list.json().items.find((w: { id: string }) => w.id === id).active).toBe(false);
      const audit = await h.call('GET', `/api/v1/audit?entityType=webhook&entityId=${id}`, { cookie: admin });
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
        'webhook.deactivate',
        'webhook.update',
        'webhook.create',
      ]);
      const missing = await h.call('DELETE', '/api/v1/webhooks/01900000-0000-7000-8000-000000000000', {
        cookie: admin,
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('webhook.not_found');
    });

    it('shows the delivery log with status, attempts, last reply and next attempt', async () => {
      const id = (await post({ ...valid(), events: ['report.missing'] })).json().id;
      const now = h.clock.now();
      await h.database.db.transaction().execute((trx) =>
        enqueueEvent(trx, {
          districtCode: '411602',
          type: 'report.missing',
          at: now,
          payload: { report: '周报' },
          text: '城北街道未按时上报周报',
        }),
      );
      rx.replyWith(() => ({ status: 502, body: 'bad gateway' }));
      await deliverDue(deps, now);
      const res = await h.call('GET', `/api/v1/webhooks/${id}/deliveries`, { cookie: admin });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().nextCursor).toBeNull();
      expect(res.json().items).toEqual([
        expect.objectContaining({
          eventType: 'report.missing',
          status: 'pending',
          attempts: 1,
          lastStatusCode: 502,
          lastError: 'HTTP 502: bad gateway',
          nextAttemptAt: new Date(now.getTime() + 60_000).toISOString(),
          deliveredAt: null,
          attemptLog: [
            expect.objectContaining({ at: now.toISOString(), statusCode: 502, error: 'HTTP 502: bad gateway' }),
          ],
        }),
      ]);
      const done = await h.call('GET', `/api/v1/webhooks/${id}/deliveries?status=succeeded`, { cookie: admin });
      expect(done.json().items).toEqual([]);
      const bad = await h.call('GET', `/api/v1/webhooks/${id}/deliveries?status=lost`, { cookie: admin });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('status');
    });

    it('documents the routes in the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/v1/openapi.json')).json();
      expect(doc.paths['/api/v1/webhooks'].post['x-permission']).toBe('integration.write');
      expect(doc.paths['/api/v1/webhooks/{id}/deliveries'].get).toBeDefined();
    });
  });
}
