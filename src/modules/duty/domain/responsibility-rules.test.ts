import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar/dates.js';
import { inForce, overlaps, responsibilityProblems, type Span } from './responsibility-rules.js';

const BASE = '2026-12-01';
const spanArb = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }))
  .map(([start, len]): Span => ({ from: addDays(BASE, start), to: len === null ? null : addDays(BASE, start + len) }));

const lead = (span: Span, existing: (Span & { id: string })[]) =>
  responsibilityProblems({ kind: 'lead', targetKind: 'community', holderType: 'account', span, existing });

describe('responsibility rules', () => {
  it('overlap agrees with a day-by-day check', () => {
    fc.assert(
      fc.property(spanArb, spanArb, (a, b) => {
        let shared = false;
        for (let d = 0; d < 80 && !shared; d++) shared = inForce(a, addDays(BASE, d)) && inForce(b, addDays(BASE, d));
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });

  it('never lets one community have two 主责 leaders on the same day, whatever order they are added in', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), (spans) => {
        const accepted: (Span & { id: string })[] = [];
        spans.forEach((s, i) => {
          if (lead(s, accepted).length === 0) accepted.push({ ...s, id: String(i) });
        });
        for (let d = 0; d < 80; d++) {
          const day = addDays(BASE, d);
          expect(accepted.filter((s) => inForce(s, day)).length).toBeLessThanOrEqual(1);
        }
        // Refused ones are refused for a real clash, naming the field.
        spans.forEach((s) => {
          const p = lead(s, accepted);
          if (p.length) expect(p[0]).toMatchObject({ field: 'from', code: 'duty.lead_overlap' });
        });
      }),
    );
  });

  it('lets non-exclusive kinds overlap (several cadres 下沉 to one community)', () => {
    const span = { from: '2026-12-01', to: null };
    expect(
      responsibilityProblems({
        kind: 'embed',
        targetKind: 'community',
        holderType: 'account',
        span,
        existing: [{ ...span, id: 'x' }],
      }),
    ).toEqual([]);
  });

  it('refuses the wrong kind of target or holder, naming the field', () => {
    const span = { from: '2026-12-01', to: null };
    const codes = (
      kind: Parameters<typeof responsibilityProblems>[0]['kind'],
      targetKind: string,
      holderType: 'account' | 'unit',
      holderUnitKind?: string,
    ) =>
      responsibilityProblems({ kind, targetKind, holderType, holderUnitKind, span, existing: [] }).map((p) => [
        p.field,
        p.code,
      ]);
    expect(codes('lead', 'grid_small', 'account')).toEqual([['targetUnitId', 'duty.kind_target_mismatch']]);
    expect(codes('branch_lead', 'community', 'account')).toEqual([['targetUnitId', 'duty.kind_target_mismatch']]);
    expect(codes('branch_lead', 'party_branch', 'account')).toEqual([]);
    expect(codes('pair', 'community', 'account')).toEqual([['holder.type', 'duty.holder_must_be_unit']]);
    expect(codes('pair', 'community', 'unit', 'community')).toEqual([['holder.id', 'duty.holder_unit_kind']]);
    expect(codes('pair', 'village', 'unit', 'outside_unit')).toEqual([]);
    expect(codes('grid_head', 'grid_large', 'unit', 'department')).toEqual([
      ['holder.type', 'duty.holder_must_be_account'],
    ]);
    expect(codes('grid_instructor', 'grid_small', 'account')).toEqual([]);
  });

  it('refuses a span ending before it starts', () => {
    expect(lead({ from: '2026-12-05', to: '2026-12-04' }, [])).toMatchObject([
      { field: 'to', code: 'duty.ends_before_start' },
    ]);
    expect(lead({ from: '2026-12-05', to: '2026-12-05' }, [])).toEqual([]);
  });
});
