import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBoundaryGeometry } from '../../../kernel/geo/geojson.js';
import {
  geometryProblem,
  isDistrictLevel,
  M2_PER_MU,
  parcelArea,
  parcelPlacement,
  readParcelProperties,
  rejectAllowed,
  villageFigures,
} from './farmland-rules.js';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe('parcel area', () => {
  it('matches the hand-computed spherical area of a 0.001° cell at 33.6°N', () => {
    // By hand: R² · Δλ · (sin φ₂ − sin φ₁), R = 6 371 008.8 m, Δλ = 0.001° = 1.745329e-5 rad,
    // sin 33.601° − sin 33.600° = 1.453 9e-5 → 10 298.47 m²; ÷ 666.67 → 15.4477 亩.
    const { m2, mu } = parcelArea(square(114.6, 33.6, 114.601, 33.601));
    expect(m2).toBeCloseTo(10298.47, 1);
    expect(mu).toBeCloseTo(15.4477, 3);
  });

  it('takes one 亩 as 10000/15 m²', () => {
    expect(M2_PER_MU * 15).toBeCloseTo(10000, 9);
  });

  it('subtracts holes and adds the parts of a MultiPolygon, whichever way the rings wind', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 120, noNaN: true }),
        fc.double({ min: 20, max: 45, noNaN: true }),
        fc.double({ min: 0.001, max: 0.02, noNaN: true }),
        (x, y, d) => {
          const shell = square(x, y, x + d, y + d).coordinates[0];
          const hole = square(x + d / 4, y + d / 4, x + d / 2, y + d / 2).coordinates[0];
          const other = square(x + 2 * d, y, x + 3 * d, y + d).coordinates[0];
          const a = (g: Parameters<typeof parcelArea>[0]) => parcelArea(g).m2;
          const whole = a({ type: 'Polygon', coordinates: [shell] });
          expect(a({ type: 'Polygon', coordinates: [[...shell].reverse()] })).toBeCloseTo(whole, 6);
          expect(a({ type: 'Polygon', coordinates: [shell, hole] })).toBeCloseTo(
            whole - a({ type: 'Polygon', coordinates: [hole] }),
            6,
          );
          expect(a({ type: 'MultiPolygon', coordinates: [[shell], [other]] })).toBeCloseTo(
            whole + a({ type: 'Polygon', coordinates: [other] }),
            6,
          );
        },
      ),
    );
  });
});

describe('parcel against its village', () => {
  const village = square(0, 0, 10, 10);
  it('is inside when every vertex is inside or on the boundary', () => {
    expect(parcelPlacement(square(1, 1, 2, 2), village)).toBe('inside');
    expect(parcelPlacement(square(0, 0, 5, 5), village)).toBe('inside');
    expect(parcelPlacement(village, village)).toBe('inside');
  });
  it('is partly outside when it crosses the boundary, or holds the village within', () => {
    expect(parcelPlacement(square(8, 8, 12, 12), village)).toBe('partly_outside');
    expect(parcelPlacement(square(-1, -1, 11, 11), village)).toBe('partly_outside');
  });
  it('is outside when it only touches the boundary from outside, or lies elsewhere', () => {
    expect(parcelPlacement(square(10, 0, 12, 5), village)).toBe('outside');
    expect(parcelPlacement(square(20, 20, 21, 21), village)).toBe('outside');
  });
  it('sees a hole of the village as outside', () => {
    const holed = {
      type: 'Polygon' as const,
      coordinates: [village.coordinates[0], square(4, 4, 6, 6).coordinates[0]],
    };
    expect(parcelPlacement(square(4.5, 4.5, 5.5, 5.5), holed)).toBe('outside');
  });
});

