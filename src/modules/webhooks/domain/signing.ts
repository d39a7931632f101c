import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Webhook signatures, the scheme Stripe and GitHub use: the receiver recomputes an HMAC-SHA256 of
 * "<timestamp>.<raw body>" keyed with the subscription secret (its UTF-8 bytes) and compares it in
 * constant time with X-CivicGrid-Signature; the timestamp is in the signed text, so a captured
 * request cannot be replayed later with a fresh timestamp. See ../README.md.
 */

/** 'sha256=<hex>' for the X-CivicGrid-Signature header; `timestamp` is Unix seconds. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface VerifyInput {
  secret: string;
  /** X-CivicGrid-Timestamp as received. */
  timestamp: string | undefined;
  /** X-CivicGrid-Signature as received. */
  signature: string | undefined;
  /** The raw request body, exactly as received, before any JSON parsing. */
  body: string;
  now: Date;
  /** How old (or far in the future) a timestamp may be; 5 minutes by default. */
  toleranceSeconds?: number;
}

/** What a receiver runs: true only for a correct signature over a recent timestamp. */
export function verifySignature(v: VerifyInput): boolean {
  if (!v.timestamp || !v.signature || !/^\d{1,12}$/.test(v.timestamp)) return false;
  const ts = Number(v.timestamp);
  if (Math.abs(v.now.getTime() / 1000 - ts) > (v.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(v.secret, ts, v.body));
  const given = Buffer.from(v.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** DingTalk 加签: base64 of HMAC-SHA256 over "timestamp\nsecret" keyed with the secret; timestamp in ms. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The robot URL with &timestamp=…&sign=… appended, as DingTalk checks it. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${timestampMs}&sign=${encodeURIComponent(dingtalkSign(secret, timestampMs))}`;
}
