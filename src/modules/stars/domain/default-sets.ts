import type { BranchKind, StarDefinition, StarIndicator } from '../../../contracts/stars.js';

// The sets a district starts with (SPEC §9): the five stars of villages and of urban communities with
// indicators a rating panel and the platform's own records can score. Provinces revise them: the
// district saves a new version from the console, effective from a quarter.

const scored = (key: string, name: string, maxScore: number, evidence: string | null = null): StarIndicator => ({
  key,
  name,
  kind: 'scored',
  maxScore,
  source: null,
  fullAt: null,
  zeroAt: null,
  evidence,
  evidenceRequired: evidence !== null,
});

const computed = (
  key: string,
  name: string,
  maxScore: number,
  source: string,
  fullAt: number,
  zeroAt: number,
): StarIndicator => ({
  key,
  name,
  kind: 'computed',
  maxScore,
  source,
  fullAt,
  zeroAt,
  evidence: null,
  evidenceRequired: false,
});

const branchStrong: StarDefinition = {
  key: 'branch_strong',
  name: '支部过硬',
  threshold: 80,
  indicators: [
    scored('org_life', '组织生活（三会一课、主题党日）', 40, '会议记录、活动照片'),
    scored('team_building', '班子建设与党员管理', 30),
    computed('task_progress', '重点任务按期推进', 30, 'supervision.taskOnTime', 0.9, 0.5),
  ],
};

const safeLawful: StarDefinition = {
  key: 'safe_lawful',
  name: '平安法治',
  threshold: 80,
  indicators: [
    computed('on_time_closure', '问题按期结案率', 40, 'cases.onTimeRate', 0.9, 0.5),
    scored('disputes', '矛盾纠纷化解', 30, '调解记录'),
    computed('reporting', '日报告、零报告完整率', 30, 'reporting.completeness', 1, 0.7),
  ],
};

export const DEFAULT_STAR_SETS: Record<BranchKind, StarDefinition[]> = {
  village: [
    branchStrong,
    {
      key: 'industry',
      name: '产业兴旺',
      threshold: 80,
      indicators: [
        scored('collective_income', '村集体经济收入', 60, '财务报表'),
        scored('featured_industry', '特色产业发展', 40),
      ],
    },
    {
      key: 'ecology',
      name: '生态宜居',
      threshold: 80,
      indicators: [
        scored('living_environment', '人居环境整治', 40, '整治前后照片'),
        computed('closure', '问题结案率', 30, 'cases.closureRate', 0.95, 0.6),
        computed('patrol_coverage', '网格巡查覆盖率', 30, 'patrols.coverage', 0.9, 0.3),
      ],
    },
    safeLawful,
    {
      key: 'civilized',
      name: '文明幸福',
      threshold: 80,
      indicators: [
        scored('customs', '移风易俗', 50, '村规民约、红白理事会记录'),
        scored('volunteering', '志愿服务', 50),
      ],
    },
  ],
  urban: [
    branchStrong,
    {
      key: 'business',
      name: '宜业兴业',
      threshold: 80,
      indicators: [scored('employment', '就业服务', 50, '服务台账'), scored('business_climate', '营商环境', 50)],
    },
    safeLawful,
    {
      key: 'harmony',
      name: '幸福和谐',
      threshold: 80,
      indicators: [
        scored('services', '为民服务', 40, '服务记录、照片'),
        computed('closure', '问题结案率', 30, 'cases.closureRate', 0.95, 0.6),
        computed('patrol_coverage', '网格巡查覆盖率', 30, 'patrols.coverage', 0.9, 0.3),
      ],
    },
    {
      key: 'co_building',
      name: '共建共享',
      threshold: 80,
      indicators: [
        scored('partner_units', '共驻共建单位', 50, '共建协议、活动记录'),
        scored('shared_resources', '资源共享', 50),
      ],
    },
  ],
};
