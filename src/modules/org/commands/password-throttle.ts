import { TooMany } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { FORGET_AFTER_HOURS, heldUntil, secondsUntil, throttleKey } from '../domain/login-throttle.js';
import { loginThrottleStore } from '../store/login-throttle.store.js';

/**
 * Password guesses (login, change-password) counted per username and client, in the database so that
 * every server process shares them. The answer to a held-back attempt is the same 429 with Retry-After
 * whether the username exists or not.
 */
export interface PasswordGate {
  /** Refuses (429, counting the attempt) while this client is held back for this username. */
  check(): Promise<void>;
  /** Counts a wrong password; answers the count. */
  fail(): Promise<number>;
  /** A right password: this client starts afresh for this username. */
  succeed(): Promise<void>;
}

export function throttled(seconds: number): TooMany {
  return new TooMany('auth.throttled', `too many failed attempts; try again in ${seconds} s`, seconds, {
    wait: seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`,
  });
}

export function passwordGate(deps: OrgDeps, username: string, client: string): PasswordGate {
  const db = deps.database.db;
  const key = throttleKey(username);
  const fail = async (): Promise<{ failures: number; until: string | null }> => {
    const now = deps.clock.now();
    const failures = await loginThrottleStore.countFailure(db, key, client, now.toISOString());
    // The first failure after a quiet spell: a good moment to forget counts nobody touched for a day.
    if (failures === 1) {
      await loginThrottleStore.prune(db, new Date(now.getTime() - FORGET_AFTER_HOURS * 3600_000).toISOString());
    }
    const until = heldUntil(failures, now);
    if (until) await loginThrottleStore.holdUntil(db, key, client, until);
    return { failures, until };
  };
  return {
    async check() {
      const now = deps.clock.now();
      const held = await loginThrottleStore.heldUntil(db, key, client);
      if (!held || held <= now.toISOString()) return;
      const { until } = await fail();
      throw throttled(secondsUntil(until && until > held ? until : held, now));
    },
    fail: async () => (await fail()).failures,
    succeed: () => loginThrottleStore.clear(db, key, client),
  };
}
