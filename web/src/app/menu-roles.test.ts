import { describe, expect, it } from 'vitest';
import type { RoleCode } from '../../../src/contracts/org';
import './modules';
import { visibleNav } from './nav';

// What each role holds, as README and SPEC §1 describe the roles (only the permissions menus ask for).
const holds: Partial<Record<RoleCode, string[]>> = {
  district_leader: [
    'unit.read',
    'person.read',
    'audit.read',
    'case.read',
    'report.read',
    'task.read',
    'proposal.read',
    'resident.read',
    'venue.read',
    'measure.read',
    'screening.read',
    'farmland.read',
    'farmland.approve',
    'board.read',
    'patrol.read',
    'duty.read',
    'campaign.read',
    'indicator.read',
    'star.read',
    'star.rate',
  ],
  subdistrict_staff: ['unit.read', 'case.read', 'report.read', 'task.read', 'star.read', 'star.review'],
  community_worker: [
    'unit.read',
    'person.read',
    'case.read',
    'case.report',
    'report.read',
    'task.read',
    'resident.read',
    'doorknock.manage',
    'venue.read',
    'measure.read',
    'measure.manage',
    'followup.record',
    'screening.read',
    'farmland.read',
    'board.read',
    'board.write',
    'patrol.read',
    'patrol.record',
    'duty.read',
    'duty.write',
    'campaign.read',
    'campaign.manage',
    'indicator.read',
    'indicator.enter',
    'star.read',
    'star.report',
  ],
  grid_worker: [
    'unit.read',
    'person.read',
    'case.read',
    'case.report',
    'report.read',
    'resident.read',
    'venue.read',
    'screening.read',
    'patrol.read',
    'patrol.record',
    'campaign.read',
    'indicator.read',
    'indicator.enter',
  ],
  democratic_supervisor: ['unit.read', 'case.read', 'task.read', 'proposal.read'],
  unit_handler: ['unit.read', 'case.read', 'task.read', 'proposal.read', 'campaign.read', 'indicator.enter'],
  police_officer: ['unit.read', 'measure.read', 'followup.record'],
  doctor: ['unit.read', 'measure.read', 'followup.record'],
};
const menu = (role: RoleCode) => visibleNav({ permissions: holds[role]!, roles: [role] }).map((n) => n.key);

