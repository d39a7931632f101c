import { describe, expect, it } from 'vitest';
import type { RoleCode } from '../modules/auth/api';
import { landingPath } from './landing';

const as = (...roles: RoleCode[]) => ({ roles });

describe('where an account lands after login', () => {
  it('lands each role on its phone page on a phone', () => {
    expect(landingPath(as('grid_worker'), '/', true)).toBe('/m');
    expect(landingPath(as('unit_handler'), '/', true)).toBe('/m/crew');
    expect(landingPath(as('police_officer'), '/', true)).toBe('/m/followups');
    expect(landingPath(as('doctor'), '/', true)).toBe('/m/followups');
  });

  it('keeps office roles on the console home, on a phone too', () => {
    for (const r of [
      'admin',
      'district_leader',
      'supervision_office',
      'subdistrict_staff',
      'community_worker',
    ] as const)
      expect(landingPath(as(r), '/', true)).toBe('/');
  });

  it('lands everyone on the console home at a desk', () => {
    expect(landingPath(as('grid_worker'), '/', false)).toBe('/');
    expect(landingPath(as('unit_handler'), '/', false)).toBe('/');
  });

  it('follows the link the user came from', () => {
    expect(landingPath(as('unit_handler'), '/cases/abc', true)).toBe('/cases/abc');
    expect(landingPath(as('grid_worker'), '/m/verify', false)).toBe('/m/verify');
  });
});
