import type { FieldProblem } from '../../../kernel/errors.js';
import { UNIT_KINDS, UNIT_KIND_NAMES, type UnitKind } from '../../../contracts/org.js';

// The kinds and their names are contract data (the API's enum); the tree rules below are the domain's.
export { UNIT_KINDS, UNIT_KIND_NAMES, type UnitKind };

/** Which kinds may sit under which: the tree of SPEC §2 as data. */
export const CHILD_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  district: ['subdistrict', 'township', 'department', 'outside_unit'],
  subdistrict: ['community', 'village'],
  township: ['community', 'village'],
  community: ['grid_large', 'party_branch'],
  village: ['grid_large', 'party_branch'],
  grid_large: ['grid_small'],
  grid_small: [],
  department: [],
  outside_unit: [],
  party_branch: [],
};

export const TERRITORIAL: ReadonlySet<UnitKind> = new Set([
  'district',
  'subdistrict',
  'township',
  'community',
  'village',
  'grid_large',
  'grid_small',
]);
export const GRID_KINDS: ReadonlySet<UnitKind> = new Set(['grid_large', 'grid_small']);

export function isUnitKind(v: string): v is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(v);
}

export function canContain(parent: UnitKind, child: UnitKind): boolean {
  return CHILD_KINDS[parent].includes(child);
}

interface CodeContext {
  kind: UnitKind;
  code: string;
  /** The parent's kind and code; null for a district. */
  parent: { kind: UnitKind; code: string | null } | null;
}

/**
 * Official codes: GB/T 2260 (6-digit county), the 12-digit statistical division code
 * (county + 3-digit township: 001–099 街道, 100–199 镇, 200–399 乡; + 3-digit village level:
 * 001–199 居委会/社区, 200–399 村委会), and the 15-digit GB/T 30428.1 unit-grid code
 * (county + street + community + 3-digit grid sequence). Returns the problems, empty when valid.
 */
export function codeProblems({ kind, code, parent }: CodeContext): FieldProblem[] {
  const bad = (code: string, message: string, params?: FieldProblem['params']): FieldProblem[] => [
    { field: 'code', code, message, ...(params ? { params } : {}) },
  ];
  const parentCode = parent?.code ?? null;
  switch (kind) {
    case 'district':
      return /^\d{6}$/.test(code) ? [] : bad('unit_code.district_format', 'a district code has 6 digits (GB/T 2260)');
    case 'subdistrict':
    case 'township': {
      if (!/^\d{12}$/.test(code))
        return bad('unit_code.township_format', 'a sub-district or township code has 12 digits');
      if (parentCode && !code.startsWith(parentCode.slice(0, 6)))
        return bad('unit_code.county_prefix', `the code must start with ${parentCode.slice(0, 6)}`, {
          prefix: parentCode.slice(0, 6),
        });
      const t = Number(code.slice(6, 9));
      if (kind === 'subdistrict' && (t < 1 || t > 99))
        return bad('unit_code.subdistrict_range', 'a sub-district segment is 001–099');
      if (kind === 'township' && (t < 100 || t > 399))
        return bad('unit_code.township_range', 'a township segment is 100–399');
      return code.endsWith('000') ? [] : bad('unit_code.township_village_zero', 'a township code ends in 000');
    }
    case 'community':
    case 'village': {
      if (!/^\d{12}$/.test(code)) return bad('unit_code.village_format', 'a community or village code has 12 digits');
      if (parentCode && !code.startsWith(parentCode.slice(0, 9)))
        return bad('unit_code.township_prefix', `the code must start with ${parentCode.slice(0, 9)}`, {
          prefix: parentCode.slice(0, 9),
        });
      const v = Number(code.slice(9, 12));
      if (kind === 'community' && (v < 1 || v > 199))
        return bad('unit_code.community_range', 'a community segment is 001–199');
      if (kind === 'village' && (v < 200 || v > 399))
        return bad('unit_code.village_range', 'a village segment is 200–399');
      return [];
    }
    case 'grid_large':
    case 'grid_small': {
      if (!/^\d{15}$/.test(code)) return bad('unit_code.grid_format', 'a grid code has 15 digits (GB/T 30428.1)');
      if (parentCode) {
        // A large grid's parent is the community; a small grid's parent is a large grid that shares its first 12 digits.
        const prefix = parentCode.slice(0, 12);
        if (!code.startsWith(prefix))
          return bad('unit_code.grid_prefix', `the grid code must start with ${prefix}`, { prefix });
      }
      return code.slice(12) === '000' ? bad('unit_code.grid_sequence_zero', 'a grid sequence is not 000') : [];
    }
    default:
      return /^[0-9A-Za-z-]{1,20}$/.test(code)
        ? []
        : bad('unit_code.other_format', 'letters, digits and hyphens, at most 20');
  }
}
