import { describe, expect, it } from 'vitest';
import { canContain, codeProblems, UNIT_KINDS } from './unit-rules.js';

describe('unit tree rules', () => {
  it('lets a district hold sub-districts, townships, departments and outside units only', () => {
    const allowed = UNIT_KINDS.filter((k) => canContain('district', k));
    expect(allowed).toEqual(['subdistrict', 'township', 'department', 'outside_unit']);
  });
  it('nests small grids in large grids and large grids in communities and villages', () => {
    expect(canContain('community', 'grid_large')).toBe(true);
    expect(canContain('village', 'grid_large')).toBe(true);
    expect(canContain('grid_large', 'grid_small')).toBe(true);
    expect(canContain('community', 'grid_small')).toBe(false);
    expect(canContain('grid_small', 'grid_small')).toBe(false);
  });
});

describe('official codes', () => {
  const district = { kind: 'district' as const, code: '411602' };
  const sub = { kind: 'subdistrict' as const, code: '411602004000' };
  const community = { kind: 'community' as const, code: '411602004001' };
  it('accepts a GB/T 2260 county code for the district', () => {
    expect(codeProblems({ kind: 'district', code: '411602', parent: null })).toEqual([]);
    expect(codeProblems({ kind: 'district', code: '41160', parent: null })[0].field).toBe('code');
  });
  it('checks the township segment of a sub-district code', () => {
    expect(codeProblems({ kind: 'subdistrict', code: '411602004000', parent: district })).toEqual([]);
    expect(codeProblems({ kind: 'subdistrict', code: '411602104000', parent: district })).toHaveLength(1);
    expect(codeProblems({ kind: 'township', code: '411602104000', parent: district })).toEqual([]);
    expect(codeProblems({ kind: 'subdistrict', code: '411603004000', parent: district })[0].message).toMatch(/411602/);
  });
  it('checks the village-level segment of communities and villages', () => {
    expect(codeProblems({ kind: 'community', code: '411602004001', parent: sub })).toEqual([]);
    expect(codeProblems({ kind: 'village', code: '411602004201', parent: sub })).toEqual([]);
    expect(codeProblems({ kind: 'village', code: '411602004001', parent: sub })).toHaveLength(1);
    expect(codeProblems({ kind: 'community', code: '411602005001', parent: sub })).toHaveLength(1);
  });
  it('wants 15-digit grid codes under the community code', () => {
    expect(codeProblems({ kind: 'grid_large', code: '411602004001901', parent: community })).toEqual([]);
    expect(
      codeProblems({
        kind: 'grid_small',
        code: '411602004001001',
        parent: { kind: 'grid_large', code: '411602004001901' },
      }),
    ).toEqual([]);
    expect(
      codeProblems({
        kind: 'grid_small',
        code: '411602004002001',
        parent: { kind: 'grid_large', code: '411602004001901' },
      }),
    ).toHaveLength(1);
    expect(codeProblems({ kind: 'grid_small', code: '411602004001000', parent: community })).toHaveLength(1);
  });
  it('lets departments carry a free code', () => {
    expect(codeProblems({ kind: 'department', code: 'CGJ-01', parent: district })).toEqual([]);
    expect(codeProblems({ kind: 'department', code: '城管', parent: district })).toHaveLength(1);
  });
});
