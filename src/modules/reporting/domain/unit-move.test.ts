import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RollupField } from './rollup.js';
import { contributionOf, RollupFold, type FoldedRollup, type RollupSubmission } from './rollup-table.js';
import { areasOnMove, moveDeltas, rekeyPath, subtreeTotals } from './unit-move.js';

const fields: RollupField[] = [
  { code: 'n', aggregation: 'sum' },
  { code: 'peak', aggregation: 'max' },
];

describe('unit move in the roll-up', () => {
  it('re-keys a path under the moved unit and refuses one outside it', () => {
    expect(rekeyPath('/d/s1/c/g/', '/d/s1/c/', '/d/s2/c/')).toBe('/d/s2/c/g/');
    expect(rekeyPath('/d/s1/c/', '/d/s1/c/', '/d/s2/c/')).toBe('/d/s2/c/');
    expect(() => rekeyPath('/d/s1/x/', '/d/s1/c/', '/d/s2/c/')).toThrow();
  });

  it('takes the subtree out of the old sub-district and into the new one, the district keeping it', () => {
    expect(areasOnMove('/d/s1/c/', '/d/s2/c/')).toEqual({ left: ['/d/s1/'], joined: ['/d/s2/'] });
    // A large grid moved up from a community to its sub-district: the sub-district keeps it.
    expect(areasOnMove('/d/s1/c/g/', '/d/s1/g/')).toEqual({ left: ['/d/s1/c/'], joined: [] });
  });

  it('adds the unit own reports to its area rows and names a lost max', () => {
    const totals = subtreeTotals(
      {
        counts: [{ period: 'p1', submitted: 2, onTime: 1, zero: 1 }],
        fields: [
          { period: 'p1', field: 'peak', sum: 5, count: 2, max: 5 },
          { period: 'p1', field: 'n', sum: 0, count: 0, max: null },
        ],
      },
      [
        {
          period: 'p1',
          contribution: contributionOf(fields, { onTime: true, zero: false, values: { n: 3, peak: 9 } }),
        },
        { period: 'p2', contribution: contributionOf(fields, { onTime: false, zero: true, values: null }) },
      ],
    );
    expect(totals).toEqual([
      {
        period: 'p1',
        submitted: 3,
        onTime: 2,
        zero: 1,
        fields: { peak: { sum: 14, count: 3, max: 9 }, n: { sum: 3, count: 1, max: 3 } },
      },
      {
        period: 'p2',
        submitted: 1,
        onTime: 0,
        zero: 1,
        fields: { n: { sum: 0, count: 1, max: 0 }, peak: { sum: 0, count: 1, max: 0 } },
      },
    ]);
    const { leave, join } = moveDeltas(totals[0]);
    expect(leave).toEqual({
      submitted: -3,
      onTime: -2,
      zero: -1,
      fields: [
        { field: 'peak', sum: -14, count: -3, add: null, removed: 9 },
        { field: 'n', sum: -3, count: -1, add: null, removed: 3 },
      ],
    });
    expect(join.fields[0]).toEqual({ field: 'peak', sum: 14, count: 3, add: 9, removed: null });
  });

  it('turns the fold before the move into the fold after it, as the store applies the deltas', () => {
    // Tree: district d, sub-districts s1 and s2, communities c1 (moving, under s1) and c2 (under s1 or s2),
    // grids below the communities. Any unit may report.
    const units = [
      '/d/s1/',
      '/d/s2/',
      '/d/s1/c1/',
      '/d/s1/c1/g1/',
      '/d/s1/c1/g2/',
      '/d/s1/c3/',
      '/d/s2/c2/',
      '/d/s2/c2/g3/',
    ];
    const report = fc.record({
      unit: fc.constantFrom(...units),
      period: fc.constantFrom('p1', 'p2'),
      onTime: fc.boolean(),
      zero: fc.boolean(),
      values: fc.record(
        { n: fc.integer({ min: 0, max: 9 }), peak: fc.integer({ min: 0, max: 9 }) },
        { requiredKeys: [] },
      ),
    });
    const target = fc.constantFrom(
      ['/d/s1/c1/', '/d/s2/c1/'],
      ['/d/s1/c1/', '/d/s2/c2/c1/'],
      ['/d/s1/c1/g1/', '/d/s2/c2/g1/'],
      ['/d/s1/c1/', '/d/s1/c3/c1/'],
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(report, { selector: (r) => `${r.unit}|${r.period}` }),
        target,
        (reports, [oldPath, newPath]) => {
          const subs: RollupSubmission[] = reports.map((r) => ({
            unitPath: r.unit,
            period: r.period,
            onTime: r.onTime,
            zero: r.zero,
            values: r.values,
          }));
          const before = foldOf(subs);
          const moved = subs.map((s) =>
            s.unitPath.startsWith(oldPath) ? { ...s, unitPath: rekeyPath(s.unitPath, oldPath, newPath) } : s,
          );
          const after = foldOf(moved);

          // What the store does: re-key the subtree's areas, then apply the deltas to the areas left and joined.
          const own = subs
            .filter((s) => s.unitPath === oldPath)
            .map((s) => ({ period: s.period, contribution: contributionOf(fields, s) }));
          const areaRows = [...before.values()].filter((r) => r.areaPath === oldPath);
          const totals = subtreeTotals(
            {
              counts: areaRows.map((r) => ({
                period: r.period,
                submitted: r.submitted,
                onTime: r.onTime,
                zero: r.zero,
              })),
              fields: areaRows.flatMap((r) =>
                Object.entries(r.fields).map(([field, p]) => ({ period: r.period, field, ...p })),
              ),
            },
            own,
          );
          const table = new Map<string, FoldedRollup>();
          for (const r of before.values()) {
            const areaPath = r.areaPath.startsWith(oldPath) ? rekeyPath(r.areaPath, oldPath, newPath) : r.areaPath;
            table.set(`${r.period}|${areaPath}`, { ...structuredClone(r), areaPath });
          }
          const { left, joined } = areasOnMove(oldPath, newPath);
          for (const t of totals) {
            const { leave, join } = moveDeltas(t);
            for (const [areas, d] of [
              [left, leave],
              [joined, join],
            ] as const) {
              for (const area of areas) {
                const key = `${t.period}|${area}`;
                const r = table.get(key) ?? {
                  period: t.period,
                  areaPath: area,
                  submitted: 0,
                  onTime: 0,
                  zero: 0,
                  fields: {},
                };
                table.set(key, r);
                r.submitted += d.submitted;
                r.onTime += d.onTime;
                r.zero += d.zero;
                for (const f of d.fields) {
                  const p = r.fields[f.field] ?? (r.fields[f.field] = { sum: 0, count: 0, max: null });
                  p.sum += f.sum;
                  p.count += f.count;
                  if (f.add !== null && (p.max === null || f.add > p.max)) p.max = f.add;
                  // The store recomputes from the reports, already under their new paths.
                  if (f.removed !== null && p.max !== null && p.max <= f.removed)
                    p.max = p.count === 0 ? null : after.get(key)!.fields[f.field].max;
                }
              }
            }
          }
          expect(normalise(table)).toEqual(normalise(after));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function foldOf(subs: RollupSubmission[]): Map<string, FoldedRollup> {
  const fold = new RollupFold();
  for (const s of subs) fold.add(fields, s);
  return new Map([...fold.values()].map((r) => [`${r.period}|${r.areaPath}`, r]));
}

/** The rows that say something (the tables may keep a row emptied by a move; the comparisons skip those). */
function normalise(rows: Map<string, FoldedRollup>) {
  const out: Record<string, unknown> = {};
  for (const [k, r] of rows) {
    if (r.submitted === 0) continue;
    out[k] = { ...r, fields: Object.fromEntries(Object.entries(r.fields).filter(([, p]) => p.count !== 0)) };
  }
  return out;
}
