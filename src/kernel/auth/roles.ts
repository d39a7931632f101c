/** The roles of SPEC §1 and what each may do. Data, so the table is the documentation. */
import { ROLE_CODES, type RoleCode } from '../../contracts/org.js';

// The role codes are contract data (the API's enum); what each role may do is kernel policy, below.
export { ROLE_CODES, type RoleCode };

export const PERMISSIONS = [
  'unit.read',
  'unit.write',
  'boundary.write',
  'person.read',
  'person.write',
  'person.reveal',
  'account.read',
  'account.write',
  'calendar.write',
  'audit.read',
  'integration.write',
  /**
   * Mint bearer API tokens acting as oneself (from a console session only, never with a token): the
   * administrator, who connects integrations (Open311, webhooks, a wall display).
   */
  'token.create',
  'case.read',
  'case.report',
  'category.write',
  'report.read',
  'report.submit',
  'report.define',
  /** 催报: remind the units below that have not reported (the level above; not the grid worker reporting). */
  'report.remind',
  'task.read',
  'task.manage',
  'task.report',
  /** Send 催办 / 督办 notices on a task (督查室, and the district leader 督办 in person). */
  'task.notice',
  'proposal.read',
  /** Register (立案/登记) proposals, keep the category list and the consultation plan (协商计划): the 提案委. */
  'proposal.register',
  /** Assign (交办) and supervise (督办) proposals: the 督查室. */
  'proposal.manage',
  'proposal.handle',
  'supervisor.visit',
  /** Write a 领导批示 on a task, case or proposal in scope. */
  'instruction.write',
  /** Residents, households and buildings in scope (SPEC §6), ID numbers and phones masked. */
  'resident.read',
  /** Register and edit residents, households and buildings; record door-knocking visits. */
  'resident.write',
  /** See a resident's full ID number and phone, with a reason; every view audited (PIPL). */
  'resident.reveal',
  /** Keep the district's resident tags (留守老人, 低保 …): the administrator. */
  'resident.configure',
  /** Open door-knocking rounds (敲门行动) for a scope and window. */
  'doorknock.manage',
  /** Venues (场所) in scope, their inspections and closure orders. */
  'venue.read',
  /** Register and edit venues; issue and lift closure orders (停业整顿). */
  'venue.write',
  /** Inspect a venue against its checklist (扫码、测温、戴口罩 …). */
  'venue.inspect',
  /**
   * Home measures (居家隔离 / 居家健康监测) and their follow-ups: the measures in scope, and for the police
   * and the doctor only those they own (四包一), whatever their unit.
   */
  'measure.read',
  /** Start and end home measures with their four owners (the 街道 and the 社区). */
  'measure.manage',
  /** Record a daily follow-up (随访): checked per measure, only its four owners may. */
  'followup.record',
  /**
   * Screening lists (排查名单) and their 24-hour checks (协查) in scope: campaigns covering or inside the
   * scope, entries whose grid or reporting unit lies in it; ID numbers and phones masked.
   */
  'screening.read',
  /** Add entries from the grid, answer the 协查 items owned by a unit in scope, reveal with a reason (audited). */
  'screening.write',
  /**
   * Open and close a list campaign for a unit in scope, define its fields, push down 协查 lists, re-route
   * items to a community, purge a closed campaign's personal data (a signed record stays).
   */
  'screening.manage',
  /** 耕地保护: the parcels, the village table and the farmland cases in scope. */
  'farmland.read',
  /** Import a village's farmland parcels (all replaced) and record the area a farmland case occupies. */
  'farmland.write',
  /**
   * Approve (district level) that a farmland case may be closed as 不予立案; with it, the holder may
   * close one as 不予立案 without a separate approval.
   */
  'farmland.approve',
  /** 宣传阵地: the publicity boards (宣传栏 / 公益广告 / 墙绘) in scope and their history. */
  'board.read',
  /** Register and edit boards in scope, change their state (破损, 待更换, 更换为完好 with a photo …). */
  'board.write',
  /** Patrols (巡查, 耕地巡查) in scope: the list, tracks, coverage per grid and per person. */
  'patrol.read',
  /**
   * Start and end a patrol of grids (or a village's farmland) in scope on the phone, upload its track,
   * link the cases found or fixed on the way: the grid worker and the community's cadres.
   */
  'patrol.record',
  /** The responsibility web (包联责任) and community duty rosters (值班排班) in scope. */
  'duty.read',
  /** Keep the duty roster of a community in scope: who is on duty each day, volunteers, grids covered. */
  'duty.write',
  /**
   * Add and end responsibilities (分包 / 包联 / 下沉 / 网格长 / 网格指导员) for units in scope: the district's
   * administrator and the 街道.
   */
  'responsibility.write',
  /**
   * Campaigns (集中整治 / 专项行动) whose scope lies in the caller's, or that the caller's unit joins as a
   * participating or 包联 unit; with their linked cases and measured quantities.
   */
  'campaign.read',
  /** Open campaigns for a unit in scope, name their units and volunteers, link ledger cases in their scope. */
  'campaign.manage',
  /** Work indicators (工作量指标), their entries, sums, targets and the 工作成效 figures in scope. */
  'indicator.read',
  /** Enter a work quantity (录入工作量) for a unit in scope, e.g. from the phone. */
  'indicator.enter',
  /** Define the district's indicators and set targets per unit and period (the 督查室 and the administrator). */
  'indicator.define',
  /**
   * The "五星"支部 work of branches in scope: star sets, battle maps (作战图), action teams (聚力团), weekly
   * progress, observation events, quarterly ratings, stars held and rankings.
   */
  'star.read',
  /**
   * The branch's own side, for branches in scope: weekly progress (每周推进), evidence, the self-assessment,
   * the battle map's tasks and the action team (the community's "两委" and the branch secretary).
   */
  'star.report',
  /** The 街道's side: observation events (每月观摩) with their scores, and the quarterly proposal (评比). */
  'star.review',
  /** The district's side: confirm or return a quarterly rating, award or withdraw stars. */
  'star.rate',
  /** Keep the star sets, their indicators, thresholds and evidence requirements (revised by the province). */
  'star.configure',
  /**
   * What leaders read of the caller's scope: the dashboard (驾驶舱), the map coloured by a measure, the
   * rankings (排名通报), the wall display (大屏) and issued briefings; each measure also needs its own
   * module's read permission.
   */
  'insight.read',
  /** Draft, edit and issue the briefings (工作简报) of units in scope. */
  'briefing.write',
  /** Keep the briefing templates (简报模板). */
  'briefing.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface RoleDefinition {
  code: RoleCode;
  /** UI name (zh-CN). */
  name: string;
  permissions: readonly Permission[];
}

