import { describe, expect, it } from 'vitest';
import { buildRequest, judgeReply, localMinute } from './messages.js';
import { signPayload } from './signing.js';
import { isHttpUrl, maskUrl } from './target-url.js';
import type { OutgoingEvent } from './webhook-types.js';

const event: OutgoingEvent = {
  deliveryId: 'd-1',
  eventId: 'e-1',
  type: 'case.overdue',
  occurredAt: '2026-11-30T02:00:00.000Z',
  districtCode: '411602',
  data: { caseNumber: '411602-20261130-0001' },
  text: '411602-20261130-0001 占道经营\n已超期 2 天',
};
const now = new Date('2026-11-30T02:00:05.000Z');
const opts = { now, timeZone: 'Asia/Shanghai' };

describe('webhook request', () => {
  it('posts the event document with event, delivery, timestamp and signature headers', () => {
    const req = buildRequest(
      { kind: 'webhook', url: 'https://example.test/hook', secret: 's3cret-s3cret-s3cret' },
      event,
      opts,
    );
    expect(JSON.parse(req.body)).toEqual({
      id: 'e-1',
      type: 'case.overdue',
      occurredAt: '2026-11-30T02:00:00.000Z',
      districtCode: '411602',
      data: { caseNumber: '411602-20261130-0001' },
    });
    expect(req.headers).toMatchObject({
      'x-civicgrid-event': 'case.overdue',
      'x-civicgrid-delivery': 'd-1',
      'x-civicgrid-timestamp': '1796004005',
    });
    expect(req.headers['x-civicgrid-signature']).toBe(signPayload('s3cret-s3cret-s3cret', 1796004005, req.body));
    expect(req.url).toBe('https://example.test/hook');
  });
});

describe('robot messages', () => {
  it('formats a DingTalk markdown message in local time, on one line, and signs the URL when a secret is set', () => {
    const plain = buildRequest(
      { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: null },
      event,
      opts,
    );
    expect(plain.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=t');
    expect(JSON.parse(plain.body)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '网格治理：问题已超期',
        text: '#### 网格治理：问题已超期\n\n411602-20261130-0001 占道经营 已超期 2 天\n\n> 2026-11-30 10:00 · CivicGrid 网格治理平台',
      },
    });
    const signed = buildRequest(
      { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECabc' },
      event,
      opts,
    );
    expect(signed.url).toMatch(/access_token=t&timestamp=1796004005000&sign=[^&]+$/);
  });

  it('formats a WeCom markdown message', () => {
    const req = buildRequest(
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: null },
      event,
      opts,
    );
    const body = JSON.parse(req.body);
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('<font color="warning">问题已超期</font>');
    expect(body.markdown.content).toContain('411602-20261130-0001 占道经营 已超期 2 天');
  });

  it('keeps a very long summary under the robots’ size limits', () => {
    const req = buildRequest(
      { kind: 'wecom', url: 'https://x.test/', secret: null },
      { ...event, text: '超'.repeat(5000) },
      opts,
    );
    expect(Buffer.byteLength(JSON.parse(req.body).markdown.content)).toBeLessThan(4096);
  });

  it('shows minutes in the district zone', () => {
    expect(localMinute('2026-11-30T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-01 00:30');
  });
});

describe('judging replies', () => {
  it('accepts any 2xx from a webhook and refuses everything else', () => {
    expect(judgeReply('webhook', 204, '')).toBeNull();
    expect(judgeReply('webhook', 500, 'boom')).toBe('HTTP 500: boom');
    expect(judgeReply('webhook', 302, '')).toBe('HTTP 302');
  });

  it('requires errcode 0 from the robots', () => {
    expect(judgeReply('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(judgeReply('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(judgeReply('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toBe(
      'errcode 310000: sign not match',
    );
    expect(judgeReply('wecom', 200, 'ok')).toBe('reply is not JSON: ok');
    expect(judgeReply('wecom', 200, '{}')).toBe('reply has no errcode: {}');
  });
});

describe('target URLs', () => {
  it('accepts http and https only', () => {
    expect(isHttpUrl('https://oapi.dingtalk.com/robot/send?access_token=x')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:8080/hook')).toBe(true);
    for (const bad of ['ftp://x.test/', 'javascript:alert(1)', 'example.test/hook', 'http://', ''])
      expect(isHttpUrl(bad), bad).toBe(false);
  });

  it('masks robot tokens and passwords for display', () => {
    expect(maskUrl('https://oapi.dingtalk.com/robot/send?access_token=abcdef0123')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abcd****',
    );
    expect(maskUrl('https://u:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6&x=1')).toBe(
      'https://u:****@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****&x=1',
    );
    expect(maskUrl('https://example.test/hook')).toBe('https://example.test/hook');
  });
});
