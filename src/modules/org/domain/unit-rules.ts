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
  const bad = (message: string): FieldProblem[] => [{ field: 'code', message }];
  const parentCode = parent?.code ?? null;
  switch (kind) {
    case 'district':
      return /^\d{6}$/.test(code) ? [] : bad('区的代码应为 6 位 GB/T 2260 行政区划代码');
    case 'subdistrict':
    case 'township': {
      if (!/^\d{12}$/.test(code)) return bad('街道/乡镇的代码应为 12 位统计用区划代码');
      if (parentCode && !code.startsWith(parentCode.slice(0, 6)))
        return bad(`代码应以上级区划代码 ${parentCode.slice(0, 6)} 开头`);
      const t = Number(code.slice(6, 9));
      if (kind === 'subdistrict' && (t < 1 || t > 99)) return bad('街道的乡级代码段应在 001–099');
      if (kind === 'township' && (t < 100 || t > 399)) return bad('乡镇的乡级代码段应在 100–399');
      return code.endsWith('000') ? [] : bad('街道/乡镇代码的村级代码段应为 000');
    }
    case 'community':
    case 'village': {
      if (!/^\d{12}$/.test(code)) return bad('社区/行政村的代码应为 12 位统计用区划代码');
      if (parentCode && !code.startsWith(parentCode.slice(0, 9)))
        return bad(`代码应以上级代码前 9 位 ${parentCode.slice(0, 9)} 开头`);
      const v = Number(code.slice(9, 12));
      if (kind === 'community' && (v < 1 || v > 199)) return bad('社区的村级代码段应在 001–199');
      if (kind === 'village' && (v < 200 || v > 399)) return bad('行政村的村级代码段应在 200–399');
      return [];
    }
    case 'grid_large':
    case 'grid_small': {
      if (!/^\d{15}$/.test(code)) return bad('网格代码应为 15 位单元网格代码（GB/T 30428.1）');
      if (parentCode) {
        // A large grid's parent is the community; a small grid's parent is a large grid that shares its first 12 digits.
        const prefix = parentCode.slice(0, 12);
        if (!code.startsWith(prefix)) return bad(`网格代码应以所属社区代码 ${prefix} 开头`);
      }
      return code.slice(12) === '000' ? bad('网格顺序码不能为 000') : [];
    }
    default:
      return /^[0-9A-Za-z-]{1,20}$/.test(code) ? [] : bad('代码只能包含字母、数字和连字符，最长 20 位');
  }
}
