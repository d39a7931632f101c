import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_RESULTS } from '../../../contracts/venues.js';
import { findingProblems, inspectionResult, maskPhone, recordFindings } from './inspection-rules.js';

const CHECKLIST = [
  { code: 'scan', name: '扫码登记', active: true },
  { code: 'temp', name: '测温', active: true },
  { code: 'mask', name: '佩戴口罩', active: true },
  { code: 'old', name: '健康码查验', active: false },
];

describe('an inspection’s result', () => {
  it('is 不合格 when one item fails, 合格 otherwise (不适用 counts as neither)', () => {
    expect(inspectionResult([{ result: 'pass' }, { result: 'na' }, { result: 'fail' }])).toBe('fail');
    expect(inspectionResult([{ result: 'pass' }, { result: 'na' }])).toBe('pass');
    expect(inspectionResult([{ result: 'na' }])).toBe('pass');
  });

  it('fails exactly when some finding is a fail', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHECK_RESULTS), { minLength: 1, maxLength: 20 }), (results) => {
        expect(inspectionResult(results.map((result) => ({ result })))).toBe(
          results.includes('fail') ? 'fail' : 'pass',
        );
      }),
    );
  });

  it('records the active items in the checklist’s order with their names', () => {
    const r = recordFindings(CHECKLIST, [
      { code: 'mask', result: 'fail' },
      { code: 'scan', result: 'pass' },
      { code: 'temp', result: 'na' },
    ]);
    expect(r).toEqual({
      result: 'fail',
      items: [
        { code: 'scan', name: '扫码登记', result: 'pass' },
        { code: 'temp', name: '测温', result: 'na' },
        { code: 'mask', name: '佩戴口罩', result: 'fail' },
      ],
    });
  });
});

describe('the findings an inspection must give', () => {
  it('names a missing active item', () => {
    expect(
      findingProblems(CHECKLIST, [
        { code: 'scan', result: 'pass' },
        { code: 'mask', result: 'pass' },
      ]),
    ).toEqual([
      expect.objectContaining({ field: 'items', code: 'venue.check_item_missing', params: { item: '测温' } }),
    ]);
  });

  it('names an unknown or retired item, and a repeated one, by position', () => {
    const problems = findingProblems(CHECKLIST, [
      { code: 'scan', result: 'pass' },
      { code: 'temp', result: 'pass' },
      { code: 'mask', result: 'pass' },
      { code: 'old', result: 'pass' },
      { code: 'nope', result: 'fail' },
      { code: 'scan', result: 'fail' },
    ]);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['items[3].code', 'venue.check_item_unknown'],
      ['items[4].code', 'venue.check_item_unknown'],
      ['items[5].code', 'venue.check_item_repeated'],
    ]);
    expect(() => recordFindings(CHECKLIST, [{ code: 'scan', result: 'pass' }])).toThrow(
      expect.objectContaining({ code: 'venue.inspection_invalid', kind: 'invalid' }),
    );
  });

  it('accepts any complete set of findings in any order', () => {
    const active = CHECKLIST.filter((c) => c.active);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(active, { minLength: active.length, maxLength: active.length }),
        fc.array(fc.constantFrom(...CHECK_RESULTS), { minLength: active.length, maxLength: active.length }),
        (order, results) => {
          const findings = order.map((c, i) => ({ code: c.code, result: results[i] }));
          expect(findingProblems(CHECKLIST, findings)).toEqual([]);
          expect(recordFindings(CHECKLIST, findings).items.map((i) => i.code)).toEqual(active.map((c) => c.code));
        },
      ),
    );
  });
});

describe('a masked phone number', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0394-8123456')).toBe('039****3456');
    expect(maskPhone('12345')).toBe('*****');
  });
});
