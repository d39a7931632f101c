import { describe, expect, it } from 'vitest';
import { timeLeftText } from './labels';

describe('协查 time left', () => {
  it('reads hours and minutes left, or how late', () => {
    expect(timeLeftText(24 * 60)).toBe('剩余 24 小时');
    expect(timeLeftText(200)).toBe('剩余 3 小时 20 分');
    expect(timeLeftText(45)).toBe('剩余 45 分');
    expect(timeLeftText(-1)).toBe('已超时 1 分');
    expect(timeLeftText(-360)).toBe('已超时 6 小时');
    expect(timeLeftText(null)).toBe('—');
  });
});
