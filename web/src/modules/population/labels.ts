import type { VisitResult } from '../../../../src/contracts/population';

export {
  HOUSEHOLD_RELATION_NAMES,
  HOUSEHOLD_RELATIONS,
  RESIDENCE_KIND_NAMES,
  RESIDENCE_KINDS,
  RESIDENT_STATUS_NAMES,
  RESIDENT_STATUSES,
  ROUND_PHASE_NAMES,
  SEX_NAMES,
  VISIT_RESULT_NAMES,
  VISIT_RESULTS,
} from '../../../../src/contracts/population';
export type {
  HouseholdRelation,
  ResidenceKind,
  ResidentStatus,
  RoundPhase,
  VisitResult,
} from '../../../../src/contracts/population';

/** What registering a person did, said to the user. */
export const OUTCOME_TEXT = {
  created: '已新增',
  merged: '已合并到已有人员',
  review: '姓名不一致，已提交合并审核',
} as const;

export const VISIT_RESULT_COLORS: Record<VisitResult, string> = {
  verified: 'success',
  absent: 'warning',
  vacant: 'default',
  refused: 'error',
  other: 'processing',
};

export const PHASE_COLORS = { upcoming: 'default', open: 'processing', ended: 'success' } as const;

export const STATUS_COLORS = { active: 'green', left: 'default', deceased: 'default' } as const;

/** A rate as 87.5%; — when there is nothing to rate. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The names of a resident history entry's kinds (the server sends codes). */
export const HISTORY_KIND_NAMES: Record<string, string> = {
  registered: '登记',
  moved: '搬迁',
  merged: '合并',
  review_decided: '合并审核',
  status: '状态变更',
  visit: '入户走访',
};
