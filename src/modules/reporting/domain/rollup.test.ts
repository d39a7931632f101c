import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { epidemicForm } from './reporting-test-fixtures.js';
import {
  accumulate,
  finishRollup,
  latestSubmissions,
  mergePartials,
  rollup,
  rollupBy,
  rollupFieldsOf,
  type RollupField,
  type RollupRow,
} from './rollup.js';

const fields: RollupField[] = [
  { code: 'screened', aggregation: 'sum' },
  { code: 'rate', aggregation: 'avg' },
  { code: 'peak', aggregation: 'max' },
  { code: 'note', aggregation: 'none' },
];
const row = (unitId: string, period: string, values: Record<string, unknown> | null, zero = false): RollupRow => ({
  unitId,
  period,
  values,
  zero,
});

describe('rollup', () => {
  it('sums, averages and takes the maximum per field rule', () => {
    const r = rollup(fields, [
      row('c1', '2026-11-30', { screened: 10, rate: 0.5, peak: 3, note: 7 }),
      row('c2', '2026-11-30', { screened: 5, rate: 0.25, peak: 9 }),
    ]);
    expect(r).toEqual({
      screened: { aggregation: 'sum', value: 15, count: 2 },
      rate: { aggregation: 'avg', value: 0.375, count: 2 },
      peak: { aggregation: 'max', value: 9, count: 2 },
    });
  });
  it('counts a zero report as 0 in every aggregated field', () => {
    const r = rollup(fields, [row('c1', 'd', { screened: 4, rate: 1, peak: 2 }), row('c2', 'd', null, true)]);
    expect([r.screened.value, r.rate.value, r.peak.value, r.rate.count]).toEqual([4, 0.5, 2, 2]);
  });
  it('leaves blank optional fields out of averages', () => {
    const r = rollup(fields, [row('c1', 'd', { rate: 1 }), row('c2', 'd', {})]);
    expect(r.rate).toEqual({ aggregation: 'avg', value: 1, count: 1 });
    expect(r.screened.value).toBeNull();
  });
  it('takes the aggregation rules from a form, numbers summing by default', () => {
    expect(rollupFieldsOf(epidemicForm)).toEqual([
      { code: 'screened', aggregation: 'sum' },
      { code: 'quarantined', aggregation: 'sum' },
      { code: 'tested', aggregation: 'sum' },
      { code: 'positiveRate', aggregation: 'avg' },
    ]);
  });
  it('rolls communities up to their sub-district', () => {
    const parent: Record<string, string> = { c1: 's1', c2: 's1', c3: 's2' };
    const rows = [row('c1', 'd', { screened: 1 }), row('c2', 'd', { screened: 2 }), row('c3', 'd', { screened: 4 })];
    const by = rollupBy(fields, rows, (r) => parent[r.unitId]);
    expect([by.get('s1')!.screened.value, by.get('s2')!.screened.value]).toEqual([3, 4]);
  });
  it('keeps the latest correction of each unit and period', () => {
    const rows = latestSubmissions([
      { unitId: 'c1', period: 'd', submittedAt: new Date(2), values: { screened: 5 } },
      { unitId: 'c1', period: 'd', submittedAt: new Date(1), values: { screened: 3 } },
      { unitId: 'c2', period: 'd', submittedAt: new Date(1), values: { screened: 1 } },
    ]);
    expect(rollup(fields, rows).screened.value).toBe(6);
  });
});

describe('rollup properties', () => {
  const values = fc.record(
    {
      screened: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      rate: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      peak: fc.option(fc.integer({ min: -5, max: 1000 }), { nil: undefined }),
    },
    { requiredKeys: [] },
  );
  const rows = fc.array(
    fc.record({
      unitId: fc.constantFrom('a', 'b', 'c', 'd'),
      period: fc.constantFrom('p1', 'p2'),
      values,
      zero: fc.boolean(),
      part: fc.nat({ max: 3 }),
    }),
    { maxLength: 40 },
  );

  it('equals the merge of its parts over any partition', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const parts = [0, 1, 2, 3].map((k) =>
          accumulate(
            fields,
            rs.filter((r) => r.part === k),
          ),
        );
        const merged = finishRollup(fields, parts.reduce(mergePartials));
        expect(merged).toEqual(rollup(fields, rs));
      }),
    );
  });
  it('makes a sum the sum of the parts and a max the max of the parts', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const whole = rollup(fields, rs);
        const parts = [...rollupBy(fields, rs, (r) => r.unitId).values()];
        expect(whole.screened.value ?? 0).toBe(parts.reduce((n, p) => n + (p.screened.value ?? 0), 0));
        const maxes = parts.map((p) => p.peak.value).filter((v): v is number => v !== null);
        expect(whole.peak.value).toBe(maxes.length ? Math.max(...maxes) : null);
        expect(whole.rate.count).toBe(parts.reduce((n, p) => n + p.rate.count, 0));
      }),
    );
  });
});
