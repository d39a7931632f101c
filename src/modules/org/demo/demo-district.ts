import { centroidOf, normaliseGeometry, readingOrder, splitByArea, type Geometry } from './demo-geometry.js';
import { seededRandom } from '../../../kernel/demo/synthetic-names.js';

export type { Geometry, MultiPolygon, Polygon, Position } from './demo-geometry.js';

export type DemoUnitKind = 'district' | 'subdistrict' | 'community' | 'village' | 'grid_large' | 'grid_small';

export interface DemoUnit {
  kind: DemoUnitKind;
  name: string;
  /**
   * district: GB/T 2260 (6 digits); sub-district, community, village: statistical division code
   * (12 digits); grids: GB/T 30428.1 unit-grid code (15 digits), see generateDemoDistrict.
   */
  code: string;
  /** WGS-84. Every unit's children tile it exactly: no gaps, no overlaps. */
  geometry: Geometry;
  children: DemoUnit[];
}

interface CommunitySpec {
  name: string;
  kind: 'community' | 'village';
  /** Small grids in each large grid; its length is the number of large grids. Drawn when absent. */
  grids?: number[];
}

/** Where a sub-district sits among the seven, for a plausible map; not surveyed. */
type Placement = 'north' | 'south' | 'west' | 'east' | 'middle';

interface SubdistrictSpec {
  name: string;
  placement: Placement;
  communities: CommunitySpec[];
}

const c = (name: string, grids?: number[]): CommunitySpec => ({ name: `${name}社区`, kind: 'community', grids });
const v = (name: string, grids?: number[]): CommunitySpec => ({ name: `${name}行政村`, kind: 'village', grids });

export const DISTRICT_CODE = '411602';
export const DISTRICT_NAME = '川汇区';

/**
 * The seven sub-districts in the order the seed article reports on them (which gives their
 * township codes 001–007). Named in the article: 朱庄社区, 德化社区 and 孙嘴行政村 (the focus areas
 * of the 三川交汇·西寨 project by the old town, so put next to each other in 陈州 and the adjoining,
 * peri-urban 小乔), 刘方平行政村 (where 城南 held its observation event). The rest are synthetic,
 * named after places, flowers and civic words, never people. 城北 has the article's 14 large and
 * 82 small grids.
 */
export const DEMO_SUBDISTRICTS: readonly SubdistrictSpec[] = [
  {
    name: '金海路街道办事处',
    placement: 'east',
    communities: [c('金海'), c('荷花'), c('文昌'), c('光明'), c('东苑'), c('滨河')],
  },
  { name: '小乔街道办事处', placement: 'west', communities: [c('小乔'), c('北苑'), c('育新'), v('孙嘴'), v('前营')] },
  {
    name: '陈州街道办事处',
    placement: 'middle',
    communities: [c('朱庄'), c('德化'), c('古城'), c('新华'), c('文化'), c('沙南')],
  },
  {
    name: '城北街道办事处',
    placement: 'north',
    communities: [
      c('北关', [6, 6, 6]),
      c('建设', [6, 6, 5]),
      c('幸福', [6, 6, 6]),
      c('团结', [6, 5, 6]),
      v('后湾', [6, 6]),
    ],
  },
  {
    name: '七一路街道办事处',
    placement: 'middle',
    communities: [c('七一'), c('和平'), c('交通'), c('胜利'), c('友谊')],
  },
  {
    name: '城南街道办事处',
    placement: 'south',
    communities: [c('南关'), c('振兴'), c('锦绣'), v('刘方平'), v('南岗')],
  },
  {
    name: '人和街道办事处',
    placement: 'middle',
    communities: [c('人和'), c('康乐'), c('长青'), c('繁荣'), v('东岗'), v('河湾')],
  },
];

const pad3 = (n: number) => String(n).padStart(3, '0');

/** 12-digit statistical codes, which do not depend on geometry: 社区 001…, 行政村 201…. */
export function subdistrictCode(index: number): string {
  return `${DISTRICT_CODE}${pad3(index + 1)}000`;
}

export function communityCodes(spec: SubdistrictSpec, subCode: string): string[] {
  let community = 0;
  let village = 200;
  return spec.communities.map(
    (cs) => `${subCode.slice(0, 9)}${pad3(cs.kind === 'community' ? ++community : ++village)}`,
  );
}

/** Grid counts for a community the spec leaves open: 2–4 large grids of 2–6 small ones each. */
function gridCounts(cs: CommunitySpec, code: string): number[] {
  if (cs.grids) return cs.grids;
  const rnd = seededRandom(Number(code.slice(6)));
  return Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => 2 + Math.floor(rnd() * 5));
}

