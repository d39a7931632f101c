import type { BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { orderWestEastNorthSouth, splitEqualArea } from './tiling.js';

export interface DemoUnit {
  kind: 'district' | 'subdistrict' | 'community' | 'village' | 'grid_large' | 'grid_small';
  name: string;
  code: string;
  geometry: BoundaryGeometry;
  children: DemoUnit[];
}

interface CommunitySpec {
  name: string;
  kind: 'community' | 'village';
}

interface SubdistrictSpec {
  name: string;
  communities: CommunitySpec[];
  /** Large grids per community; small grids per large grid. */
  largePerCommunity: number[];
  smallPerLarge: number[];
}

const c = (name: string): CommunitySpec => ({ name, kind: 'community' });
const v = (name: string): CommunitySpec => ({ name, kind: 'village' });

/** Repeats `counts` cyclically to cover `n` items. */
const cycle = (counts: number[], n: number) => Array.from({ length: n }, (_, i) => counts[i % counts.length]);

/**
 * The seven sub-districts of the seed, west to east roughly as on the map; the communities and
 * villages the seed names (朱庄社区, 德化社区, 孙嘴行政村, 刘方平行政村) plus synthetic ones named after
 * places and virtues, never people. 城北 has the seed's 14 large and 82 small grids.
 */
export const SUBDISTRICTS: SubdistrictSpec[] = [
  { name: '金海路街道办事处', communities: [c('金海社区'), c('文昌社区'), c('荷花社区'), v('孙嘴行政村')], largePerCommunity: [3, 2], smallPerLarge: [3, 4] },
  { name: '小乔街道办事处', communities: [c('德化社区'), c('小乔社区'), c('育新社区'), c('新华社区')], largePerCommunity: [2, 3], smallPerLarge: [4, 3] },
  { name: '陈州街道办事处', communities: [c('陈州社区'), c('关帝庙社区'), c('沙南社区'), c('古城社区')], largePerCommunity: [3], smallPerLarge: [3, 4] },
  {
    name: '城北街道办事处',
    communities: [c('朱庄社区'), c('北关社区'), c('建设社区'), c('光明社区'), v('刘方平行政村')],
    largePerCommunity: [3, 3, 3, 3, 2],
    smallPerLarge: [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5],
  },
  { name: '七一路街道办事处', communities: [c('七一社区'), c('五一社区'), c('交通社区'), c('和平社区')], largePerCommunity: [2, 3], smallPerLarge: [4] },
  { name: '城南街道办事处', communities: [c('南关社区'), c('太昊社区'), c('莲花社区'), v('前进行政村'), v('大庆行政村')], largePerCommunity: [2], smallPerLarge: [3, 4] },
  { name: '人和街道办事处', communities: [c('人和社区'), c('许湾社区'), v('新民行政村'), v('东风行政村')], largePerCommunity: [2, 3], smallPerLarge: [3, 3, 4] },
];

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * Builds the demo tree over the district outline (WGS-84). Codes: sub-districts 411602 + 001–007 +
 * 000 (statistical division code, 街道 range 001–099); communities the sub-district's first nine
 * digits + 001… (社区) or 201… (行政村); small grids the community's twelve digits + a 3-digit
 * sequence numbered west to east, then north to south (GB/T 30428.1); large grids, which the
 * standard does not number, take the same prefix with 901….
 */
export function buildDemoTree(districtCode: string, districtName: string, outline: BoundaryGeometry): DemoUnit {
  const subPieces = orderWestEastNorthSouth(splitEqualArea(outline, SUBDISTRICTS.length).map((geometry) => ({ geometry })));
  const subdistricts = SUBDISTRICTS.map((spec, si): DemoUnit => {
    const subCode = `${districtCode}${pad3(si + 1)}000`;
    const comPieces = orderWestEastNorthSouth(splitEqualArea(subPieces[si].geometry, spec.communities.length).map((geometry) => ({ geometry })));
    const largeCounts = cycle(spec.largePerCommunity, spec.communities.length);
    let communitySeq = 0;
    let villageSeq = 200;
    let largeIndex = 0;
    const communities = spec.communities.map((cs, ci): DemoUnit => {
      const comCode = `${subCode.slice(0, 9)}${pad3(cs.kind === 'community' ? ++communitySeq : ++villageSeq)}`;
      const nLarge = largeCounts[ci];
      const smallCounts = Array.from({ length: nLarge }, () => spec.smallPerLarge[largeIndex++ % spec.smallPerLarge.length]);
      const largePieces = orderWestEastNorthSouth(splitEqualArea(comPieces[ci].geometry, nLarge).map((geometry) => ({ geometry })));
      // Small grids are numbered across the whole community, so split first, then number in one order.
      const small = largePieces.flatMap((lp, li) => splitEqualArea(lp.geometry, smallCounts[li]).map((geometry) => ({ geometry, li })));
      const ordered = orderWestEastNorthSouth(small);
      const smallByLarge = largePieces.map(() => [] as DemoUnit[]);
      ordered.forEach((s, k) => {
        smallByLarge[s.li].push({ kind: 'grid_small', name: '', code: `${comCode}${pad3(k + 1)}`, geometry: s.geometry, children: [] });
      });
      const larges = largePieces.map((lp, li): DemoUnit => {
        const name = `${cs.name}第${li + 1}网格`;
        const children = smallByLarge[li]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((s, k) => ({ ...s, name: `${name}-${k + 1}` }));
        return { kind: 'grid_large', name, code: `${comCode}${pad3(901 + li)}`, geometry: lp.geometry, children };
      });
      return { kind: cs.kind, name: cs.name, code: comCode, geometry: comPieces[ci].geometry, children: larges };
    });
    return { kind: 'subdistrict', name: spec.name, code: subCode, geometry: subPieces[si].geometry, children: communities };
  });
  return { kind: 'district', name: districtName, code: districtCode, geometry: outline, children: subdistricts };
}

export const DEMO_DEPARTMENTS = [
  '川汇区委办公室', '川汇区委督查室', '川汇区城市管理局', '川汇区住房和城乡建设局', '周口市生态环境局川汇分局', '川汇区自然资源局',
  '川汇区卫生健康委员会', '周口市公安局川汇分局', '川汇区交通运输局', '川汇区市场监督管理局', '川汇区农业农村局', '川汇区民政局',
  '政协川汇区委员会',
].map((name) => ({ name }));

export const DEMO_OUTSIDE_UNITS = [
  '周口电信川汇分公司', '中国联通周口市分公司', '中国移动周口分公司', '国网周口供电公司', '周口市供水有限公司', '周口广电网络公司',
].map((name) => ({ name }));
