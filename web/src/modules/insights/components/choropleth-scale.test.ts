import { describe, expect, it } from 'vitest';
import { choroplethScale, NO_DATA, SEQUENTIAL } from './choropleth-scale';

describe('the choropleth scale', () => {
  it('puts every value in the class whose bounds hold it, the classes covering min to max', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const s = choroplethScale(values, 'lower');
    expect(s.classes).toHaveLength(5);
    expect(s.classes[0]!.from).toBe(0);
    expect(s.classes.at(-1)!.to).toBe(10);
    for (const v of values) {
      const c = s.classes.filter((k) => v >= k.from && v <= k.to).map((k) => k.color);
      expect(c).toContain(s.colorOf(v));
    }
  });

  it('makes the worse end darker by the measure’s direction', () => {
    const fewerIsBetter = choroplethScale([0, 10], 'lower');
    expect(fewerIsBetter.colorOf(0)).toBe(SEQUENTIAL[0]);
    expect(fewerIsBetter.colorOf(10)).toBe(SEQUENTIAL[4]);
    const moreIsBetter = choroplethScale([0.2, 1], 'higher');
    expect(moreIsBetter.colorOf(1)).toBe(SEQUENTIAL[0]);
    expect(moreIsBetter.colorOf(0.2)).toBe(SEQUENTIAL[4]);
    // The legend lists the best class first.
    expect(moreIsBetter.classes[0]!.to).toBe(1);
    expect(fewerIsBetter.classes[0]!.from).toBe(0);
  });

  it('draws a rate over nothing grey (无数据), in either theme', () => {
    expect(choroplethScale([0.5, null], 'higher').colorOf(null)).toBe(NO_DATA.light);
    expect(choroplethScale([null], 'higher', { theme: 'dark' }).colorOf(null)).toBe(NO_DATA.dark);
    expect(choroplethScale([null], 'higher').classes).toEqual([]);
  });

  it('uses no more classes than there are distinct values, one when all are equal', () => {
    expect(choroplethScale([3, 3, 3], 'lower').classes).toEqual([{ from: 3, to: 3, color: SEQUENTIAL[0] }]);
    const two = choroplethScale([1, 5, 5, 1], 'lower');
    expect(two.classes).toHaveLength(2);
    expect(two.colorOf(1)).not.toBe(two.colorOf(5));
  });
});
