import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointInGeometry } from '../../../kernel/geo/point-in-polygon.js';
import { loadDemoSource, type DemoUnit } from './demo-source.js';
import { SEED_PERSON_NAMES, syntheticPeople } from './synthetic-people.js';
import { bboxOf, planarArea } from './tiling.js';

function walk(u: DemoUnit, out: DemoUnit[] = []): DemoUnit[] {
  out.push(u);
  for (const c of u.children) walk(c, out);
  return out;
}

describe('demo district', () => {
  let district: DemoUnit;
  let all: DemoUnit[];
  beforeAll(() => {
    district = loadDemoSource(path.resolve('assets/geo/chuanhui-411602.geojson')).district;
    all = walk(district);
  });

  it('has the seven sub-districts of the seed with 12-digit statistical codes', () => {
    expect(district.children.map((s) => s.name)).toEqual([
      '金海路街道办事处', '小乔街道办事处', '陈州街道办事处', '城北街道办事处', '七一路街道办事处', '城南街道办事处', '人和街道办事处',
    ]);
    for (const s of district.children) expect(s.code).toMatch(/^411602(00[1-9])000$/);
  });

  it('gives 城北 the seed’s 14 large and 82 small grids', () => {
    const chengbei = walk(district.children.find((s) => s.name === '城北街道办事处')!);
    expect(chengbei.filter((u) => u.kind === 'grid_large')).toHaveLength(14);
    expect(chengbei.filter((u) => u.kind === 'grid_small')).toHaveLength(82);
  });

  it('names the seed’s communities and villages', () => {
    const names = all.map((u) => u.name);
    for (const n of ['朱庄社区', '德化社区', '孙嘴行政村', '刘方平行政村']) expect(names).toContain(n);
  });

  it('gives every unit a unique code of the right length under its parent’s prefix', () => {
    const codes = all.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    const check = (u: DemoUnit) => {
      for (const c of u.children) {
        if (c.kind === 'community' || c.kind === 'village') expect(c.code).toMatch(new RegExp(`^${u.code.slice(0, 9)}\\d{3}$`));
        if (c.kind === 'grid_large') expect(c.code).toMatch(new RegExp(`^${u.code}9\\d{2}$`));
        if (c.kind === 'grid_small') expect(c.code.slice(0, 12)).toBe(u.code.slice(0, 12));
        check(c);
      }
    };
    check(district);
    for (const u of all) if (u.kind === 'village') expect(Number(u.code.slice(9))).toBeGreaterThanOrEqual(200);
  });

  it('tiles every parent by its children: the areas add up', () => {
    for (const u of all) {
      if (!u.children.length) continue;
      const sum = u.children.reduce((a, c) => a + planarArea(c.geometry), 0);
      expect(Math.abs(sum - planarArea(u.geometry)) / planarArea(u.geometry)).toBeLessThan(1e-9);
    }
  });

  it('puts every point inside the district in exactly one small grid', () => {
    const small = all.filter((u) => u.kind === 'grid_small');
    const [x0, y0, x1, y1] = bboxOf(district.geometry);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let inside = 0;
    for (let i = 0; i < 3000; i++) {
      const x = x0 + rnd() * (x1 - x0);
      const y = y0 + rnd() * (y1 - y0);
      const hits = small.filter((g) => pointInGeometry(g.geometry, x, y)).length;
      if (pointInGeometry(district.geometry, x, y)) {
        inside++;
        expect(hits).toBe(1);
      } else {
        expect(hits).toBe(0);
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });

  it('never uses the name of a person from the seed', () => {
    const gen = syntheticPeople();
    const names = Array.from({ length: 2000 }, () => gen.next().name);
    for (const n of SEED_PERSON_NAMES) expect(names).not.toContain(n);
    const seedDir = path.resolve('../shared/seed');
    if (fs.existsSync(seedDir)) {
      const text = fs.readdirSync(seedDir).map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8')).join('\n');
      // The demo uses the default generator without the article at hand: its names must not occur in it either.
      for (const n of names) expect(text.includes(n), n).toBe(false);
    }
  });

  it('makes synthetic mobile numbers', () => {
    const gen = syntheticPeople();
    for (let i = 0; i < 100; i++) expect(gen.next().phone).toMatch(/^1[3-9]\d{9}$/);
  });
});
