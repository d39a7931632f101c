import type { CaseKpis } from './api';
import type { KpiBasis } from '../../../../src/contracts/cases';

export type KpiKey =
  | 'closeRate'
  | 'onTimeCloseRate'
  | 'handleRate'
  | 'onTimeHandleRate'
  | 'reworkRate'
  | 'extensionRate'
  | 'avgHandlingHours'
  | 'avgClosingHours';

export interface KpiDef {
  key: KpiKey;
  title: string;
  /** The formula as the server computes it under each basis (docs/kpis.md). */
  formula: Record<KpiBasis, string>;
  kind: 'rate' | 'hours';
  /** Higher is better (green) or worse (red). */
  good: 'high' | 'low';
}

const same = (text: string): Record<KpiBasis, string> => ({ standard: text, reported: text });

/** GB/T 30428.4 indicators of the ledger, as cities publish them (国标口径) and by report date (按上报时间). */
export const KPIS: KpiDef[] = [
  {
    key: 'closeRate',
    title: '结案率',
    formula: {
      standard: '结案数 ÷ 应结案数。应结案数：处置时限在统计期内到期的案卷，加上统计期内提前结案的案卷',
      reported: '结案数 ÷ 应结案数。统计期内上报的案卷中，已结案或处置时限已到的',
    },
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'onTimeCloseRate',
    title: '按期结案率',
    formula: same('按期结案数 ÷ 应结案数。按期结案：在当时有效的处置时限内结案（立行整改的案卷计入）'),
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'handleRate',
    title: '处置率',
    formula: {
      standard: '处置数 ÷ 应处置数。应处置数：处置时限在统计期内到期、或统计期内按期反馈的派遣案卷',
      reported: '处置数 ÷ 应处置数。统计期内上报的派遣案卷中，已反馈或时限已到的',
    },
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'onTimeHandleRate',
    title: '按期处置率',
    formula: same('按期处置数 ÷ 应处置数。按期处置：首次反馈在当时有效的处置时限内'),
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'reworkRate',
    title: '返工率',
    formula: {
      standard: '返工数 ÷ 应结案数。返工数：应结案案卷中至少一次核查不通过的',
      reported: '返工数 ÷ 处置数。返工数：已处置案卷中至少一次核查不通过的',
    },
    kind: 'rate',
    good: 'low',
  },
  {
    key: 'extensionRate',
    title: '延期率',
    formula: {
      standard: '延期数 ÷ 应结案数。延期数：应结案案卷中至少一次批准延期的',
      reported: '延期数 ÷ 派遣数。延期数：派遣案卷中至少一次批准延期的',
    },
    kind: 'rate',
    good: 'low',
  },
  {
    key: 'avgHandlingHours',
    title: '平均处置时长',
    formula: same('Σ（派遣 → 首次反馈）÷ 处置数，每件处置计一次，按工作时间计（工作小时）'),
    kind: 'hours',
    good: 'low',
  },
  {
    key: 'avgClosingHours',
    title: '平均结案时长',
    formula: same('Σ（派遣 → 结案）÷ 已派遣的结案数，按工作时间计（工作小时）'),
    kind: 'hours',
    good: 'low',
  },
];

export const COUNT_NAMES: Partial<Record<keyof CaseKpis['counts'], string>> = {
  reported: '受理数（上报）',
  accepted: '立案数',
  rejected: '不予立案',
  merged: '合并',
  dispatched: '派遣数',
  dueToClose: '应结案数',
  closed: '结案数',
  closedOnTime: '按期结案数',
  dueToHandle: '应处置数',
  handled: '处置数',
  handledOnTime: '按期处置数',
  reworked: '返工数',
  extended: '延期数',
  overdueOpen: '超期未处置数',
};

/** What the period covers, under each basis. */
export const BASIS_NOTES: Record<KpiBasis, string> = {
  standard:
    '按 GB/T 30428.4 数字化城市管理信息系统 绩效评价的口径：各项计数按事件发生日期归入统计期，应结案数是处置时限在统计期内到期的案卷（含提前结案），可多于立案数；返工率、延期率以应结案数为分母。',
  reported: '统计期内上报的案卷，无论其处置时限何时到期；返工率以处置数、延期率以派遣数为分母。',
};

export function rateColor(v: number | null | undefined, good: 'high' | 'low'): string | undefined {
  if (v === null || v === undefined) return undefined;
  const score = good === 'high' ? v : 1 - v;
  return score >= 0.9 ? '#389e0d' : score >= 0.7 ? '#d48806' : '#cf1322';
}
