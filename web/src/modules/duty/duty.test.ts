import { describe, expect, it } from 'vitest';
import { addDays, dayLabel, mondayOf, spanText, todayInShanghai } from './labels';

describe('duty labels', () => {
  it('finds the Monday of a week and steps days across months', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
  it('names days and spans in Chinese', () => {
    expect(dayLabel('2026-12-09')).toBe('12-09 周三');
    expect(spanText('2026-12-01', null)).toBe('2026-12-01 起');
    expect(spanText('2026-12-01', '2026-12-31')).toBe('2026-12-01 至 2026-12-31');
  });
  it('takes today in Shanghai: 17:00 UTC is the next day there', () => {
    expect(todayInShanghai(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
    expect(todayInShanghai(new Date('2026-12-07T15:59:00Z'))).toBe('2026-12-07');
  });
});
