import { describe, expect, it } from 'vitest';
import { achievementSentence, caseInScope, categoriesOverlap, checkCampaign, checkEntry } from './campaign-rules.js';

const entered = { kind: 'entered', measureUnit: '份', active: true };
const base = {
  indicator: entered,
  measureUnit: '份',
  quantity: 300,
  day: '2026-12-05',
  today: '2026-12-07',
  unitPath: '/d/s/c/',
};

describe('entry rules', () => {
  it('accepts a positive quantity in the indicator’s unit', () => expect(checkEntry(base)).toBeNull());
  it('refuses the wrong unit of measure, naming the field', () =>
    expect(checkEntry({ ...base, measureUnit: '张' })).toMatchObject({
      field: 'measureUnit',
      code: 'entry.wrong_measure_unit',
    }));
  it('refuses zero and negative quantities', () => {
    expect(checkEntry({ ...base, quantity: 0 })?.field).toBe('quantity');
    expect(checkEntry({ ...base, quantity: -3 })?.field).toBe('quantity');
    expect(checkEntry({ ...base, quantity: 1.005 })?.code).toBe('entry.quantity_decimals');
  });
  it('refuses a computed indicator and a future day', () => {
    expect(checkEntry({ ...base, indicator: { ...entered, kind: 'computed' } })?.field).toBe('indicatorId');
    expect(checkEntry({ ...base, day: '2026-12-08' })?.field).toBe('day');
  });
  it('keeps a campaign’s entries inside its window and scope', () => {
    const campaign = { startDay: '2026-12-01', endDay: '2026-12-06', scopePath: '/d/s/' };
    expect(checkEntry({ ...base, campaign })).toBeNull();
    expect(checkEntry({ ...base, campaign, day: '2026-11-30' })?.code).toBe('entry.outside_campaign_window');
    expect(checkEntry({ ...base, campaign, unitPath: '/d/t/c/' })?.code).toBe('entry.outside_campaign_scope');
  });
});

describe('campaign rules', () => {
  it('refuses an end before the start and a unit named twice', () => {
    expect(checkCampaign({ startDay: '2026-12-02', endDay: '2026-12-01', units: [] })?.field).toBe('endDay');
    expect(
      checkCampaign({ startDay: '2026-12-01', endDay: '2026-12-01', units: [{ unitId: 'a' }, { unitId: 'a' }] })?.field,
    ).toBe('units[1].unitId');
  });
  it('takes a case only from inside the scope', () => {
    expect(caseInScope('/d/s/', '/d/s/c/g/')).toBe(true);
    expect(caseInScope('/d/s/', '/d/t/c/g/')).toBe(false);
    expect(caseInScope('/d/s/', null)).toBe(false);
  });
  it('matches categories by 大类 and 小类 both ways', () => {
    expect(categoriesOverlap(['01'], ['0102'])).toBe(true);
    expect(categoriesOverlap(['0102'], ['01'])).toBe(true);
    expect(categoriesOverlap(['51'], ['01'])).toBe(false);
    expect(categoriesOverlap([], [])).toBe(true);
  });
});

describe('the 工作成效 sentence', () => {
  it('reads like the seed’s', () => {
    expect(
      achievementSentence([
        { phrase: '完成问题整改', value: 39, measureUnit: '个' },
        { phrase: '更换小区宣传牌', value: 21, measureUnit: '处' },
        { phrase: '清理空中线缆', value: 1250.5, measureUnit: '米' },
      ]),
    ).toBe('完成问题整改39个，更换小区宣传牌21处，清理空中线缆1250.5米。');
    expect(achievementSentence([])).toBe('');
  });
});