export const ROLES: Record<RoleCode, RoleDefinition> = {
  admin: { code: 'admin', name: '系统管理员', permissions: PERMISSIONS },
  district_leader: {
    code: 'district_leader',
    name: '区领导',
    permissions: [
      'unit.read',
      'person.read',
      'account.read',
      'audit.read',
      'case.read',
      'report.read',
      'task.read',
      // A leader instructs (批示) and supervises (督办); reporting progress is the owing units' work.
      'task.notice',
      'proposal.read',
      'proposal.handle',
      'instruction.write',
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
      'insight.read',
      // A leader drafts the briefing they want sent up (工作简报), as the offices do.
      'briefing.write',
    ],
  },
  supervision_office: {
    code: 'supervision_office',
    name: '督查室',
    permissions: [
      'unit.read',
      'person.read',
      'account.read',
      'case.read',
      'case.report',
      'report.read',
      'report.remind',
      'task.read',
      'task.manage',
      'task.report',
      'task.notice',
      'proposal.read',
      'proposal.manage',
      'resident.read',
      'venue.read',
      'measure.read',
      'screening.read',
      'screening.manage',
      'farmland.read',
      'board.read',
      'patrol.read',
      'duty.read',
      'campaign.read',
      'indicator.read',
      'indicator.define',
      'star.read',
      'star.rate',
      'star.configure',
      'insight.read',
      'briefing.write',
      'briefing.configure',
    ],
  },
  proposal_office: {
    code: 'proposal_office',
    name: '政协提案委',
    permissions: ['unit.read', 'account.read', 'proposal.read', 'proposal.register'],
  },
  subdistrict_staff: {
    code: 'subdistrict_staff',
    name: '街道管理员',
    permissions: [
      'unit.read',
      'person.read',
      'person.write',
      'person.reveal',
      'account.read',
      'case.read',
      'case.report',
      'report.read',
      'report.submit',
      'report.remind',
      'task.read',
      'task.report',
      'proposal.read',
      'proposal.handle',
      'resident.read',
      'resident.write',
      'resident.reveal',
      'doorknock.manage',
      'venue.read',
      'venue.write',
      'venue.inspect',
      'measure.read',
      'measure.manage',
      'followup.record',
      'screening.read',
      'screening.write',
      'screening.manage',
      'farmland.read',
      'farmland.write',
      'board.read',
      'board.write',
      'patrol.read',
      'duty.read',
      'duty.write',
      'responsibility.write',
      'campaign.read',
      'campaign.manage',
      'indicator.read',
      'indicator.enter',
      'star.read',
      'star.review',
      'insight.read',
      'briefing.write',
    ],
  },
  community_worker: {
    code: 'community_worker',
    name: '社区工作者',
    permissions: [
      'unit.read',
      'person.read',
      'person.write',
      'person.reveal',
      'case.read',
      'case.report',
      'report.read',
      'report.submit',
      'report.remind',
      'task.read',
      'task.report',
      'resident.read',
      'resident.write',
      'resident.reveal',
      'doorknock.manage',
      'venue.read',
      'venue.write',
      'venue.inspect',
      'measure.read',
      'measure.manage',
      'followup.record',
      'screening.read',
      'screening.write',
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
      'insight.read',
      'briefing.write',
    ],
  },
  grid_worker: {
    code: 'grid_worker',
    name: '网格员',
    permissions: [
      'unit.read',
      'person.read',
      'case.read',
      'case.report',
      'report.read',
      'report.submit',
      // The grid worker knocks on doors and checks venues in their grid; they call residents back.
      'resident.read',
      'resident.write',
      'resident.reveal',
      'venue.read',
      'venue.inspect',
      'screening.read',
      'screening.write',
      'patrol.read',
      'patrol.record',
      'campaign.read',
      'indicator.read',
      'indicator.enter',
    ],
  },
  unit_handler: {
    code: 'unit_handler',
    name: '责任单位经办人',
    permissions: [
      'unit.read',
      'case.read',
      'task.read',
      'task.report',
      'proposal.read',
      'proposal.handle',
      // A 包联 unit sees the campaigns it joins and enters what it did (metres of cable tidied …).
      'campaign.read',
      'indicator.enter',
    ],
  },
  democratic_supervisor: {
    code: 'democratic_supervisor',
    name: '民主监督员',
    permissions: ['unit.read', 'case.read', 'task.read', 'proposal.read', 'supervisor.visit'],
  },
  volunteer: { code: 'volunteer', name: '志愿者', permissions: ['unit.read', 'case.read', 'case.report'] },
  // 四包一's police officer and doctor: nothing of the district but the people they own (measure.read
  // answers only the measures naming them as owners; their unit, a 派出所 or a clinic, holds no grid).
  police_officer: {
    code: 'police_officer',
    name: '民警',
    permissions: ['unit.read', 'measure.read', 'followup.record'],
  },
  doctor: { code: 'doctor', name: '医生', permissions: ['unit.read', 'measure.read', 'followup.record'] },
};

export function permissionsOf(roles: readonly RoleCode[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLES[r]?.permissions ?? []) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function isRoleCode(v: string): v is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(v);
}
