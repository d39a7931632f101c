import { describe, expect, it } from 'vitest';
import { shortTime } from './labels';

describe('patrol times', () => {
  it('show the district’s (Shanghai) clock whatever the browser’s zone', () => {
    // 16:30 UTC on the 6th is 00:30 on the 7th in Shanghai.
    expect(shortTime('2026-12-06T16:30:00.000Z')).toBe('12-07 00:30');
    expect(shortTime('2026-12-07T01:05:00.000Z')).toBe('12-07 09:05');
    expect(shortTime(null)).toBe('—');
  });
});
