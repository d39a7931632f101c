import type { CheckResult, InspectionResult, VenueStatus } from './api';

export {
  CHECK_RESULT_NAMES,
  INSPECTION_RESULT_NAMES,
  INSPECTION_RESULTS,
  VENUE_STATUS_NAMES,
  VENUE_STATUSES,
} from '../../../../src/contracts/venues';

export const VENUE_STATUS_COLORS: Record<VenueStatus, string> = { open: 'green', closed: 'red' };
export const INSPECTION_RESULT_COLORS: Record<InspectionResult, string> = { pass: 'green', fail: 'red' };
export const CHECK_RESULT_COLORS: Record<CheckResult, string> = { pass: 'green', fail: 'red', na: 'default' };
