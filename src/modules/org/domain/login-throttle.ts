/*
 * Login throttling (issue 16, item 2): password guesses are counted per username and client address,
 * never per account alone, so nobody can lock a real user out from another address, and a missing
 * account is counted and answered exactly like an existing one.
 *
 * The first FREE_FAILURES failures of a username from one client cost nothing; from then on the k-th
 * counted failure refuses that username from that client for 2^(k − FREE_FAILURES) seconds (1, 2, 4 …),
 * at most MAX_DELAY_SECONDS. An attempt refused while the client is held back counts as a failure too,
 * so a client that ignores Retry-After only waits longer, and the count is exactly the attempts made.
 * A successful login (or password change) from that client clears its count.
 */

/** Failures from one client for one username before any wait. */
export const FREE_FAILURES = 5;
/** The longest wait: 15 minutes. */
export const MAX_DELAY_SECONDS = 900;
/** Counts untouched this long are forgotten (far longer than the longest wait). */
export const FORGET_AFTER_HOURS = 24;

/** The wait, in seconds, that the `failures`-th counted failure imposes on its client (0: none). */
export function throttleDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const exponent = failures - FREE_FAILURES;
  // 2^10 s already exceeds the cap; avoid computing huge powers.
  return exponent >= 10 ? MAX_DELAY_SECONDS : Math.min(2 ** exponent, MAX_DELAY_SECONDS);
}

/** Until when the client is held back after its `failures`-th failure at `now`, or null. */
export function heldUntil(failures: number, now: Date): string | null {
  const s = throttleDelaySeconds(failures);
  return s === 0 ? null : new Date(now.getTime() + s * 1000).toISOString();
}

/** Whole seconds from `now` until `until` (at least 1), for Retry-After. */
export function secondsUntil(until: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
}

/** Usernames are matched trimmed and lower-cased: the throttle key must be the same. */
export function throttleKey(username: string): string {
  return username.trim().toLowerCase();
}
