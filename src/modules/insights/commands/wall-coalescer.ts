/** Pushes at most this often, however many changes arrive. */
export const COALESCE_MS = 1000;
/** A push waits this long after the latest change it covers: the change is announced inside its transaction. */
export const SETTLE_MS = 200;

/**
 * When the wall's stream pushes after changes: never sooner than SETTLE_MS after the latest change (so
 * the page's refetch sees its commit), at most once per COALESCE_MS, and a burst whose changes come
 * within SETTLE_MS of each other is one push (a burst longer than COALESCE_MS is one push a second).
 */
export function createCoalescer(push: () => void, { intervalMs = COALESCE_MS, settleMs = SETTLE_MS } = {}) {
  let timer: NodeJS.Timeout | null = null;
  let lastPush = -Infinity;
  /** The first change the pending push covers. */
  let windowStart = 0;
  let lastChange = -Infinity;
  const arm = (at: number) => {
    timer = setTimeout(fire, Math.max(0, at - Date.now()));
  };
  const fire = () => {
    timer = null;
    const now = Date.now();
    const fresh = now - lastChange < settleMs;
    // The burst is still coming and the interval has room: wait for it to settle.
    if (fresh && now < windowStart + intervalMs) return arm(Math.min(lastChange + settleMs, windowStart + intervalMs));
    lastPush = now;
    push();
    // A change too fresh for this push's refetch to see gets a push of its own, an interval later.
    if (fresh) {
      windowStart = lastChange;
      arm(now + intervalMs);
    }
  };
  return {
    changed(): void {
      const now = Date.now();
      lastChange = now;
      if (timer) return;
      windowStart = now;
      arm(Math.max(now + settleMs, lastPush + intervalMs));
    },
    /** A push is waiting. */
    get pending(): boolean {
      return timer !== null;
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
