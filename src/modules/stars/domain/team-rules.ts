import type { FieldProblem } from '../../../kernel/errors.js';

// The pure rules of an action team's members (聚力团, issue 14 item 3): a cadre, a 包联 unit or a
// volunteer appears once, and a member's grid is one the team covers.

export interface MemberFacts {
  kind: 'account' | 'unit' | 'volunteer';
  accountId?: string | null;
  unitId?: string | null;
  name?: string | null;
  phone?: string | null;
  gridId?: string | null;
}

const identity = (m: MemberFacts): [string, string] =>
  m.kind === 'account'
    ? ['accountId', `a:${m.accountId}`]
    : m.kind === 'unit'
      ? ['unitId', `u:${m.unitId}`]
      : ['name', `v:${(m.name ?? '').trim()}|${m.phone ?? ''}`];

export function memberProblems(members: readonly MemberFacts[], gridIds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const [field, id] = identity(m);
    if (seen.has(id))
      problems.push({ field: `members[${i}].${field}`, code: 'team.member_repeated', message: 'member listed twice' });
    seen.add(id);
    if (m.gridId && !gridIds.includes(m.gridId))
      problems.push({
        field: `members[${i}].gridId`,
        code: 'team.member_grid_not_covered',
        message: 'the member’s grid is not one the team covers',
      });
  });
  gridIds.forEach((g, i) => {
    if (gridIds.indexOf(g) !== i)
      problems.push({ field: `gridIds[${i}]`, code: 'team.grid_repeated', message: 'grid listed twice' });
  });
  return problems;
}

/** A grid lies under one of the team's branches' communities or villages. */
export function gridOutside(gridPath: string, communityPaths: readonly string[]): boolean {
  return !communityPaths.some((p) => gridPath.startsWith(p) && gridPath !== p);
}
