import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTrack, encodeTrack, quantiseDegree, quantiseTime, type TrackPoint } from './track-codec.js';

const point = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  t: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  far: fc.boolean(),
});
const track = fc.array(point, { maxLength: 300 }).map((ps) => [...ps].sort((a, b) => a.t - b.t));

describe('track codec', () => {
  it('round-trips any time-ordered track to the stored precision', () => {
    fc.assert(
      fc.property(track, (ps) => {
        const back = decodeTrack(encodeTrack(ps));
        expect(back).toHaveLength(ps.length);
        back.forEach((b, i) => {
          const p = ps[i]!;
          expect(b.lat).toBeCloseTo(quantiseDegree(p.lat), 9);
          expect(b.lng).toBeCloseTo(quantiseDegree(p.lng), 9);
          expect(Math.abs(b.lat - p.lat)).toBeLessThanOrEqual(0.5e-5 + 1e-9);
          expect(b.t).toBe(quantiseTime(p.t));
          expect(b.far).toBe(p.far);
        });
      }),
    );
  });

  it('re-encoding what it decoded gives the same bytes', () => {
    fc.assert(
      fc.property(track, (ps) => {
        const bytes = encodeTrack(ps);
        expect(encodeTrack(decodeTrack(bytes))).toEqual(bytes);
      }),
    );
  });

  it('takes a few bytes per point of a walk, far less than JSON', () => {
    const walk: TrackPoint[] = Array.from({ length: 200 }, (_, i) => ({
      lat: 33.62 + i * 0.00005,
      lng: 114.65 + Math.sin(i / 10) * 0.0001,
      t: Date.UTC(2026, 11, 1, 1) + i * 10_000,
      far: false,
    }));
    const bytes = encodeTrack(walk).length;
    expect(bytes / 200).toBeLessThan(6);
    expect(bytes).toBeLessThan(JSON.stringify(walk.map((p) => [p.lng, p.lat, p.t])).length / 5);
  });

  it('refuses points out of time order and damaged data', () => {
    expect(() =>
      encodeTrack([
        { lat: 0, lng: 0, t: 5000, far: false },
        { lat: 0, lng: 0, t: 1000, far: false },
      ]),
    ).toThrow(RangeError);
    const bytes = encodeTrack([{ lat: 33.6, lng: 114.6, t: 1_000_000, far: false }]);
    expect(() => decodeTrack(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
    expect(() => decodeTrack(new Uint8Array([2, 0]))).toThrow(RangeError);
    expect(() => decodeTrack(new Uint8Array([...bytes, 0]))).toThrow(RangeError);
  });
});
