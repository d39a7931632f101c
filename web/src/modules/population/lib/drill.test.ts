import { describe, expect, it } from 'vitest';
import { currentUnit, drillInto, drillUp, nameTop, startDrill } from './drill';

const chengbei = { id: 'u-cb', name: '城北街道', kind: 'subdistrict' };
const dehua = { id: 'u-dh', name: '德化社区', kind: 'community' };
const grid3 = { id: 'u-g3', name: '德化三网格', kind: 'grid_small' };
const big = { id: 'u-b1', name: '德化一大网格', kind: 'grid_large' };

describe('coverage drill-down', () => {
  it("starts at the reader's own scope", () => {
    const s = startDrill('本级');
    expect(currentUnit(s)).toBeUndefined();
    expect(s.grid).toBeNull();
  });

  it('goes down from sub-district to community and asks for each', () => {
    let s = drillInto(startDrill('川汇区'), chengbei);
    expect(currentUnit(s)).toBe('u-cb');
    s = drillInto(s, dehua);
    expect(currentUnit(s)).toBe('u-dh');
    expect(s.path.map((p) => p.name)).toEqual(['川汇区', '城北街道', '德化社区']);
  });

  it('picks a small grid for its gaps instead of going below it', () => {
    const s = drillInto(drillInto(drillInto(startDrill('川汇区'), chengbei), dehua), grid3);
    expect(currentUnit(s)).toBe('u-dh');
    expect(s.grid).toEqual(grid3);
  });

  it('goes down into a large grid, which has small grids below', () => {
    const s = drillInto(drillInto(startDrill('德化社区'), big), grid3);
    expect(currentUnit(s)).toBe('u-b1');
    expect(s.grid?.id).toBe('u-g3');
  });

  it('goes back up to a breadcrumb and forgets the picked grid', () => {
    const deep = drillInto(drillInto(drillInto(startDrill('川汇区'), chengbei), dehua), grid3);
    const up = drillUp(deep, 0);
    expect(currentUnit(up)).toBeUndefined();
    expect(up.path).toHaveLength(1);
    expect(up.grid).toBeNull();
    const mid = drillUp(deep, 1);
    expect(currentUnit(mid)).toBe('u-cb');
  });

  it('stays put on the last breadcrumb or an index out of range', () => {
    const s = drillInto(startDrill('川汇区'), chengbei);
    expect(drillUp(s, 1)).toBe(s);
    expect(drillUp(s, 5)).toBe(s);
    expect(drillUp(s, -1)).toBe(s);
  });

  it('names the top once the report says what the scope is', () => {
    const s = nameTop(drillInto(startDrill('本级'), chengbei), '川汇区');
    expect(s.path.map((p) => p.name)).toEqual(['川汇区', '城北街道']);
    expect(nameTop(s, '川汇区')).toBe(s);
  });
});
