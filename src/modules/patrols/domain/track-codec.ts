/**
 * The compact form a patrol's GPS track is stored in (one blob per uploaded batch).
 *
 * Format 1, all integers as LEB128 varints, signed ones zigzag-encoded first:
 *   version (=1) · count · then per point: Δlat · Δlng (signed, 1e-5 degree units, WGS-84) ·
 *   (Δt · 2 + far) (unsigned; Δt in whole seconds, never negative, the first point's t absolute
 *   in seconds since 1970; `far` marks a point far outside the patrol's area).
 * The first point's deltas are from (0, 0, 0). 1e-5 degree is about 1.1 m, below what a phone's GPS
 * knows; a point 5–10 m from the last takes about five bytes.
 */

export interface TrackPoint {
  /** WGS-84 degrees. */
  lat: number;
  lng: number;
  /** Milliseconds since 1970 (stored to the second). */
  t: number;
  /** Far outside the patrol's grids or village: kept and shown, never refused. */
  far: boolean;
}

export const TRACK_FORMAT_VERSION = 1;
const SCALE = 1e5;

/** The value a coordinate is stored as (what decode returns). */
export const quantiseDegree = (d: number): number => Math.round(d * SCALE) / SCALE;
/** The instant a point's time is stored as (whole seconds). */
export const quantiseTime = (t: number): number => Math.floor(t / 1000) * 1000;

class Writer {
  private buf = new Uint8Array(64);
  length = 0;
  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  /** Unsigned; up to 2^53 (JavaScript numbers, no bit operators above 2^31). */
  uint(v: number) {
    this.ensure(8);
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }
  int(v: number) {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}
  uint(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (this.at >= this.buf.length) throw new RangeError('track data ends inside a number');
      const b = this.buf[this.at++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
      if (mul > 2 ** 56) throw new RangeError('track data holds a number too long');
    }
  }
  int(): number {
    const u = this.uint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }
  get done(): boolean {
    return this.at >= this.buf.length;
  }
}

/** Encodes points in time order (the caller sorts; a point earlier than the one before is refused). */
export function encodeTrack(points: readonly TrackPoint[]): Uint8Array {
  const w = new Writer();
  w.uint(TRACK_FORMAT_VERSION);
  w.uint(points.length);
  let lat = 0;
  let lng = 0;
  let t = 0;
  for (const p of points) {
    const qLat = Math.round(p.lat * SCALE);
    const qLng = Math.round(p.lng * SCALE);
    const qT = Math.floor(p.t / 1000);
    if (qT < t) throw new RangeError('track points must be in time order');
    w.int(qLat - lat);
    w.int(qLng - lng);
    w.uint((qT - t) * 2 + (p.far ? 1 : 0));
    lat = qLat;
    lng = qLng;
    t = qT;
  }
  return w.bytes();
}

export function decodeTrack(bytes: Uint8Array): TrackPoint[] {
  const r = new Reader(bytes);
  const version = r.uint();
  if (version !== TRACK_FORMAT_VERSION) throw new RangeError(`unknown track format ${version}`);
  const n = r.uint();
  const out: TrackPoint[] = [];
  let lat = 0;
  let lng = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    lat += r.int();
    lng += r.int();
    const dt = r.uint();
    t += Math.floor(dt / 2);
    out.push({ lat: lat / SCALE, lng: lng / SCALE, t: t * 1000, far: dt % 2 === 1 });
  }
  if (!r.done) throw new RangeError('track data has bytes after its last point');
  return out;
}
