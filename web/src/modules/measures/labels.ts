import type { FollowUpStatus, MeasureStatus } from './api';

export {
  FOLLOW_UP_METHOD_NAMES,
  FOLLOW_UP_STATUS_NAMES,
  MEASURE_STATUS_NAMES,
  MEASURE_TYPE_DEFAULT_DAYS,
  MEASURE_TYPE_NAMES,
  OWNER_ROLE_NAMES,
  OWNER_ROLES,
  MAX_MEASURE_DAYS,
} from '../../../../src/contracts/measures';

export const MEASURE_STATUS_COLORS: Record<MeasureStatus, string> = {
  open: 'blue',
  completed: 'green',
  lost: 'red',
  hospital: 'orange',
};
export const FOLLOW_UP_STATUS_COLORS: Record<FollowUpStatus, string> = {
  not_performed: 'default',
  seen_ok: 'green',
  seen_not_ok: 'orange',
  missed: 'red',
};

/** seen ÷ due as a percentage, or — when nothing is due yet. */
export function rateText(seen: number, due: number): string {
  return due ? `${Math.round((seen / due) * 1000) / 10}%` : '—';
}
