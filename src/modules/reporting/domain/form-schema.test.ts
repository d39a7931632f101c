import { describe, it, expect } from 'vitest';
import { DomainError } from '../../../kernel/errors.js';
import { epidemicForm } from './reporting-test-fixtures.js';
import {
  assertValidForm,
  assertValidSubmission,
  formDefinitionProblems,
  validateSubmission,
  type ReportFormDefinition,
} from './form-schema.js';

const ok = { screened: 10, quarantined: 2 };
const fields = (values: Record<string, unknown>, form = epidemicForm) =>
  validateSubmission(form, { values }).map((p) => p.field);

describe('validateSubmission', () => {
  it('accepts a complete, consistent report', () => {
    expect(
      validateSubmission(epidemicForm, {
        values: {
          ...ok,
          tested: 5,
          positiveRate: 0.125,
          note: '无',
          level: 'low',
          measures: ['home', 'test'],
          since: '2026-11-30',
          rows: [{ name: '张三', age: 40, from: 'a' }, { name: '李四' }],
        },
      }),
    ).toEqual([]);
  });
  it('names missing required fields', () => {
    expect(fields({ screened: 1 })).toEqual(['values.quarantined']);
    expect(fields({ screened: null, quarantined: 0 })).toEqual(['values.screened']);
  });
  it('names unknown fields', () => {
    expect(fields({ ...ok, extra: 1 })).toEqual(['values.extra']);
  });
  it('refuses wrong types', () => {
    expect(fields({ ...ok, tested: '5' })).toEqual(['values.tested']);
    expect(fields({ ...ok, tested: 1.5 })).toEqual(['values.tested']);
    expect(fields({ ...ok, positiveRate: Number.NaN })).toEqual(['values.positiveRate']);
    expect(fields({ ...ok, note: 3 })).toEqual(['values.note']);
    expect(fields({ ...ok, level: ['low'] })).toEqual(['values.level']);
    expect(fields({ ...ok, measures: 'home' })).toEqual(['values.measures']);
    expect(fields({ ...ok, since: '2026/11/30' })).toEqual(['values.since']);
    expect(fields({ ...ok, rows: { name: 'x' } })).toEqual(['values.rows']);
  });
  it('checks ranges of integers, decimals, dates and text length', () => {
    expect(fields({ ...ok, tested: -1 })).toEqual(['values.tested']);
    expect(fields({ ...ok, tested: 100_001 })).toEqual(['values.tested']); // the rule is skipped once the value is out of range
    expect(fields({ ...ok, positiveRate: 1.5 })).toEqual(['values.positiveRate']);
    expect(fields({ ...ok, positiveRate: 0.1234 })).toEqual(['values.positiveRate']);
    expect(fields({ ...ok, since: '2025-12-31' })).toEqual(['values.since']);
    expect(fields({ ...ok, since: '2026-02-30' })).toEqual(['values.since']);
    expect(fields({ ...ok, note: '一二三四五六七八九十' })).toEqual([]);
    expect(fields({ ...ok, note: '一二三四五六七八九十一' })).toEqual(['values.note']);
  });
  it('checks choices', () => {
    expect(fields({ ...ok, level: 'medium' })).toEqual(['values.level']);
    expect(fields({ ...ok, measures: ['home', 'nope'] })).toEqual(['values.measures[1]']);
    expect(fields({ ...ok, measures: ['home', 'home'] })).toEqual(['values.measures[1]']);
    expect(fields({ ...ok, measures: ['home', 'test', 'visit'] })).toEqual(['values.measures']);
  });
  it('names table cells by row', () => {
    expect(fields({ ...ok, rows: [{ name: 'a' }, { name: 'b' }, { age: 200, x: 1 }] })).toEqual([
      'values.rows[2].x',
      'values.rows[2].name',
      'values.rows[2].age',
    ]);
    expect(fields({ ...ok, rows: [{ name: 'a' }, 'b'] })).toEqual(['values.rows[1]']);
    expect(fields({ ...ok, rows: [{ name: 'a' }, { name: 'a' }, { name: 'a' }, { name: 'a' }] })).toEqual([
      'values.rows',
    ]);
  });
  it('applies cross-field rules between fields and against constants', () => {
    expect(validateSubmission(epidemicForm, { values: { screened: 2, quarantined: 3 } })).toEqual([
      { field: 'values.quarantined', message: '居家隔离人数 must be <= 累计排查人数' },
    ]);
    expect(fields({ screened: 3, quarantined: 3 })).toEqual([]);
    expect(validateSubmission(epidemicForm, { values: { ...ok, tested: 60_000 } })[0].message).toBe('核酸检测人数过大');
  });
  it('skips a cross-field rule when a side is missing or already wrong', () => {
    expect(fields({ screened: 'x', quarantined: 3 })).toEqual(['values.screened']);
  });
  it.each([
    ['<', 3, 3, false],
    ['<', 2, 3, true],
    ['=', 3, 3, true],
    ['=', 2, 3, false],
    ['>=', 3, 3, true],
    ['>=', 2, 3, false],
    ['>', 4, 3, true],
    ['>', 3, 3, false],
  ] as const)('evaluates %s for %d vs %d', (op, left, right, good) => {
    const form: ReportFormDefinition = { ...epidemicForm, rules: [{ left: 'quarantined', op, right: 'screened' }] };
    expect(fields({ screened: right, quarantined: left }, form)).toEqual(good ? [] : ['values.quarantined']);
  });
  it('accepts a zero report with no values when the form allows it', () => {
    expect(validateSubmission(epidemicForm, { zero: true })).toEqual([]);
    expect(validateSubmission(epidemicForm, { zero: true, values: {} })).toEqual([]);
  });
  it('refuses a zero report when the form does not allow it', () => {
    expect(validateSubmission({ ...epidemicForm, allowZero: false }, { zero: true }).map((p) => p.field)).toEqual([
      'zero',
    ]);
  });
  it('refuses a zero report that carries values', () => {
    expect(validateSubmission(epidemicForm, { zero: true, values: ok }).map((p) => p.field)).toEqual(['values']);
  });
  it('refuses a submission with neither values nor zero', () => {
    expect(validateSubmission(epidemicForm, {}).map((p) => p.field)).toEqual(['values']);
    expect(validateSubmission(epidemicForm, { zero: false }).map((p) => p.field)).toEqual(['values']);
  });
  it('throws an Invalid listing every problem', () => {
    try {
      assertValidSubmission(epidemicForm, { values: { extra: 1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('reporting.invalid_submission');
      expect((e as DomainError).errors.map((p) => p.field)).toEqual([
        'values.extra',
        'values.screened',
        'values.quarantined',
      ]);
    }
  });
});

describe('formDefinitionProblems', () => {
  it('accepts the demo form', () => {
    expect(formDefinitionProblems(epidemicForm)).toEqual([]);
    expect(() => assertValidForm(epidemicForm)).not.toThrow();
  });
  it('names every bad part of a definition', () => {
    const bad = {
      ...epidemicForm,
      version: 0,
      deadline: { time: '16:61', dayOffset: 0 },
      reporters: { kind: 'units', unitIds: [] },
      fields: [
        { code: 'screened', label: '累计排查人数', type: 'integer', min: 5, max: 1 },
        { code: 'screened', label: '重复', type: 'text' },
        { code: 'Bad-Code', label: '', type: 'single_choice', options: [] },
        { code: 't', label: '表', type: 'table', columns: [{ code: 'x', label: 'x', type: 'table', columns: [] }] },
      ],
      rules: [{ left: 'nope', op: '!=', right: 'screened' }],
    } as unknown as ReportFormDefinition;
    expect(formDefinitionProblems(bad).map((p) => p.field)).toEqual([
      'version',
      'deadline.time',
      'reporters',
      'fields[1].code',
      'fields[0].max',
      'fields[2].code',
      'fields[2].label',
      'fields[2].options',
      'fields[3].columns[0].type',
      'rules[0].left',
      'rules[0].op',
    ]);
  });
  it('lets a top-level whole-number field take a figure the system counts, and no other', () => {
    const known = new Set(['population.doorsKnocked']);
    const form = {
      ...epidemicForm,
      fields: [
        { code: 'doors', label: '敲门入户数', type: 'integer', min: 0, source: 'population.doorsKnocked' },
        { code: 'other', label: '未知', type: 'integer', source: 'population.nothing' },
        { code: 'rate', label: '比例', type: 'decimal', source: 'population.doorsKnocked' },
        { code: 'note', label: '说明', type: 'text', source: 'population.doorsKnocked' },
        {
          code: 't',
          label: '表',
          type: 'table',
          columns: [{ code: 'n', label: '数', type: 'integer', source: 'population.doorsKnocked' }],
        },
      ],
      rules: [],
    } as unknown as ReportFormDefinition;
    expect(formDefinitionProblems(form, known).map((p) => p.field)).toEqual([
      'fields[2].source',
      'fields[3].source',
      'fields[4].columns[0].source',
      'fields[1].source',
    ]);
    // Without the catalogue (reading a stored definition) only the shape is checked.
    expect(formDefinitionProblems(form).map((p) => p.field)).toEqual([
      'fields[2].source',
      'fields[3].source',
      'fields[4].columns[0].source',
    ]);
  });
});
