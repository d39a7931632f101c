import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLE_CODES, type RoleCode } from '../../../kernel/auth/roles.js';
import { canKeepPlan, canKeepTeam, canSeeBranch, canSeeTeam } from './plan-access.js';

// Paths: district /d/, 街道 /d/s/, community /d/s/c/, its branch /d/s/c/b/, a neighbour's branch /d/s/n/b2/.
const B = '/d/s/c/b/';
const B2 = '/d/s/n/b2/';
const actor = (role: RoleCode, scopePath: string) => ({ permissions: new Set(permissionsOf([role])), scopePath });

/** Written by hand from issue 14 and SPEC §1: [role, scope] → see, keep plan, keep own team, keep team across. */
const EXPECTED: [RoleCode, string, boolean, boolean, boolean, boolean][] = [
  ['admin', '/d/', true, true, true, true],
  ['district_leader', '/d/', true, false, false, false],
  ['supervision_office', '/d/', true, false, false, false],
  ['subdistrict_staff', '/d/s/', true, false, true, true],
  ['community_worker', '/d/s/c/', true, true, true, false],
  ['grid_worker', '/d/s/c/g/', false, false, false, false],
  ['unit_handler', '/d/x/', false, false, false, false],
  ['volunteer', '/d/s/c/', false, false, false, false],
];

describe('battle map and team policy', () => {
  it('covers the roles that matter', () => {
    for (const [r] of EXPECTED) expect(ROLE_CODES).toContain(r);
  });
  it.each(EXPECTED)('%s at %s', (role, scope, see, keepPlan, keepOwnTeam, keepAcross) => {
    const a = actor(role, scope);
    expect(canSeeBranch(a, B)).toBe(see);
    expect(canSeeTeam(a, [B2, B])).toBe(see);
    expect(canKeepPlan(a, B)).toBe(keepPlan);
    expect(canKeepTeam(a, [B])).toBe(keepOwnTeam);
    // Across 街道 /d/s/: both branches lie in the 街道's scope, not in the community's.
    expect(canKeepTeam(a, [B, B2])).toBe(keepAcross);
  });
  it('refuses everything outside the scope', () => {
    const other = actor('community_worker', '/d/s/n/');
    expect(canSeeBranch(other, B)).toBe(false);
    expect(canKeepPlan(other, B)).toBe(false);
    expect(canKeepTeam(other, [B])).toBe(false);
    expect(canKeepTeam(actor('subdistrict_staff', '/d/t/'), [B])).toBe(false);
    expect(canKeepTeam(actor('admin', '/d/'), [])).toBe(false);
  });
});
