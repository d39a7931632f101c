import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { canonicalJson, signRecord, verifyRecord } from './purge-record.js';

describe('the signed purge record', () => {
  it('writes keys sorted at every level, so the same record gives the same bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: '陈州' } })).toBe(
      '{"a":{"c":"陈州","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
  it('signs with HMAC-SHA256 under the secret and verifies only the same bytes and secret', () => {
    const text = canonicalJson({ campaign: '返乡人员排查', entries: 12 });
    const sig = signRecord(text, 's3cret');
    expect(sig).toBe(createHmac('sha256', 's3cret').update('{"campaign":"返乡人员排查","entries":12}').digest('hex'));
    expect(verifyRecord(text, sig, 's3cret')).toBe(true);
    expect(verifyRecord(text.replace('12', '11'), sig, 's3cret')).toBe(false);
    expect(verifyRecord(text, sig, 'other')).toBe(false);
    expect(verifyRecord(text, 'abc', 's3cret')).toBe(false);
  });
});
