import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceM, distanceToAreaM, distanceToSegmentM, thinTrack, trackLengthM } from './track-geometry.js';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [114.6, 33.6],
      [114.61, 33.6],
      [114.61, 33.61],
      [114.6, 33.61],
      [114.6, 33.6],
    ],
  ],
};

const walkPoint = fc.record({
  lng: fc.double({ min: 114.6, max: 114.62, noNaN: true }),
  lat: fc.double({ min: 33.6, max: 33.62, noNaN: true }),
});

describe('track geometry', () => {
  it('measures metres on the ground', () => {
    // 0.01° of latitude ≈ 1112 m; 0.01° of longitude at 33.6° ≈ 927 m.
    expect(distanceM({ lng: 114.6, lat: 33.6 }, { lng: 114.6, lat: 33.61 })).toBeCloseTo(1112, -1);
    expect(distanceM({ lng: 114.6, lat: 33.6 }, { lng: 114.61, lat: 33.6 })).toBeCloseTo(927, -1);
  });

  it('is 0 inside an area and the distance to the nearest edge outside', () => {
    expect(distanceToAreaM({ lng: 114.605, lat: 33.605 }, square)).toBe(0);
    expect(distanceToAreaM({ lng: 114.605, lat: 33.615 }, square)).toBeCloseTo(556, -1);
    expect(distanceToAreaM({ lng: 114.605, lat: 33.614 }, square)).toBeLessThan(500);
  });

  it('thinning keeps the ends and every point it must, and drops nothing farther than the tolerance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ lng: walkPoint.map((p) => p.lng), lat: walkPoint.map((p) => p.lat), far: fc.boolean() }), {
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 200 }),
        (ps, tol) => {
          const kept = thinTrack(ps, tol, (p) => p.far);
          if (ps.length > 0) {
            expect(kept[0]).toBe(ps[0]);
            expect(kept.at(-1)).toBe(ps.at(-1));
          }
          // A subsequence of the input, in order.
          let at = 0;
          for (const k of kept) {
            at = ps.indexOf(k, at);
            expect(at).toBeGreaterThanOrEqual(0);
            at++;
          }
          for (const p of ps) if (p.far) expect(kept).toContain(p);
          // Every dropped point lies within the tolerance of the kept segment around it.
          let seg = 0;
          for (let i = 0; i < ps.length; i++) {
            if (ps[i] === kept[seg]) {
              seg++;
              continue;
            }
            const d = distanceToSegmentM(ps[i]!, kept[seg - 1]!, kept[seg]!);
            expect(d).toBeLessThanOrEqual(tol * (1 + 1e-9) + 1e-6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('thins a straight walk to its ends and sums its length', () => {
    const line = Array.from({ length: 50 }, (_, i) => ({ lng: 114.6, lat: 33.6 + i * 0.0001 }));
    expect(thinTrack(line, 5)).toEqual([line[0], line[49]]);
    expect(trackLengthM(line)).toBeCloseTo(545, -1);
  });
});
