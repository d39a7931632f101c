import { describe, expect, it } from 'vitest';
import { rankAreas, valueOf } from './ranking.js';

describe('rankAreas', () => {
  it('ranks best first with shared ranks (1, 1, 3) for a rate where higher is better', () => {
    const r = rankAreas(
      [
        { key: 'a', value: 0.5 },
        { key: 'b', value: 0.9 },
        { key: 'c', value: 0.9 },
        { key: 'd', value: null },
      ],
      'higher',
    );
    expect(Object.fromEntries(r)).toEqual({ b: 1, c: 1, a: 3, d: null });
  });
  it('puts the smallest first when lower is better', () => {
    const r = rankAreas(
      [
        { key: 'a', value: 3 },
        { key: 'b', value: 0 },
        { key: 'c', value: 7 },
      ],
      'lower',
    );
    expect(Object.fromEntries(r)).toEqual({ b: 1, a: 2, c: 3 });
  });
  it('ties equal fractions computed differently (2/3 and 4/6)', () => {
    const r = rankAreas(
      [
        { key: 'a', value: 2 / 3 },
        { key: 'b', value: 4 / 6 },
        { key: 'c', value: 1 / 3 },
      ],
      'higher',
    );
    expect(Object.fromEntries(r)).toEqual({ a: 1, b: 1, c: 3 });
  });
});

describe('valueOf', () => {
  it('is the count itself, or the rate, and null for a rate over nothing', () => {
    expect(valueOf({ numerator: 7 }, 'count')).toBe(7);
    expect(valueOf({ numerator: 3, denominator: 4 }, 'rate')).toBe(0.75);
    expect(valueOf({ numerator: 0, denominator: 0 }, 'rate')).toBeNull();
  });
});
