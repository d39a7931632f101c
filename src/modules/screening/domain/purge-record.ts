import { createHmac, timingSafeEqual } from 'node:crypto';

// The record a purge leaves (issue 12 item 7, PIPL art. 47: personal data deleted when its purpose
// ends): what was purged, by whom, when, and the counts that stay. It is signed with HMAC-SHA256 under
// the server secret over its canonical JSON (keys sorted at every level, no spaces), so a later
// change to any byte of it no longer verifies. Pure: the secret comes in as an argument.

export interface PurgeRecord {
  /** The record format; bump when the shape changes. */
  version: 1;
  campaign: { id: string; name: string; scopeUnit: string; startsOn: string; endsOn: string };
  purgedAt: string;
  purgedBy: { id: string; name: string };
  /** What was deleted: rows and the personal fields they carried. */
  purged: { entries: number; reports: number; checks: number; fields: string[] };
  /** What stays: counts by community, by source, and of the 协查 items by status. */
  counts: {
    entriesByCommunity: Record<string, number>;
    entriesBySource: Record<string, number>;
    checksByStatus: Record<string, number>;
    checksOverdue: number;
  };
}

/** The personal fields a purge removes, as the record names them. */
export const PURGED_FIELDS = ['姓名', '身份证号', '电话', '住址', '自定义字段值', '协查备注', '答复说明'] as const;

/** JSON with object keys sorted at every level: the same record always gives the same bytes. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/** HMAC-SHA256 (hex) of the record's canonical JSON under the secret. */
export function signRecord(recordJson: string, secret: string): string {
  return createHmac('sha256', secret).update(recordJson, 'utf8').digest('hex');
}

/** Whether the stored text still carries the stored signature (constant-time comparison). */
export function verifyRecord(recordJson: string, signature: string, secret: string): boolean {
  const want = Buffer.from(signRecord(recordJson, secret), 'hex');
  const got = Buffer.from(signature, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Adds one to a count map's key. */
export function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
