import path from 'node:path';
import polygonClipping from 'polygon-clipping';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenDemoUnits, generateDemoDistrict, type DemoUnit } from './demo-district.js';
import { bboxOf, planarArea, polygonsOf, type BBox, type Geometry, type Position } from './demo-geometry.js';
import { seededRandom } from '../../../kernel/demo/synthetic-names.js';
import { loadOutline } from './load-outline.js';

const OUTLINE_FILE = path.resolve('assets/geo/chuanhui-411602.geojson');

/** Even–odd ray casting over every ring: the test's own point-in-polygon, independent of the generator. */
function contains(g: Geometry, x: number, y: number): boolean {
  let inside = false;
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const asClip = (g: Geometry) => g.coordinates as polygonClipping.Polygon | polygonClipping.MultiPolygon;
const areaOfClipped = (mp: Position[][][]) =>
  mp.reduce((a, p) => a + planarArea({ type: 'Polygon', coordinates: p }), 0);

describe('generateDemoDistrict', () => {
  let outline: Geometry;
  let district: DemoUnit;
  let all: DemoUnit[];
  let ms: number;
  const byName = (name: string) => all.find((u) => u.name === name)!;
  const of = (u: DemoUnit, kind: DemoUnit['kind']) => flattenDemoUnits(u).filter((x) => x.kind === kind);

  beforeAll(() => {
    outline = loadOutline(OUTLINE_FILE);
    generateDemoDistrict(outline); // warm-up, so the timing below is the generator's, not the JIT's
    const t0 = performance.now();
    district = generateDemoDistrict(outline);
    ms = performance.now() - t0;
    all = flattenDemoUnits(district);
  });

  it('is fast and deterministic', () => {
    expect(ms).toBeLessThan(2000);
    expect(JSON.stringify(generateDemoDistrict(outline))).toBe(JSON.stringify(district));
  });

  it('has 川汇区 and the seven sub-districts of the seed with statistical codes', () => {
    expect([district.kind, district.name, district.code]).toEqual(['district', '川汇区', '411602']);
    expect(district.children.map((s) => s.name)).toEqual([
      '金海路街道办事处',
      '小乔街道办事处',
      '陈州街道办事处',
      '城北街道办事处',
      '七一路街道办事处',
      '城南街道办事处',
      '人和街道办事处',
    ]);
    for (const s of district.children) {
      expect(s.kind).toBe('subdistrict');
      expect(s.code).toMatch(/^411602(0\d\d)000$/);
      expect(Number(s.code.slice(6, 9))).toBeGreaterThanOrEqual(1);
      expect(s.children.length).toBeGreaterThanOrEqual(3);
      expect(s.children.length).toBeLessThanOrEqual(8);
    }
  });

  it('places the communities and villages the seed names', () => {
    const parentOf = (name: string) => district.children.find((s) => s.children.some((c) => c.name === name))?.name;
    expect(parentOf('刘方平行政村')).toBe('城南街道办事处');
    for (const n of ['朱庄社区', '德化社区', '孙嘴行政村']) expect(parentOf(n)).toBeDefined();
    expect(byName('孙嘴行政村').kind).toBe('village');
  });

  it('gives 城北 the seed’s 14 large and 82 small grids', () => {
    const chengbei = byName('城北街道办事处');
    expect(of(chengbei, 'grid_large')).toHaveLength(14);
    expect(of(chengbei, 'grid_small')).toHaveLength(82);
  });

  it('gives every unit a unique code of the right length under its parent’s prefix', () => {
    const codes = all.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of district.children) {
      for (const c of s.children) {
        expect(c.code).toMatch(new RegExp(`^${s.code.slice(0, 9)}\\d{3}$`));
        const seq = Number(c.code.slice(9));
        if (c.kind === 'community') expect(seq).toBeLessThan(200);
        else expect(seq).toBeGreaterThan(200);
        const small = of(c, 'grid_small');
        // Small grids are numbered 001… without gaps across the community; large grids 901….
        expect(small.map((g) => g.code).sort()).toEqual(
          small.map((_, k) => `${c.code}${String(k + 1).padStart(3, '0')}`),
        );
        c.children.forEach((l, li) => {
          expect(l.kind).toBe('grid_large');
          expect(l.code).toBe(`${c.code}${901 + li}`);
          expect(l.name).toBe(`${c.name}第${li + 1}网格`);
          expect(l.children.length).toBeGreaterThanOrEqual(2);
          expect(l.children.length).toBeLessThanOrEqual(6);
          l.children.forEach((g, gi) => expect(g.name).toBe(`${l.name}-${gi + 1}`));
        });
      }
    }
  });

  it('numbers the small grids of a community west to east, then north to south', () => {
    // Rows from the north: every grid numbered after another lies south of that one's northern edge.
    for (const c of all.filter((u) => u.kind === 'community' || u.kind === 'village')) {
      const small = of(c, 'grid_small').sort((a, b) => a.code.localeCompare(b.code));
      const first = bboxOf(small[0].geometry);
      const last = bboxOf(small[small.length - 1].geometry);
      expect(first[3]).toBeGreaterThan(last[1]);
    }
  });

  it('tiles every parent by its children: the areas add up', () => {
    for (const u of all) {
      if (!u.children.length) continue;
      const parent = planarArea(u.geometry);
      const sum = u.children.reduce((a, c) => a + planarArea(c.geometry), 0);
      expect(Math.abs(sum - parent) / parent, u.name).toBeLessThan(1e-9);
    }
    const outlineArea = Math.abs(planarArea(outline));
    expect(Math.abs(planarArea(district.geometry) - outlineArea) / outlineArea).toBeLessThan(1e-9);
  });

  it('leaves siblings overlapping by no area (a sample of every level)', () => {
    const families = [
      district.children,
      byName('城北街道办事处').children,
      byName('陈州街道办事处').children,
      byName('北关社区').children,
      of(byName('北关社区'), 'grid_small'),
      of(byName('朱庄社区'), 'grid_small'),
    ];
    for (const siblings of families) {
      const boxes = siblings.map((s) => bboxOf(s.geometry));
      const total = siblings.reduce((a, s) => a + planarArea(s.geometry), 0);
      for (let i = 0; i < siblings.length; i++) {
        for (let j = i + 1; j < siblings.length; j++) {
          if (!overlaps(boxes[i], boxes[j])) continue;
          const common = polygonClipping.intersection(asClip(siblings[i].geometry), asClip(siblings[j].geometry));
          expect(areaOfClipped(common) / total, `${siblings[i].name} ∩ ${siblings[j].name}`).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('makes neighbours share their vertices exactly: every cut vertex belongs to two grids or more', () => {
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const onOutline = new Set(polygonsOf(district.geometry).flat(2).map(key));
    const owners = new Map<string, number>();
    for (const g of all.filter((u) => u.kind === 'grid_small')) {
      const own = new Set(polygonsOf(g.geometry).flat(2).map(key));
      for (const k of own) owners.set(k, (owners.get(k) ?? 0) + 1);
    }
    const lonely = [...owners].filter(([k, n]) => n < 2 && !onOutline.has(k)).map(([k]) => k);
    expect(lonely).toEqual([]);
  });

  it('puts each of 10,000 random points inside the outline in exactly one small grid', () => {
    const small = all.filter((u) => u.kind === 'grid_small').map((g) => ({ g: g.geometry, b: bboxOf(g.geometry) }));
    const [x0, y0, x1, y1] = bboxOf(outline);
    const rnd = seededRandom(20260806);
    let inside = 0;
    let outside = 0;
    while (inside < 10_000) {
      const x = x0 + rnd() * (x1 - x0);
      const y = y0 + rnd() * (y1 - y0);
      let hits = 0;
      for (const s of small)
        if (x >= s.b[0] && x <= s.b[2] && y >= s.b[1] && y <= s.b[3] && contains(s.g, x, y)) hits++;
      if (contains(outline, x, y)) {
        inside++;
        if (hits !== 1) expect(hits, `${x},${y}`).toBe(1);
      } else {
        outside++;
        if (hits !== 0) expect(hits, `${x},${y}`).toBe(0);
      }
    }
    expect(outside).toBeGreaterThan(0);
  });
});