describe('menus by role', () => {
  it('offers the 五星支部 pages to the district, the 街道 and the community, and the star sets to the offices only', () => {
    const work = [
      'star-branches',
      'star-teams',
      'star-weekly',
      'star-observations',
      'star-rating',
      'star-ranking',
      'star-held',
    ];
    for (const role of ['district_leader', 'subdistrict_staff', 'community_worker'] as const)
      expect(menu(role)).toEqual(expect.arrayContaining(work));
    for (const role of ['grid_worker', 'unit_handler', 'democratic_supervisor', 'police_officer'] as const)
      for (const key of [...work, 'star-sets']) expect(menu(role)).not.toContain(key);
    expect(menu('subdistrict_staff')).toContain('star-sets');
    expect(menu('community_worker')).not.toContain('star-sets');
  });

  it('offers 耕地保护, 宣传阵地, 巡查记录 and 巡查覆盖 to the district and the community, not to the grid worker (who patrols on the phone) or a unit', () => {
    for (const key of ['farmland', 'boards', 'patrols', 'patrol-coverage']) {
      expect(menu('district_leader')).toContain(key);
      expect(menu('community_worker')).toContain(key);
      expect(menu('grid_worker')).not.toContain(key);
      expect(menu('unit_handler')).not.toContain(key);
      expect(menu('democratic_supervisor')).not.toContain(key);
    }
  });

  it('offers campaigns, indicators, targets and 工作成效 to the offices and the community; a 包联 unit only its campaigns', () => {
    for (const key of ['campaigns', 'indicators', 'indicator-targets', 'achievements']) {
      expect(menu('district_leader')).toContain(key);
      expect(menu('community_worker')).toContain(key);
      // The grid worker enters from the phone (录入工作量).
      expect(menu('grid_worker')).not.toContain(key);
      expect(menu('democratic_supervisor')).not.toContain(key);
    }
    expect(menu('unit_handler')).toContain('campaigns');
    expect(menu('unit_handler')).not.toContain('achievements');
  });

  it('offers 领导视图 to a 区领导 and not to a 社区工作者 or a unit', () => {
    expect(menu('district_leader')).toContain('supervision-leader');
    expect(menu('community_worker')).not.toContain('supervision-leader');
    expect(menu('unit_handler')).not.toContain('supervision-leader');
  });

  it('offers a 民主监督员 no ledger, 对账销号, 统计分析 or 考核排名, but the proposals', () => {
    const m = menu('democratic_supervisor');
    for (const key of ['cases', 'case-reconcile', 'case-kpis', 'supervision-assessment']) expect(m).not.toContain(key);
    expect(m).toContain('proposals');
  });

  it('offers a 网格员 the ledger but no 人员管理', () => {
    expect(menu('grid_worker')).toContain('cases');
    expect(menu('grid_worker')).not.toContain('people');
    expect(menu('community_worker')).toContain('people');
  });

  it('offers people, door-knocking and venues to the offices and the community; the grid worker does them on the phone', () => {
    for (const key of ['population', 'door-knocking', 'venues']) {
      expect(menu('community_worker')).toContain(key);
      expect(menu('district_leader')).toContain(key);
      expect(menu('grid_worker')).not.toContain(key);
      expect(menu('unit_handler')).not.toContain(key);
    }
  });

  it('offers 居家措施 to the offices and the community; the 民警 and the 医生 see theirs and 今日随访, and no other page of people', () => {
    expect(menu('community_worker')).toContain('measures');
    expect(menu('district_leader')).toContain('measures');
    expect(menu('district_leader')).not.toContain('followups');
    for (const role of ['police_officer', 'doctor'] as const) {
      const m = menu(role);
      expect(m).toContain('measures');
      expect(m).toContain('followups');
      for (const key of ['population', 'door-knocking', 'venues', 'people', 'cases']) expect(m).not.toContain(key);
    }
    expect(menu('grid_worker')).not.toContain('measures');
  });

  it('offers 排查名单 to the offices and the community; the grid worker adds people on the phone', () => {
    expect(menu('community_worker')).toContain('screening');
    expect(menu('district_leader')).toContain('screening');
    expect(menu('grid_worker')).not.toContain('screening');
    expect(menu('unit_handler')).not.toContain('screening');
  });

  it('offers 包联责任 and 值班排班 to the offices and the community, not to a grid worker or a unit', () => {
    for (const key of ['duty-responsibilities', 'duty-roster']) {
      expect(menu('community_worker')).toContain(key);
      expect(menu('district_leader')).toContain(key);
      expect(menu('grid_worker')).not.toContain(key);
      expect(menu('unit_handler')).not.toContain(key);
      expect(menu('police_officer')).not.toContain(key);
    }
  });

  it('offers 对账销号 only to the ledger keepers', () => {
    expect(menu('community_worker')).toContain('case-reconcile');
    expect(menu('grid_worker')).not.toContain('case-reconcile');
    expect(menu('district_leader')).not.toContain('case-reconcile');
  });

  it('offers 处置通 to those cases are dispatched to, not to a leader or a grid worker', () => {
    expect(menu('unit_handler')).toContain('crew');
    expect(menu('community_worker')).toContain('crew');
    expect(menu('district_leader')).not.toContain('crew');
    expect(menu('grid_worker')).not.toContain('crew');
  });

  it('offers a 区领导 neither 报表填报 nor 本单位待办, which are the units’ work', () => {
    expect(menu('district_leader')).not.toContain('reporting-fill');
    expect(menu('district_leader')).not.toContain('supervision-todo');
    expect(menu('community_worker')).toContain('supervision-todo');
    expect(menu('grid_worker')).toContain('reporting-fill');
  });

  it('lets an account with several roles see what any of them uses', () => {
    const keys = visibleNav({
      permissions: [...holds.community_worker!, ...holds.district_leader!],
      roles: ['community_worker', 'district_leader'],
    }).map((n) => n.key);
    expect(keys).toContain('supervision-leader');
    expect(keys).toContain('case-reconcile');
  });
});
