import { describe, expect, it } from 'vitest';
import { commonPathOf, sumUnderAreas } from './each-area.js';

describe('grouped rows summed per area', () => {
  const areas = [
    { unitId: 'a', unitPath: '/d/s1/c1/' },
    { unitId: 'b', unitPath: '/d/s1/c2/' },
    { unitId: 'c', unitPath: '/d/s1/c10/' },
  ];

  it('reads under the deepest path all areas share (whole segments), never narrower than any of them', () => {
    expect(commonPathOf(areas)).toBe('/d/s1/');
    expect(commonPathOf([areas[0]!])).toBe('/d/s1/c1/');
    expect(commonPathOf([])).toBe('/');
    for (const a of areas) expect(a.unitPath.startsWith(commonPathOf(areas))).toBe(true);
  });

  it('sums each area’s subtree only (c1 is not c10), and answers 0 or 0/0 where nothing lies', () => {
    const rows = [
      { path: '/d/s1/c1/g1/', numerator: 2, denominator: 3 },
      { path: '/d/s1/c1/', numerator: 1, denominator: 1 },
      { path: '/d/s1/c10/g1/', numerator: 0, denominator: 4 },
    ];
    expect(Object.fromEntries(sumUnderAreas('rate', areas, rows))).toEqual({
      a: { numerator: 3, denominator: 4 },
      b: { numerator: 0, denominator: 0 },
      c: { numerator: 0, denominator: 4 },
    });
    expect(Object.fromEntries(sumUnderAreas('count', areas, [{ path: '/d/s1/c2/x/', numerator: 5 }]))).toEqual({
      a: { numerator: 0 },
      b: { numerator: 5 },
      c: { numerator: 0 },
    });
    expect(Object.fromEntries(sumUnderAreas('rate', areas, []))).toMatchObject({ b: { numerator: 0, denominator: 0 } });
  });
});
