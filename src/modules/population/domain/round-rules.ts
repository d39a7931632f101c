// Rules of a door-knocking round's window (Asia/Shanghai days, both ends included). Pure.

import type { RoundPhase } from '../../../contracts/population.js';

export function roundPhase(round: { startsOn: string; endsOn: string }, today: string): RoundPhase {
  if (today < round.startsOn) return 'upcoming';
  if (today > round.endsOn) return 'ended';
  return 'open';
}

export type RoundWindowProblem = 'ends_before_start' | 'too_long';

/** A round lasts at most a year; it may be planned ahead and recorded after the fact. */
export const ROUND_MAX_DAYS = 366;

export function checkRoundWindow(startsOn: string, endsOn: string): RoundWindowProblem | null {
  if (endsOn < startsOn) return 'ends_before_start';
  const days = (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  return days > ROUND_MAX_DAYS ? 'too_long' : null;
}

/** A phone's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type VisitTimeProblem = 'future' | 'outside_round';

/**
 * A visit's time must lie within the round's days (on the local calendar of `visitDay`) and not after
 * now: a phone sending from its outbox after the round closed still counts a visit made within it.
 */
export function checkVisitTime(
  round: { startsOn: string; endsOn: string },
  visit: { visitedAt: string; visitDay: string },
  nowIso: string,
): VisitTimeProblem | null {
  if (Date.parse(visit.visitedAt) > Date.parse(nowIso) + CLOCK_SKEW_MS) return 'future';
  if (visit.visitDay < round.startsOn || visit.visitDay > round.endsOn) return 'outside_round';
  return null;
}
