import type { RoleCode } from '../../../kernel/auth/roles.js';

export interface DemoAccountSpec {
  username: string;
  displayName: string;
  roles: RoleCode[];
  /** The account's unit, which is also its data scope. */
  unit: { district: true } | { name: string } | { firstSmallGridOf: string };
}

/** At least one account per role of SPEC §1; the README's table is generated from this list. */
export const DEMO_ACCOUNTS: DemoAccountSpec[] = [
  { username: 'leader', displayName: '区领导（演示）', roles: ['district_leader'], unit: { district: true } },
  { username: 'duchashi', displayName: '督查室（演示）', roles: ['supervision_office'], unit: { district: true } },
  { username: 'tianwei', displayName: '政协提案委（演示）', roles: ['proposal_office'], unit: { district: true } },
  {
    username: 'chengbei',
    displayName: '城北街道管理员（演示）',
    roles: ['subdistrict_staff'],
    unit: { name: '城北街道办事处' },
  },
  {
    username: 'chenzhou',
    displayName: '陈州街道管理员（演示）',
    roles: ['subdistrict_staff'],
    unit: { name: '陈州街道办事处' },
  },
  {
    username: 'zhuzhuang',
    displayName: '朱庄社区两委（演示）',
    roles: ['community_worker'],
    unit: { name: '朱庄社区' },
  },
  { username: 'dehua', displayName: '德化社区两委（演示）', roles: ['community_worker'], unit: { name: '德化社区' } },
  { username: 'wgy_zhuzhuang', displayName: '网格员', roles: ['grid_worker'], unit: { firstSmallGridOf: '朱庄社区' } },
  { username: 'wgy_dehua', displayName: '网格员', roles: ['grid_worker'], unit: { firstSmallGridOf: '德化社区' } },
  {
    username: 'dianxin',
    displayName: '电信经办人（演示）',
    roles: ['unit_handler'],
    unit: { name: '周口电信川汇分公司' },
  },
  {
    username: 'chengguan',
    displayName: '城管局经办人（演示）',
    roles: ['unit_handler'],
    unit: { name: '川汇区城市管理局' },
  },
  {
    username: 'jiandu',
    displayName: '民主监督员（演示）',
    roles: ['democratic_supervisor'],
    unit: { name: '政协川汇区委员会' },
  },
  { username: 'zhiyuanzhe', displayName: '志愿者（演示）', roles: ['volunteer'], unit: { name: '朱庄社区' } },
  {
    username: 'minjing',
    displayName: '陈州派出所民警（演示）',
    roles: ['police_officer'],
    unit: { name: '周口市公安局川汇分局陈州派出所' },
  },
  {
    username: 'yisheng',
    displayName: '陈州卫生服务中心医生（演示）',
    roles: ['doctor'],
    unit: { name: '川汇区陈州街道社区卫生服务中心' },
  },
];
