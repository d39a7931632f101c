import { describe, expect, it } from 'vitest';
import { demoCppcc, demoDepartments, demoOutsideUnits, demoPartyBranches } from './demo-directory.js';
import { DEMO_SUBDISTRICTS } from './demo-district.js';

describe('demo directory', () => {
  it('lists the district departments and outside units cases go to', () => {
    const short = demoDepartments.map((d) => d.shortName);
    for (const s of [
      '城管局',
      '住建局',
      '生态环境分局',
      '自然资源局',
      '卫健委',
      '公安分局',
      '交通运输局',
      '市场监管局',
    ])
      expect(short).toContain(s);
    expect(demoDepartments.find((d) => d.shortName === '城管局')!.name).toBe('川汇区城市管理局');
    expect(demoOutsideUnits.map((u) => u.shortName)).toEqual(
      expect.arrayContaining(['电信', '联通', '移动', '供电', '供水']),
    );
    expect(demoCppcc).toMatchObject({ kind: 'cppcc', name: '政协川汇区委员会' });
    const names = [...demoDepartments, ...demoOutsideUnits, demoCppcc].map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has one party branch per community or village, under its 12-digit code', () => {
    const count = DEMO_SUBDISTRICTS.reduce((a, s) => a + s.communities.length, 0);
    expect(demoPartyBranches).toHaveLength(count);
    expect(new Set(demoPartyBranches.map((b) => b.parentCode)).size).toBe(count);
    for (const b of demoPartyBranches) expect(b.parentCode).toMatch(/^411602\d{6}$/);
    expect(demoPartyBranches.map((b) => b.name)).toEqual(
      expect.arrayContaining(['朱庄社区党支部', '孙嘴村党支部', '刘方平村党支部']),
    );
  });
});
