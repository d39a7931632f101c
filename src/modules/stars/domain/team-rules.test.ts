import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridOutside, memberProblems, type MemberFacts } from './team-rules.js';

describe('team members', () => {
  it('takes each cadre, unit and volunteer once', () => {
    const members: MemberFacts[] = [
      { kind: 'account', accountId: 'a1' },
      { kind: 'unit', unitId: 'u1' },
      { kind: 'volunteer', name: '王芳', phone: '13900000001' },
      { kind: 'volunteer', name: '王芳', phone: '13900000002' },
      { kind: 'account', accountId: 'a1' },
      { kind: 'unit', unitId: 'u1' },
      { kind: 'volunteer', name: ' 王芳', phone: '13900000001' },
    ];
    expect(memberProblems(members, []).map((p) => p.field)).toEqual([
      'members[4].accountId',
      'members[5].unitId',
      'members[6].name',
    ]);
  });

  it('keeps a member’s grid to the team’s grids, and lists each grid once', () => {
    expect(
      memberProblems(
        [
          { kind: 'volunteer', name: '甲', gridId: 'g1' },
          { kind: 'volunteer', name: '乙', gridId: 'g3' },
        ],
        ['g1', 'g2', 'g1'],
      ).map((p) => [p.field, p.code]),
    ).toEqual([
      ['members[1].gridId', 'team.member_grid_not_covered'],
      ['gridIds[2]', 'team.grid_repeated'],
    ]);
  });

  it('reports exactly the repeats, for any list of volunteers on covered grids', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('甲', '乙', '丙', ' 甲', '丁'), { maxLength: 20 }), (names) => {
        const grids = ['g1', 'g2'];
        const members = names.map((n, i): MemberFacts => ({ kind: 'volunteer', name: n, gridId: grids[i % 2] }));
        const repeats = names.filter((n, i) => names.slice(0, i).some((x) => x.trim() === n.trim())).length;
        expect(memberProblems(members, grids)).toHaveLength(repeats);
      }),
    );
  });

  it('places a grid under a community, never the community itself', () => {
    expect(gridOutside('/d/s/c/g/', ['/d/s/c/'])).toBe(false);
    expect(gridOutside('/d/s/c/', ['/d/s/c/'])).toBe(true);
    expect(gridOutside('/d/s/n/g/', ['/d/s/c/'])).toBe(true);
  });
});
