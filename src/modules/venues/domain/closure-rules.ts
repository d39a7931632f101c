import { CLOSURE_MAX_DAYS, type InspectionResult, type VenueStatus } from '../../../contracts/venues.js';
import { addDays, isDate } from '../../../kernel/calendar/index.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';

/** What can happen to a venue's status. Inspecting never changes it; an order closes, a lift reopens. */
export type VenueAction = 'inspect' | 'close' | 'lift';

/** The venue's states and the actions each allows: the table is the rule (a missing entry is refused). */
export const VENUE_TRANSITIONS: Readonly<Record<VenueStatus, Partial<Record<VenueAction, VenueStatus>>>> = {
  open: { inspect: 'open', close: 'closed' },
  closed: { inspect: 'closed', lift: 'open' },
};

/** The inspections a lift looks at: when, and with what result. */
export interface InspectionFact {
  at: string;
  result: InspectionResult;
}

/**
 * A closure order may be lifted only on a re-check: an inspection made after the order was issued,
 * and the latest such inspection passed (a pass followed by a fail does not reopen).
 */
export function recheckPassed(issuedAt: string, inspections: readonly InspectionFact[]): boolean {
  const since = inspections.filter((i) => i.at > issuedAt).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return since.length > 0 && since[since.length - 1].result === 'pass';
}

/** The venue's status after an action, or the refusal (a closed venue closed again, a lift without a passing re-check). */
export function applyVenueAction(
  status: VenueStatus,
  action: VenueAction,
  ctx: { openOrderIssuedAt?: string | null; inspections?: readonly InspectionFact[] } = {},
): VenueStatus {
  const next = VENUE_TRANSITIONS[status][action];
  if (!next) {
    if (action === 'close') throw new Conflict('venue.already_closed', 'the venue already has an open closure order');
    if (action === 'lift') throw new Conflict('venue.not_closed', 'the venue has no open closure order');
    throw new Conflict('venue.invalid_transition', `cannot ${action} a venue that is ${status}`);
  }
  if (action === 'lift' && !recheckPassed(ctx.openOrderIssuedAt ?? '', ctx.inspections ?? []))
    throw new Conflict('venue.recheck_required', 'lifting needs a passing inspection made after the order was issued');
  return next;
}

/** The last day of an order of `days` days starting on `startDate` (both days counted). */
export function closureUntil(startDate: string, days: number): string {
  if (!isDate(startDate))
    throw new Invalid('venue.closure_invalid', 'startDate is not a date', [
      { field: 'startDate', code: 'date.invalid', message: 'not a YYYY-MM-DD date' },
    ]);
  if (!Number.isInteger(days) || days < 1 || days > CLOSURE_MAX_DAYS)
    throw new Invalid('venue.closure_invalid', `days must be 1..${CLOSURE_MAX_DAYS}`, [
      {
        field: 'days',
        code: 'venue.closure_days_range',
        message: `days must be 1..${CLOSURE_MAX_DAYS}`,
        params: { max: CLOSURE_MAX_DAYS },
      },
    ]);
  return addDays(startDate, days - 1);
}

/** Past its last day (in the district's local dates) and not lifted. */
export function closureOverdue(untilDate: string, today: string, lifted: boolean): boolean {
  return !lifted && today > untilDate;
}
