import { describe, expect, it } from 'vitest';
import { dingtalkSign, dingtalkSignedUrl, signPayload, verifySignature } from './signing.js';

// Expected values computed independently with Python's hmac module.
const SECRET = 'whsec_test_secret_0123456789';
const BODY = '{"id":"e1","type":"case.closed"}';
const TS = 1764468000;
const NOW = new Date(TS * 1000);

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 as sha256=<hex>', () => {
    expect(signPayload(SECRET, TS, BODY)).toBe(
      'sha256=25572742f7cd3fe7ad83092dfc39f64e7c79f5cb45f7fc249e9d2f1aa9865a3f',
    );
  });

  it('verifies a correct signature over a recent timestamp', () => {
    const signature = signPayload(SECRET, TS, BODY);
    expect(verifySignature({ secret: SECRET, timestamp: String(TS), signature, body: BODY, now: NOW })).toBe(true);
    expect(
      verifySignature({
        secret: SECRET,
        timestamp: String(TS),
        signature,
        body: BODY,
        now: new Date(NOW.getTime() + 299_000),
      }),
    ).toBe(true);
  });

  it('refuses a changed body, another secret, a changed timestamp or a missing header', () => {
    const signature = signPayload(SECRET, TS, BODY);
    expect(
      verifySignature({ secret: SECRET, timestamp: String(TS), signature, body: BODY.replace('e1', 'e2'), now: NOW }),
    ).toBe(false);
    expect(verifySignature({ secret: 'whsec_other', timestamp: String(TS), signature, body: BODY, now: NOW })).toBe(
      false,
    );
    expect(verifySignature({ secret: SECRET, timestamp: String(TS + 1), signature, body: BODY, now: NOW })).toBe(false);
    expect(verifySignature({ secret: SECRET, timestamp: undefined, signature, body: BODY, now: NOW })).toBe(false);
    expect(verifySignature({ secret: SECRET, timestamp: String(TS), signature: undefined, body: BODY, now: NOW })).toBe(
      false,
    );
    expect(
      verifySignature({ secret: SECRET, timestamp: String(TS), signature: 'sha256=00', body: BODY, now: NOW }),
    ).toBe(false);
  });

  it('refuses a replay older than the tolerance', () => {
    const signature = signPayload(SECRET, TS, BODY);
    expect(
      verifySignature({
        secret: SECRET,
        timestamp: String(TS),
        signature,
        body: BODY,
        now: new Date(NOW.getTime() + 301_000),
      }),
    ).toBe(false);
    expect(
      verifySignature({
        secret: SECRET,
        timestamp: String(TS),
        signature,
        body: BODY,
        now: new Date(NOW.getTime() + 3_000_000),
        toleranceSeconds: 3600,
      }),
    ).toBe(true);
  });
});

describe('DingTalk 加签', () => {
  const secret = 'SEC0123456789abcdef0123456789abcdef';
  const ts = 1764468000000;

  it('signs "timestamp\\nsecret" with HMAC-SHA256 in base64', () => {
    expect(dingtalkSign(secret, ts)).toBe('amoCD4sG+EQ+l9xizkcX5XtDi60ulJ51Op/rGK2U5KQ=');
  });

  it('appends timestamp and the URL-encoded sign to the robot URL', () => {
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, ts)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1764468000000&sign=amoCD4sG%2BEQ%2Bl9xizkcX5XtDi60ulJ51Op%2FrGK2U5KQ%3D',
    );
    expect(dingtalkSignedUrl('http://127.0.0.1:9/robot', secret, ts)).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/robot\?timestamp=1764468000000&sign=/,
    );
  });
});