/**
 * Assigns the district's seven pieces to the sub-districts: the northernmost to the 'north' one, then
 * the southernmost, westernmost and easternmost; the 'middle' ones take the rest west to east.
 */
function placeSubdistricts(pieces: Geometry[]): Geometry[] {
  const left = pieces.map((g, i) => ({ g, i, c: centroidOf(g) }));
  const take = (score: (p: (typeof left)[number]) => number) => {
    let best = 0;
    for (let k = 1; k < left.length; k++) if (score(left[k]) > score(left[best])) best = k;
    return left.splice(best, 1)[0].g;
  };
  const byPlacement: Record<Exclude<Placement, 'middle'>, Geometry> = {
    north: take((p) => p.c[1]),
    south: take((p) => -p.c[1]),
    west: take((p) => -p.c[0]),
    east: take((p) => p.c[0]),
  };
  const middle = left.sort((a, b) => a.c[0] - b.c[0]).map((p) => p.g);
  return DEMO_SUBDISTRICTS.map((s) => (s.placement === 'middle' ? middle.shift()! : byPlacement[s.placement]));
}

function buildCommunity(cs: CommunitySpec, code: string, geometry: Geometry): DemoUnit {
  const counts = gridCounts(cs, code);
  // Large grids are numbered in reading order; the counts go to them in that order.
  const larges = readingOrder(splitByArea(geometry, counts.length), (g) => g).map((g, li) => ({
    g,
    li,
    small: splitByArea(g, counts[li]),
  }));
  // Small grids are numbered across the whole community, whichever large grid they lie in.
  const smallOrder = readingOrder(
    larges.flatMap((l) => l.small.map((g) => ({ g, li: l.li }))),
    (s) => s.g,
  );
  const smallSeq = new Map(smallOrder.map((s, k) => [s.g, k + 1]));
  const children = larges.map(({ g, li, small }): DemoUnit => {
    const name = `${cs.name}第${li + 1}网格`;
    const ordered = [...small].sort((a, b) => smallSeq.get(a)! - smallSeq.get(b)!);
    return {
      kind: 'grid_large',
      name,
      code: `${code}${pad3(901 + li)}`,
      geometry: g,
      children: ordered.map((sg, k) => ({
        kind: 'grid_small',
        name: `${name}-${k + 1}`,
        code: `${code}${pad3(smallSeq.get(sg)!)}`,
        geometry: sg,
        children: [],
      })),
    };
  });
  return { kind: cs.kind, name: cs.name, code, geometry, children };
}

/**
 * The demo district over a real outline (WGS-84): seven sub-districts, their communities and
 * villages, large and small grids, with synthetic boundaries that tile each parent exactly
 * (recursive equal-area cuts, see splitByArea). Deterministic and pure.
 *
 * Codes: district 411602; sub-district 411602 + 001–007 + 000; community its sub-district's first
 * nine digits + 001… (社区) or 201… (行政村); small grid the community's twelve digits + 001…,
 * numbered west to east, then north to south across the community (GB/T 30428.1); large grid, which
 * the standard does not number, the same prefix + 901…, also in reading order. All codes are unique.
 * Names: 北关社区第1网格 (large), 北关社区第1网格-3 (third small grid of it, in reading order).
 * The district's geometry is the outline cleaned of repeated vertices and zero-width spikes.
 */
export function generateDemoDistrict(outline: Geometry): DemoUnit {
  const district = normaliseGeometry(outline);
  const subGeometries = placeSubdistricts(splitByArea(district, DEMO_SUBDISTRICTS.length));
  const subdistricts = DEMO_SUBDISTRICTS.map((spec, si): DemoUnit => {
    const code = subdistrictCode(si);
    const codes = communityCodes(spec, code);
    const pieces = readingOrder(splitByArea(subGeometries[si], spec.communities.length), (g) => g);
    return {
      kind: 'subdistrict',
      name: spec.name,
      code,
      geometry: subGeometries[si],
      children: spec.communities.map((cs, ci) => buildCommunity(cs, codes[ci], pieces[ci])),
    };
  });
  return { kind: 'district', name: DISTRICT_NAME, code: DISTRICT_CODE, geometry: district, children: subdistricts };
}

/** Every unit of a tree, parents before children. */
export function flattenDemoUnits(root: DemoUnit): DemoUnit[] {
  const out: DemoUnit[] = [];
  const walk = (u: DemoUnit) => {
    out.push(u);
    u.children.forEach(walk);
  };
  walk(root);
  return out;
}
