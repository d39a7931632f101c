import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import '../../app/modules';
import { visibleNav } from '../../app/nav';
import { findingsOf } from './components/ChecklistFields';
import { untilOf } from './components/ClosureModals';
import { inspectionQueryOf, inspectionSummary } from './pages/VenueInspectionsPage';

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

describe('the inspections page’s address', () => {
  const today = dayjs('2026-12-07');
  it('reads the dashboard link’s unit, days and result, keeping an unknown result out', () => {
    const p = new URLSearchParams('unitId=u1&from=2026-11-30&to=2026-12-01&result=fail');
    expect(inspectionQueryOf(p, today)).toEqual({ unitId: 'u1', from: '2026-11-30', to: '2026-12-01', result: 'fail' });
    expect(inspectionQueryOf(new URLSearchParams('result=na'), today).result).toBeUndefined();
  });
  it('opens on this month so far without a period', () => {
    expect(inspectionQueryOf(new URLSearchParams(), today)).toMatchObject({ from: '2026-12-01', to: '2026-12-07' });
  });
  it('states the rate’s two counts, with the rate only when something was checked', () => {
    expect(inspectionSummary(4, 2)).toBe('共 4 次检查，合格 2 次（合格率 50.0%）');
    expect(inspectionSummary(0, 0)).toBe('共 0 次检查，合格 0 次');
  });
});