describe('import properties', () => {
  it('reads the kind in Chinese or as a code, the code as text or number', () => {
    expect(readParcelProperties({ kind: '永久基本农田', code: 12 }, 0)).toEqual({
      ok: true,
      kind: 'permanent_basic',
      code: '12',
      name: null,
    });
    expect(readParcelProperties({ kind: 'farmland', code: ' A-1 ', name: '东地' }, 0)).toMatchObject({
      ok: true,
      kind: 'farmland',
      code: 'A-1',
      name: '东地',
    });
  });
  it('names the feature and field of each problem', () => {
    const r = readParcelProperties({ kind: '园地' }, 3);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => [p.field, p.code])).toEqual([
        ['features[3].properties.kind', 'farmland.kind_unknown'],
        ['features[3].properties.code', 'farmland.code_required'],
      ]);
    const none = readParcelProperties(null, 0);
    expect(!none.ok && none.problems[0].code).toBe('farmland.kind_required');
  });
  it('turns the kernel’s geometry reasons into codes with the point', () => {
    const bow = validateBoundaryGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(bow.ok).toBe(false);
    if (!bow.ok)
      expect(geometryProblem(bow.reason)).toEqual({
        code: 'farmland.geometry_self_intersects',
        params: { at: '0.5, 0.5' },
      });
    const open = validateBoundaryGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0.5],
        ],
      ],
    });
    expect(!open.ok && geometryProblem(open.reason).code).toBe('farmland.geometry_not_closed');
    const point = validateBoundaryGeometry({ type: 'Point', coordinates: [0, 0] });
    expect(!point.ok && geometryProblem(point.reason).code).toBe('farmland.geometry_type');
  });
});

describe('the farmland table', () => {
  it('sums each kind apart and counts cases by status, equal to a plain fold', () => {
    const village = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            villageId: village,
            kind: fc.constantFrom('farmland', 'permanent_basic'),
            areaM2: fc.double({ min: 0, max: 1e6, noNaN: true }),
            outsideVillage: fc.boolean(),
          }),
        ),
        fc.array(
          fc.record({
            villageId: village,
            status: fc.constantFrom('reported', 'accepted', 'closed', 'rejected', 'merged', undefined),
            occupiedM2: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true })),
          }),
        ),
        (parcels, cases) => {
          const rows = villageFigures(parcels, cases);
          for (const v of ['a', 'b', 'c']) {
            const r = rows.get(v);
            const ps = parcels.filter((p) => p.villageId === v);
            const cs = cases.filter((c) => c.villageId === v);
            if (!ps.length && !cs.length) {
              expect(r).toBeUndefined();
              continue;
            }
            const sum = (k: string) => ps.filter((p) => p.kind === k).reduce((s, p) => s + p.areaM2, 0);
            expect(r!.farmlandM2).toBeCloseTo(sum('farmland'), 3);
            expect(r!.permanentBasicM2).toBeCloseTo(sum('permanent_basic'), 3);
            expect(r!.cases).toBe(cs.length);
            expect(r!.openCases + r!.closedCases + r!.rejectedCases).toBe(cs.length);
            expect(r!.closedCases).toBe(cs.filter((c) => c.status === 'closed').length);
            expect(r!.casesWithArea).toBe(cs.filter((c) => c.occupiedM2 !== null).length);
          }
        },
      ),
    );
  });
});

describe('who may close a farmland case as 不予立案', () => {
  const perms = (...p: string[]) => new Set(p);
  const district = { scopePath: '/d/', permissions: perms('farmland.approve') };
  const sub = { scopePath: '/d/s/', permissions: perms('farmland.read', 'farmland.write') };
  const subWithApprove = { scopePath: '/d/s/', permissions: perms('farmland.approve') };
  const office = { scopePath: '/d/', permissions: perms('farmland.read') };
  it('is district level only with farmland.approve over the whole district', () => {
    expect(isDistrictLevel(district)).toBe(true);
    expect(isDistrictLevel(subWithApprove)).toBe(false);
    expect(isDistrictLevel(office)).toBe(false);
  });
  it('refuses reject or merge (并案) below the district without an approval, and nothing else', () => {
    for (const type of ['reject', 'merge']) {
      expect(rejectAllowed({ type }, sub, false)).toBe(false);
      expect(rejectAllowed({ type }, office, false)).toBe(false);
      expect(rejectAllowed({ type }, sub, true)).toBe(true);
      expect(rejectAllowed({ type }, district, false)).toBe(true);
    }
    for (const type of ['accept', 'dispatch', 'absorb', 'comment', 'verify_pass'])
      expect(rejectAllowed({ type }, sub, false)).toBe(true);
  });
});
