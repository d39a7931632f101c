// The 24-hour rule of 协查 (the seed's "24小时数据核查反馈机制"): a pushed-down item is due 24 hours
// after it was pushed, whatever the hour or the calendar day; unanswered past due it is 已超时 and the
// level above the owner is told (the sub-district at once, the district when still unanswered 24 hours
// later). Pure: times are ISO UTC, "now" comes in as an argument.

export const CHECK_WINDOW_MS = 24 * 60 * 60 * 1000;

/** 0 nobody told yet, 1 the sub-district told, 2 the district told. */
export type EscalationLevel = 0 | 1 | 2;

/** When an item pushed at `pushedAt` must be answered: exactly 24 hours later. */
export function dueAt(pushedAt: string): string {
  return new Date(Date.parse(pushedAt) + CHECK_WINDOW_MS).toISOString();
}

/** Whether an item is 已超时: unanswered past its due time, or answered after it. */
export function isOverdue(item: { dueAt: string; answeredAt: string | null }, now: string): boolean {
  const at = item.answeredAt ?? now;
  return Date.parse(at) > Date.parse(item.dueAt);
}

/**
 * The level an unanswered item should have reached at `now`: none before due, the sub-district from
 * due, the district from 24 hours past due. An answered item is never escalated further.
 */
export function escalationLevelAt(item: { dueAt: string; answeredAt: string | null }, now: string): EscalationLevel {
  if (item.answeredAt) return 0;
  const late = Date.parse(now) - Date.parse(item.dueAt);
  if (late <= 0) return 0;
  return late > CHECK_WINDOW_MS ? 2 : 1;
}

/**
 * The levels the job must tell now, lowest first: those above the one already reached. Empty when
 * nothing is new, so running the job twice tells nobody twice.
 */
export function levelsToTell(reached: EscalationLevel, target: EscalationLevel): EscalationLevel[] {
  const out: EscalationLevel[] = [];
  for (let l = reached + 1; l <= target; l++) out.push(l as EscalationLevel);
  return out;
}

/** Whole minutes left before due (negative once late), for 剩余 / 已超时 on screen. */
export function minutesLeft(dueAtIso: string, now: string): number {
  return Math.floor((Date.parse(dueAtIso) - Date.parse(now)) / 60_000);
}

/** How an item found its owner. */
export type RoutedBy = 'household' | 'column' | 'scope' | 'manual';

export interface RouteInput {
  /** The community (or village) of the household of the resident with the item's ID number, if known. */
  householdCommunity: { id: string; path: string } | null;
  /** The community named in the sheet's 社区 column, when it names one inside the campaign's scope. */
  columnCommunity: { id: string; path: string } | null;
  /** The campaign's scope unit: the items nobody could route wait there to be routed by hand. */
  scopeUnit: { id: string; path: string };
}

/**
 * Routes a pushed-down item: to the community of the person's household when the ID number is known
 * in the district (and that community lies in the campaign's scope), else to the community named in
 * the sheet, else to the campaign's scope unit for routing by hand.
 */
export function routeCheck(input: RouteInput): { unitId: string; path: string; routedBy: RoutedBy } {
  const h = input.householdCommunity;
  if (h && h.path.startsWith(input.scopeUnit.path)) return { unitId: h.id, path: h.path, routedBy: 'household' };
  const c = input.columnCommunity;
  if (c && c.path.startsWith(input.scopeUnit.path)) return { unitId: c.id, path: c.path, routedBy: 'column' };
  return { unitId: input.scopeUnit.id, path: input.scopeUnit.path, routedBy: 'scope' };
}

/**
 * The local day an item falls due on, in a fixed-offset zone (Asia/Shanghai: +8 h): pushed at 23:30
 * it is due at 23:30 the next local day, pushed at 00:10 the day after that — 24 hours, not "by the
 * end of tomorrow".
 */
export function dueLocalDay(dueAtIso: string, offsetMs: number): string {
  return new Date(Date.parse(dueAtIso) + offsetMs).toISOString().slice(0, 10);
}
