import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldReports, reportEffect, type Report } from './dedupe.js';

describe('one entry per ID number per campaign', () => {
  it('attaches a second unit’s report to the first entry', () => {
    const reports: Report[] = [
      { idNumber: '41160219800101001X', unitId: 'dehua' },
      { idNumber: '411602199002020022', unitId: 'dehua' },
      { idNumber: '41160219800101001X', unitId: 'zhuzhuang' },
      { idNumber: '41160219800101001X', unitId: 'dehua' },
    ];
    expect(foldReports(reports)).toEqual([
      { idNumber: '41160219800101001X', units: ['dehua', 'zhuzhuang'] },
      { idNumber: '411602199002020022', units: ['dehua'] },
    ]);
  });

  it('says what one more report does', () => {
    const existing = new Map([['A', new Set(['dehua'])]]);
    expect(reportEffect(existing, { idNumber: 'B', unitId: 'dehua' })).toBe('new_entry');
    expect(reportEffect(existing, { idNumber: 'A', unitId: 'zhuzhuang' })).toBe('attach_unit');
    expect(reportEffect(existing, { idNumber: 'A', unitId: 'dehua' })).toBe('already_reported');
  });

  it('gives the same entries whatever the order of the reports', () => {
    const report = fc.record({
      idNumber: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      unitId: fc.constantFrom('dehua', 'zhuzhuang', 'chenzhou'),
    });
    fc.assert(
      fc.property(
        fc
          .array(report, { maxLength: 40 })
          .chain((rs) =>
            fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
          ),
        ([rs, shuffled]) => {
          const a = foldReports(rs);
          expect(foldReports(shuffled)).toEqual(a);
          // One row per ID number, and every report's unit on its row.
          expect(a.length).toBe(new Set(rs.map((r) => r.idNumber)).size);
          for (const r of rs) expect(a.find((e) => e.idNumber === r.idNumber)!.units).toContain(r.unitId);
        },
      ),
    );
  });

  it('the stepwise effects rebuild the fold (the store applies reports one at a time)', () => {
    const report = fc.record({ idNumber: fc.constantFrom('A', 'B', 'C'), unitId: fc.constantFrom('u1', 'u2') });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 30 }), (rs) => {
        const state = new Map<string, Set<string>>();
        let rows = 0;
        for (const r of rs) {
          const e = reportEffect(state, r);
          if (e === 'new_entry') {
            rows++;
            state.set(r.idNumber, new Set([r.unitId]));
          } else if (e === 'attach_unit') state.get(r.idNumber)!.add(r.unitId);
        }
        expect(rows).toBe(foldReports(rs).length);
        expect(
          [...state.entries()]
            .map(([id, u]) => ({ idNumber: id, units: [...u].sort() }))
            .sort((x, y) => (x.idNumber < y.idNumber ? -1 : 1)),
        ).toEqual(foldReports(rs));
      }),
    );
  });
});
