import type { Job } from '../../../kernel/jobs/scheduler.js';
import type { CasesDeps } from '../deps.js';
import { idempotencyKeyStore } from '../store/idempotency-key.store.js';

/**
 * How long a report's Idempotency-Key replays it. The phone page resends within minutes of coming
 * back online; a week covers a phone left offline over a long holiday. An older key is forgotten,
 * and a request sent again with it makes a new case.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 7 * 86_400_000;

/** Deletes the Idempotency-Keys older than the TTL. */
export async function pruneIdempotencyKeys(deps: Pick<CasesDeps, 'database'>, now: Date): Promise<{ deleted: number }> {
  const deleted = await idempotencyKeyStore.deleteCreatedBefore(
    deps.database.db,
    new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString(),
  );
  return { deleted };
}

/** Once a day (the scheduler runs each slot once across processes). */
export function idempotencyKeyPruneJob(deps: Pick<CasesDeps, 'database'>): Job {
  return { name: 'cases.idempotency_keys', everyMs: 86_400_000, run: (now) => pruneIdempotencyKeys(deps, now) };
}
