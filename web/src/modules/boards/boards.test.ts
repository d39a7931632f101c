import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { replacementQueryOf } from './pages/BoardReplacementsPage';

describe('the replacements page’s address', () => {
  const today = dayjs('2026-12-07');
  it('reads the dashboard link’s unit and days', () => {
    const p = new URLSearchParams('unitId=u1&from=2026-11-30&to=2026-12-01');
    expect(replacementQueryOf(p, today)).toEqual({ unitId: 'u1', from: '2026-11-30', to: '2026-12-01' });
  });
  it('opens on this month so far without a period, on the caller’s scope without a unit', () => {
    expect(replacementQueryOf(new URLSearchParams(), today)).toEqual({
      unitId: undefined,
      from: '2026-12-01',
      to: '2026-12-07',
    });
  });
});
