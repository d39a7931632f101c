import type { Permission } from '../../../kernel/auth/roles.js';

/**
 * The quarterly rating (每季评比) of one branch as a state machine written out as data: each row is one
 * step a rating may take, who takes it (the permission) and where it lands. A step that is not in the
 * table is refused; nothing else decides.
 *
 * - open: nothing done yet for the quarter (a branch without a row is open).
 * - self_assessed: the branch (star.report) has written its self-assessment; it may revise it until the
 *   街道 proposes. A returned rating is back here.
 * - proposed: the 街道 (star.review) has scored the panel indicators and proposed the stars with reasons.
 *   A branch that stayed silent past its self-assessment deadline does not block the 街道: it may propose
 *   from open once that deadline has passed.
 * - confirmed: the district (star.rate) confirmed; stars were awarded or withdrawn. Final.
 * - the district may instead return a proposal with a reason: proposed → self_assessed.
 */
export const RATING_STATES = ['open', 'self_assessed', 'proposed', 'confirmed'] as const;
export type RatingState = (typeof RATING_STATES)[number];
export const RATING_STATE_LABELS: Record<RatingState, string> = {
  open: '待自评',
  self_assessed: '已自评',
  proposed: '街道已提名',
  confirmed: '区已确认',
};

export const RATING_ACTIONS = ['self_assess', 'propose', 'return', 'confirm'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/** A condition a step needs besides the state. */
export type RatingGuard = 'self_deadline_passed';

export interface RatingTransition {
  from: RatingState;
  action: RatingAction;
  to: RatingState;
  permission: Permission;
  guard?: RatingGuard;
}

export const RATING_TRANSITIONS: readonly RatingTransition[] = [
  { from: 'open', action: 'self_assess', to: 'self_assessed', permission: 'star.report' },
  { from: 'self_assessed', action: 'self_assess', to: 'self_assessed', permission: 'star.report' },
  { from: 'self_assessed', action: 'propose', to: 'proposed', permission: 'star.review' },
  { from: 'open', action: 'propose', to: 'proposed', permission: 'star.review', guard: 'self_deadline_passed' },
  { from: 'proposed', action: 'return', to: 'self_assessed', permission: 'star.rate' },
  { from: 'proposed', action: 'confirm', to: 'confirmed', permission: 'star.rate' },
];

export interface StepContext {
  /** The branch's self-assessment deadline has passed (working days after the quarter's end). */
  selfDeadlinePassed: boolean;
}

export type StepOutcome =
  | { ok: true; to: RatingState; permission: Permission }
  | { ok: false; reason: 'no_such_step' | 'too_early'; permission: Permission | null };

/**
 * Where `action` leads from `from`. Refused as no_such_step when the table has no row for the pair, as
 * too_early when its only row needs a guard that does not hold. The permission is the step's, for the
 * caller to check against the actor.
 */
export function step(from: RatingState, action: RatingAction, ctx: StepContext): StepOutcome {
  const rows = RATING_TRANSITIONS.filter((t) => t.from === from && t.action === action);
  if (rows.length === 0) return { ok: false, reason: 'no_such_step', permission: null };
  const passing = rows.find((t) => !t.guard || (t.guard === 'self_deadline_passed' && ctx.selfDeadlinePassed));
  if (!passing) return { ok: false, reason: 'too_early', permission: rows[0]!.permission };
  return { ok: true, to: passing.to, permission: passing.permission };
}

/** The actions open from a state (for the console's buttons), guards evaluated. */
export function actionsFrom(from: RatingState, ctx: StepContext): RatingAction[] {
  return RATING_ACTIONS.filter((a) => step(from, a, ctx).ok);
}
