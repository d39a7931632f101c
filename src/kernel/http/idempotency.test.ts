import { describe, expect, it } from 'vitest';
import { canonicalJson, IdempotencyKeyHeaders, requestHash } from './idempotency.js';

describe('Idempotency-Key', () => {
  it('accepts 1–255 visible ASCII characters and nothing else', () => {
    const ok = (v: string) => IdempotencyKeyHeaders.safeParse({ 'idempotency-key': v }).success;
    expect(ok('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(true);
    expect(ok('"quoted"')).toBe(true);
    expect(ok('x'.repeat(255))).toBe(true);
    expect(ok('x'.repeat(256))).toBe(false);
    expect(ok('')).toBe(false);
    expect(ok('two words')).toBe(false);
    expect(ok('a, b')).toBe(false);
    expect(ok('键')).toBe(false);
    expect(ok('tab\there')).toBe(false);
    expect(IdempotencyKeyHeaders.parse({ host: 'x' })).toEqual({});
  });

  it('hashes the same body the same whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(requestHash({ a: 1, b: 'x' })).toBe(requestHash({ b: 'x', a: 1 }));
    expect(requestHash({ a: 1, b: undefined })).toBe(requestHash({ a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
