import { describe, expect, it } from 'vitest';
import { placeText } from './address';

describe('the address a report starts with', () => {
  it('is the grid name when it names its community already', () => {
    expect(placeText('朱庄社区第1网格-1', '朱庄社区')).toBe('朱庄社区第1网格-1');
  });
  it('puts the community before a grid named on its own', () => {
    expect(placeText('第三网格', '德化社区')).toBe('德化社区第三网格');
  });
  it('is the grid name alone without a community', () => {
    expect(placeText('城北第1网格', null)).toBe('城北第1网格');
  });
});
