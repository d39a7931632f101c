import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock.js';
import type { Database } from '../../../kernel/db/db.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import type { WebhookDeps } from '../deps.js';
import { startReceiver, testAdmin, type Receiver } from '../testing/receiver.js';
import { createSubscription } from './create-subscription.js';
import { deliverDue } from './deliver-due.js';
import { enqueueEvent } from './enqueue-event.js';

const T0 = '2026-11-30T02:00:00.000Z';
const DING_SECRET = 'SECf0e1d2c3b4a5968778695a4b3c2d1e0f';
const overdue = {
  districtCode: '411602',
  type: 'case.overdue',
  at: new Date(T0),
  payload: { caseNumber: '411602-20261128-0003' },
  text: '411602-20261128-0003 占道经营已超期 1 个工作日，责任单位：市场监管局',
};

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: robot delivery`, () => {
    let database: Database;
    let rx: Receiver;
    let deps: WebhookDeps;
    const now = new Date('2026-11-30T02:00:07.000Z');
    const send = async () => {
      await database.db.transaction().execute((trx) => enqueueEvent(trx, overdue));
      return deliverDue(deps, now);
    };
    const lastRow = async () =>
      await database.db.selectFrom('webhook_deliveries').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

    beforeAll(async () => {
      rx = await startReceiver();
    });
    afterAll(async () => rx?.close());
    beforeEach(async () => {
      database = await tdb.open();
      deps = { database, clock: fixedClock(T0), config: { timeZone: 'Asia/Shanghai' } };
      rx.received.length = 0;
      rx.replyWith(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    });
    afterEach(async () => database?.close());

    it('signs the DingTalk robot URL per 加签 and posts a markdown message', async () => {
      await createSubscription(deps, testAdmin, {
        name: '钉钉群',
        url: `${rx.base}/robot/send?access_token=tok123`,
        kind: 'dingtalk',
        events: ['case.overdue'],
        secret: DING_SECRET,
      });
      expect(await send()).toMatchObject({ succeeded: 1 });
      const [req] = rx.received;
      const url = new URL(req.url, rx.base);
      expect(url.pathname).toBe('/robot/send');
      expect(url.searchParams.get('access_token')).toBe('tok123');
      expect(url.searchParams.get('timestamp')).toBe(String(now.getTime()));
      const expected = createHmac('sha256', DING_SECRET).update(`${now.getTime()}\n${DING_SECRET}`).digest('base64');
      expect(url.searchParams.get('sign')).toBe(expected);
      expect(req.url).toContain(`&sign=${encodeURIComponent(expected)}`);
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(req.body)).toEqual({
        msgtype: 'markdown',
        markdown: {
          title: '网格治理：问题已超期',
          text: `#### 网格治理：问题已超期\n\n${overdue.text}\n\n> 2026-11-30 10:00 · CivicGrid 网格治理平台`,
        },
      });
      expect(req.headers['x-civicgrid-signature']).toBeUndefined();
    });

    it('leaves the DingTalk URL alone without a secret', async () => {
      await createSubscription(deps, testAdmin, {
        name: '钉钉群',
        url: `${rx.base}/robot/send?access_token=tok123`,
        kind: 'dingtalk',
        events: ['case.overdue'],
      });
      await send();
      expect(rx.received[0].url).toBe('/robot/send?access_token=tok123');
    });

    it('counts a DingTalk reply with a non-zero errcode as a failure and retries it', async () => {
      await createSubscription(deps, testAdmin, {
        name: '钉钉群',
        url: `${rx.base}/robot/send?access_token=tok123`,
        kind: 'dingtalk',
        events: ['case.overdue'],
        secret: DING_SECRET,
      });
      rx.replyWith(() => ({
        status: 200,
        body: '{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}',
      }));
      expect(await send()).toMatchObject({ retrying: 1 });
      expect(await lastRow()).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_status_code: 200,
        last_error: expect.stringMatching(/^errcode 310000: sign not match/),
      });
    });

    it('posts the WeCom group robot markdown body', async () => {
      await createSubscription(deps, testAdmin, {
        name: '企业微信群',
        url: `${rx.base}/cgi-bin/webhook/send?key=693a91f6-7xxx`,
        kind: 'wecom',
        events: ['case.overdue'],
      });
      expect(await send()).toMatchObject({ succeeded: 1 });
      const [req] = rx.received;
      expect(req.url).toBe('/cgi-bin/webhook/send?key=693a91f6-7xxx');
      const body = JSON.parse(req.body);
      expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
      expect(body.msgtype).toBe('markdown');
      expect(Object.keys(body.markdown)).toEqual(['content']);
      expect(body.markdown.content).toBe(
        `**网格治理：<font color="warning">问题已超期</font>**\n${overdue.text}\n> <font color="comment">2026-11-30 10:00 · CivicGrid 网格治理平台</font>`,
      );
    });

    it('counts a WeCom HTTP 200 without errcode 0 as a failure', async () => {
      await createSubscription(deps, testAdmin, {
        name: '企业微信群',
        url: `${rx.base}/cgi-bin/webhook/send?key=bad`,
        kind: 'wecom',
        events: ['case.overdue'],
      });
      rx.replyWith(() => ({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' }));
      expect(await send()).toMatchObject({ retrying: 1 });
      expect((await lastRow()).last_error).toBe('errcode 93000: invalid webhook url');
    });
  });
}
