import { describe, expect, it } from 'vitest';
import { rankingMarks } from './ranking-marks';

const rows = (ranks: (number | null)[]) => ranks.map((rank, i) => ({ id: String.fromCharCode(97 + i), rank }));
const marks = (ranks: (number | null)[]) => {
  const m = rankingMarks(rows(ranks));
  return { top: [...m.top].sort().join(''), bottom: [...m.bottom].sort().join('') };
};

describe('rankingMarks', () => {
  it('names the first three and the last three of seven', () => {
    expect(marks([1, 2, 3, 4, 5, 6, 7])).toEqual({ top: 'abc', bottom: 'efg' });
  });
  it('keeps ties together at both ends', () => {
    expect(marks([1, 1, 3, 4, 5, 5, 5, 5])).toEqual({ top: 'abc', bottom: 'efgh' });
  });
  it('names nobody when everyone ties within the first three places', () => {
    expect(marks([1, 1, 3, 3, 3])).toEqual({ top: '', bottom: '' });
  });
  it('names the only three ranked as the first three', () => {
    expect(marks([1, 2, null, 2])).toEqual({ top: 'abd', bottom: '' });
  });
  it('names nobody at an end where more than five areas tie', () => {
    expect(marks([1, 2, 3, 4, 5, 5, 5, 5, 5, 5])).toEqual({ top: 'abc', bottom: '' });
    expect(marks([1, 1, 1, 1, 1, 1, 7, 8, 9])).toEqual({ top: '', bottom: 'ghi' });
  });
  it('leaves the unranked out of both', () => {
    expect(marks([1, 2, 3, 4, 5, 6, null, null])).toEqual({ top: 'abc', bottom: 'def' });
  });
});
