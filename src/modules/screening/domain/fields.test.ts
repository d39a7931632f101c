import { describe, expect, it } from 'vitest';
import { checkFieldDefs, checkValues, type FieldDef } from './fields.js';

const FIELDS: FieldDef[] = [
  { key: 'origin', label: '来源地', type: 'text', required: true },
  { key: 'arrival', label: '到达日期', type: 'date', required: true },
  { key: 'transport', label: '交通方式', type: 'choice', required: false, choices: ['火车', '飞机', '自驾', '客车'] },
];

describe('campaign fields', () => {
  it('accepts a clean entry, trimmed, empty optional values left out', () => {
    expect(checkValues(FIELDS, { origin: ' 郑州市金水区 ', arrival: '2026-12-05', transport: '' })).toEqual({
      ok: true,
      values: { origin: '郑州市金水区', arrival: '2026-12-05' },
    });
  });
  it('names each bad value', () => {
    expect(checkValues(FIELDS, { arrival: '2026-02-30', transport: '轮船', colour: '红' })).toEqual({
      ok: false,
      problems: [
        { key: 'colour', code: 'screening.value_unknown_field' },
        { key: 'origin', code: 'screening.value_required' },
        { key: 'arrival', code: 'screening.value_not_date' },
        { key: 'transport', code: 'screening.value_not_choice' },
      ],
    });
    expect(checkValues(FIELDS, { origin: 'x'.repeat(201), arrival: '2026-12-05' })).toEqual({
      ok: false,
      problems: [{ key: 'origin', code: 'screening.value_too_long' }],
    });
    // 2028 is a leap year, 2100 is not.
    expect(checkValues(FIELDS, { origin: 'a', arrival: '2028-02-29' }).ok).toBe(true);
    expect(checkValues(FIELDS, { origin: 'a', arrival: '2100-02-29' }).ok).toBe(false);
  });
  it('refuses definitions with repeated keys or labels and choices without options', () => {
    expect(checkFieldDefs(FIELDS)).toEqual([]);
    expect(
      checkFieldDefs([
        ...FIELDS,
        { key: 'origin', label: '来源', type: 'text', required: false },
        { key: 'x', label: '到达日期', type: 'choice', required: false, choices: [] },
        { key: 'y', label: '车次', type: 'choice', required: false, choices: ['G1', 'G1'] },
      ]),
    ).toEqual([
      { index: 3, code: 'screening.field_key_repeated' },
      { index: 4, code: 'screening.field_label_repeated' },
      { index: 4, code: 'screening.field_choices_required' },
      { index: 5, code: 'screening.field_choices_repeated' },
    ]);
  });
});
