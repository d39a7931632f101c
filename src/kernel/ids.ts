import { randomFillSync } from 'node:crypto';

let lastMs = -1;
let seq = 0;

/**
 * Random bytes are drawn from a pool refilled 4 KiB at a time: a randomBytes() call per id cost
 * ~5 µs (a report makes five ids), the pool a fraction of that. The bytes are as random as before.
 */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function take(n: number): number {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

/**
 * UUID version 7: time-ordered, so ids sort by creation and serve as keyset-paging cursors. Within
 * one millisecond (or with a clock that stands still, as in tests) the 12-bit rand_a field is a
 * counter (RFC 9562 method 1), so ids made by one process are strictly increasing.
 * `now` is injectable (a simulated clock); a time ahead of the wall clock is taken as the wall clock.
 */
export function newId(now: number = Date.now()): string {
  // A simulated clock ahead of the wall clock (a demo story, a test) must not mint ids from the
  // future: after a restart, ids made at the real time would sort below them.
  const wall = Date.now();
  if (now > wall) now = wall;
  if (now <= lastMs) {
    seq += 1;
    if (seq > 0xfff) {
      lastMs += 1;
      seq = 0;
    }
    now = lastMs;
  } else {
    lastMs = now;
    seq = pool[take(1)]; // start low in the counter range, leaving room for 3,800+ ids in the same ms
  }
  const b = Buffer.allocUnsafe(16);
  const at = take(10);
  pool.copy(b, 6, at, at + 10);
  b[0] = Math.floor(now / 2 ** 40) & 0xff;
  b[1] = Math.floor(now / 2 ** 32) & 0xff;
  b[2] = (now >>> 24) & 0xff;
  b[3] = (now >>> 16) & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = 0x70 | ((seq >>> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
