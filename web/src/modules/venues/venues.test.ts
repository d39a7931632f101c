import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import '../../app/modules';
import { visibleNav } from '../../app/nav';
import { findingsOf } from './components/ChecklistFields';
import { untilOf } from './components/ClosureModals';

const menu = (role: string, permissions: string[]) => visibleNav({ permissions, roles: [role] }).map((n) => n.key);

describe('the 场所管理 menu entry', () => {
  it('is offered to the office roles that read venues, not to the grid worker (who checks them on the phone)', () => {
    for (const role of ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'])
      expect(menu(role, ['venue.read']), role).toContain('venues');
    expect(menu('grid_worker', ['venue.read', 'venue.inspect'])).not.toContain('venues');
    expect(menu('unit_handler', ['case.read'])).not.toContain('venues');
  });
});

describe('the closure form’s last day', () => {
  it('counts the first day, like the server', () => {
    expect(untilOf(dayjs('2026-12-07'), 7)).toBe('2026-12-13');
    expect(untilOf(dayjs('2026-12-28'), 10)).toBe('2027-01-06');
    expect(untilOf(dayjs('2026-12-07'), 0)).toBeNull();
    expect(untilOf(undefined, 3)).toBeNull();
  });
});

describe('the findings a form sends', () => {
  const checklist = [{ code: 'scan' }, { code: 'mask' }];
  it('waits until every item is ticked, then lists them in the checklist’s order', () => {
    expect(findingsOf(checklist, { scan: 'pass' })).toBeNull();
    expect(findingsOf(checklist, { mask: 'na', scan: 'fail' })).toEqual([
      { code: 'scan', result: 'fail' },
      { code: 'mask', result: 'na' },
    ]);
  });
});
