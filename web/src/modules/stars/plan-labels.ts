import type { TaskStatus } from '../../../../src/contracts/supervision';
export { TASK_STATUS_LABELS } from '../../../../src/contracts/supervision';
export { MEASURE_BUCKET_LABELS, TEAM_MEMBER_KIND_LABELS, TEAM_ROLE_LABELS } from '../../../../src/contracts/star-plans';
export { BRANCH_KIND_LABELS } from '../../../../src/contracts/stars';

/** Tag colours of a measure's task status: 完成 blue, 正常推进 green, 滞后 orange, 逾期 red. */
export const MEASURE_STATUS_COLORS: Record<TaskStatus, string> = {
  done: 'blue',
  on_track: 'green',
  lagging: 'orange',
  overdue: 'red',
};
