import { describe, expect, it } from 'vitest';
import {
  canonicalBody,
  fixedValues,
  measuresOf,
  parseTemplate,
  renderTemplate,
  type FigureInput,
  type MeasureName,
} from './briefing-template.js';

const MEASURES: MeasureName[] = [
  { code: 'cases.reported', label: '受理数', group: '问题台账' },
  { code: 'cases.closed', label: '结案数', group: '问题台账' },
  { code: 'cases.onTimeCloseRate', label: '按期结案率', group: '问题台账' },
  { code: 'a.rate', label: '上报率', group: '日报告' },
  { code: 'b.rate', label: '上报率', group: '周报告' },
];

const count = (n: number, available = true): FigureInput => ({
  kind: 'count',
  unit: '件',
  numerator: n,
  denominator: null,
  available,
});
const rate = (n: number, d: number): FigureInput => ({
  kind: 'rate',
  unit: null,
  numerator: n,
  denominator: d,
  available: true,
});
const fixed = fixedValues('陈州街道办事处', '2026-11-23', '2026-11-29');

function render(body: string, figures: Record<string, FigureInput>) {
  const p = parseTemplate(body, MEASURES);
  if (!p.ok) throw new Error(p.problem.message);
  return renderTemplate(p.segments, fixed, new Map(Object.entries(figures)));
}

describe('briefing templates', () => {
  it('writes each figure with its unit and a footnote, one footnote per measure in order of first use', () => {
    const r = render(
      '截至{期末}，{单位}共受理问题{cases.reported}，完成整改{cases.closed}，按期结案率{cases.onTimeCloseRate}（{cases.onTimeCloseRate.分子}/{cases.onTimeCloseRate.分母}）。',
      {
        'cases.reported': count(12),
        'cases.closed': count(9),
        'cases.onTimeCloseRate': rate(6, 7),
      },
    );
    expect(r).toEqual({
      ok: true,
      text: '截至2026年11月29日，陈州街道办事处共受理问题12件[1]，完成整改9件[2]，按期结案率85.7%[3]（6[3]/7[3]）。',
      footnotes: ['cases.reported', 'cases.closed', 'cases.onTimeCloseRate'],
      omitted: 0,
    });
  });

  it('writes a rate over nothing as — and never as 100%', () => {
    const r = render('按期结案率{cases.onTimeCloseRate}。', { 'cases.onTimeCloseRate': rate(0, 0) });
    expect(r.ok && r.text).toBe('按期结案率—[1]。');
  });

  it('leaves out an optional sentence whose figures are all 0, and keeps one with any figure', () => {
    const body = '受理{cases.reported}。[结案{cases.closed}，按期结案率{cases.onTimeCloseRate}。]';
    const none = render(body, {
      'cases.reported': count(3),
      'cases.closed': count(0),
      'cases.onTimeCloseRate': rate(0, 0),
    });
    expect(none.ok && [none.text, none.omitted, none.footnotes]).toEqual(['受理3件[1]。', 1, ['cases.reported']]);
    const some = render(body, {
      'cases.reported': count(3),
      'cases.closed': count(0),
      'cases.onTimeCloseRate': rate(0, 2),
    });
    expect(some.ok && some.text).toBe('受理3件[1]。结案0件[2]，按期结案率0.0%[3]。');
  });

  it('leaves out an optional sentence with a figure the caller may not read, and refuses a plain one', () => {
    const figures = { 'cases.reported': count(3), 'cases.closed': count(5, false) };
    const optional = render('受理{cases.reported}。[结案{cases.closed}。]', figures);
    expect(optional.ok && optional.text).toBe('受理3件[1]。');
    expect(render('结案{cases.closed}。', figures)).toEqual({ ok: false, code: 'cases.closed' });
  });

  it('names a measure by code, by its label when no other has it, or by group·label, and stores codes', () => {
    const p = parseTemplate('{结案数}{按期结案率.分子}{日报告·上报率}', MEASURES);
    expect(p.ok && canonicalBody(p.segments)).toBe('{cases.closed}{cases.onTimeCloseRate.分子}{a.rate}');
    expect(p.ok && measuresOf(p.segments)).toEqual(['cases.closed', 'cases.onTimeCloseRate', 'a.rate']);
  });

  it('refuses an unknown placeholder or an ambiguous label, naming it', () => {
    for (const [body, name] of [
      ['共{cases.nothing}件', 'cases.nothing'],
      ['{上报率}', '上报率'],
      ['{期末日}', '期末日'],
      ['{结案数.分数}', '结案数.分数'],
    ] as const) {
      const p = parseTemplate(body, MEASURES);
      expect(p.ok ? null : [p.problem.code, p.problem.params.placeholder]).toEqual([
        'briefing.unknown_placeholder',
        name,
      ]);
    }
  });

  it('refuses unbalanced or nested brackets', () => {
    for (const body of ['{cases.closed', 'a}b', '[a[b]]', '[abc', 'abc]', '{a[b}']) {
      const p = parseTemplate(body, MEASURES);
      expect(p.ok ? null : p.problem.code, body).toBe('briefing.template_syntax');
    }
  });

  it('round-trips a body written with codes', () => {
    const body =
      '{期间}，{单位}受理{cases.reported}。[按期结案率{cases.onTimeCloseRate}（{cases.onTimeCloseRate.分母}）。]';
    const p = parseTemplate(body, MEASURES);
    expect(p.ok && canonicalBody(p.segments)).toBe(body);
  });

  it('writes the period in Chinese, the year once within a year', () => {
    expect(fixed).toEqual({
      单位: '陈州街道办事处',
      期间: '2026年11月23日至11月29日',
      期初: '2026年11月23日',
      期末: '2026年11月29日',
    });
    expect(fixedValues('x', '2026-12-28', '2027-01-03').期间).toBe('2026年12月28日至2027年1月3日');
    expect(fixedValues('x', '2026-12-28', '2026-12-28').期间).toBe('2026年12月28日');
  });
});
