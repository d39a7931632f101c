import { describe, expect, it } from 'vitest';
import { entryBody, entrySummary, newEntryItem } from './entry-outbox';

describe('a work entry in the outbox', () => {
  const me = { id: 'acc-1', displayName: '网格员' };
  it('keeps the phone’s day and sends the same body every time', () => {
    const at = Date.parse('2026-12-06T17:30:00Z'); // 01:30 on 7 December in Shanghai
    const item = newEntryItem(
      'key-1',
      me,
      { indicatorId: 'i-1', indicatorName: '清理小广告', measureUnit: '张', quantity: 25, note: '  北关路  ' },
      at,
    );
    expect(item).toMatchObject({ kind: 'entry', id: 'key-1', day: '2026-12-07', state: 'pending', photos: [] });
    expect(entryBody(item)).toEqual({
      indicatorId: 'i-1',
      quantity: 25,
      measureUnit: '张',
      day: '2026-12-07',
      note: '北关路',
    });
    expect(entryBody(item)).toEqual(entryBody(JSON.parse(JSON.stringify(item))));
  });
  it('names the campaign when there is one', () => {
    const item = newEntryItem('k', me, {
      indicatorId: 'i',
      indicatorName: '整理空中线缆',
      measureUnit: '米',
      quantity: 120,
      campaignId: 'c',
      campaignTitle: '空中线缆集中整治',
    });
    expect(entryBody(item).campaignId).toBe('c');
    expect(entrySummary(item)).toContain('120米（空中线缆集中整治）');
  });
});
