import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The Idempotency-Key request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field",
 * as Stripe uses it): a client names a POST with a key of its own, and sending it again with that key
 * answers what the first one did instead of doing it twice. The value is opaque: 1–255 visible ASCII
 * characters, compared exactly (a UUID is the usual choice).
 */
export const IdempotencyKeyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1–255 visible ASCII characters (no spaces), e.g. a UUID')
    .optional()
    .describe(
      'A key of the client’s choosing (e.g. a UUID); resending the same request with it answers the first result instead of repeating it',
    ),
});

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  });
}

/** What a key is bound to: sha256 hex of the canonical JSON of the (validated) request body. */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .digest('hex');
}
