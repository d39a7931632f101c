import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds } from './format-time';

describe('formatDateTime', () => {
  it('shows an instant as its Asia/Shanghai wall time, 24-hour, no seconds', () => {
    expect(formatDateTime('2026-12-07T06:05:59.900Z')).toBe('2026-12-07 14:05');
    expect(formatDateTime(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07 00:00');
    expect(formatDateTime('2026-12-07T15:30:00Z')).toBe('2026-12-07 23:30');
  });
  it('shows a dash for no time and the text itself for something else', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined, '')).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
  it('adds seconds when asked', () => {
    expect(formatDateTimeSeconds('2026-12-07T06:05:09Z')).toBe('2026-12-07 14:05:09');
  });
});

describe('formatDate', () => {
  it('keeps a calendar date and gives an instant its Shanghai day', () => {
    expect(formatDate('2026-12-07')).toBe('2026-12-07');
    expect(formatDate('2026-12-06T17:00:00Z')).toBe('2026-12-07');
  });
});
