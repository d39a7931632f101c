import { describe, expect, it } from 'vitest';
import { followUpBody, followUpSummary, newFollowUpItem, shanghaiDay } from './followup-outbox';

const me = { id: 'acc-1', displayName: '陈州卫生服务中心医生' };
const line = { measureId: '0190a1b2-0000-7000-8000-000000000001', subject: { id: 'r1', name: '孟凡青' } };

describe('a follow-up in the outbox', () => {
  it('keeps the Shanghai day it was tapped on, not the day it is sent', () => {
    // 2026-12-07 23:50 in Shanghai is 15:50 UTC; ten minutes later it is the 8th there.
    const at = Date.parse('2026-12-07T15:50:00Z');
    expect(shanghaiDay(at)).toBe('2026-12-07');
    expect(shanghaiDay(at + 10 * 60_000)).toBe('2026-12-08');
    const item = newFollowUpItem('key-1', me, line, 'seen_ok', 'visit', at);
    expect(item).toMatchObject({ kind: 'followup', id: 'key-1', day: '2026-12-07', state: 'pending', photos: [] });
    expect(followUpBody(item)).toEqual({
      measureId: line.measureId,
      day: '2026-12-07',
      status: 'seen_ok',
      method: 'visit',
    });
  });

  it('sends the same body every time (the Idempotency-Key binds it), a note only when written', () => {
    const item = newFollowUpItem('key-2', me, line, 'missed', 'phone', Date.parse('2026-12-07T02:00:00Z'));
    expect(followUpBody(item)).toEqual(followUpBody({ ...item, attempts: 3, state: 'sending' }));
    expect(followUpBody({ ...item, note: '  ' })).not.toHaveProperty('note');
    expect(followUpBody({ ...item, note: ' 电话未接 ' }).note).toBe('电话未接');
    expect(followUpSummary(item)).toBe('2026-12-07 未见到');
  });
});
