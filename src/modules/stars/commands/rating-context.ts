import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { StarRatingTable } from '../../../kernel/db/schema.js';
import { Conflict, Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { StarDefinition } from '../../../contracts/stars.js';
import { quarterOf } from '../domain/quarters.js';
import { ratingDeadlines, type RatingDeadlines } from '../domain/rating-deadlines.js';
import type { PanelScores, StarDecision } from '../domain/rating-rules.js';
import { step, type RatingAction, type RatingState } from '../domain/rating-transitions.js';
import type { StoredSet } from '../domain/star-set.js';
import type { StarsDeps } from '../deps.js';
import { ratingInputStore, ratingStore } from '../store/rating.store.js';
import { starSetStore } from '../store/star-set.store.js';
import { calendarFor, type BranchInfo } from './rating-access.js';
import { setsInForce } from './star-sets.js';

export async function deadlinesOf(
  deps: StarsDeps,
  ex: Executor,
  districtCode: string,
  quarter: string,
): Promise<RatingDeadlines> {
  const cal = await calendarFor(deps, ex, districtCode);
  return ratingDeadlines(quarter, (d) => cal.isWorkday(d));
}

/** A quarter still to come is not rated (422 naming quarter); the current one may be, from its branch's side on. */
export function refuseFutureQuarter(deps: StarsDeps, quarter: string): void {
  const current = quarterOf(localDateOf(deps.clock.now()));
  if (quarter > current)
    throw new Invalid('rating.quarter_future', `quarter: ${quarter} has not begun`, [
      { field: 'quarter', code: 'rating.quarter_future', message: 'the quarter has not begun', params: { current } },
    ]);
}

/** The set a rating is made on: the one it was started on, else the one in force for the quarter. */
export async function setOfRating(
  ex: Executor,
  branch: BranchInfo,
  quarter: string,
  row: StarRatingTable | undefined,
): Promise<StoredSet> {
  if (row) {
    const r = await starSetStore.byId(ex, branch.districtCode, row.set_id);
    if (r)
      return {
        id: r.id,
        branchKind: branch.kind,
        version: r.version,
        effectiveFrom: r.effective_from,
        stars: JSON.parse(r.definition) as StarDefinition[],
      };
  }
  const set = (await setsInForce(ex, branch.districtCode, quarter))[branch.kind];
  if (!set)
    throw new Conflict('rating.no_set', `no star set in force for ${branch.kind} in ${quarter}`, [
      { field: 'quarter', code: 'rating.no_set', message: 'no star set in force' },
    ]);
  return set;
}

/**
 * The step `action` from the rating's state: refused naming `state` (409) when the table has no such
 * step, or when the 街道 proposes before the branch's self-assessment deadline has passed; the actor must
 * hold the step's permission.
 */
export function takeStep(
  actor: Actor,
  state: RatingState,
  action: RatingAction,
  today: string,
  deadlines: RatingDeadlines,
): RatingState {
  const s = step(state, action, { selfDeadlinePassed: today > deadlines.self });
  if (s.permission) authorize(actor, s.permission);
  if (s.ok) return s.to;
  if (s.reason === 'too_early')
    throw new Conflict('rating.self_assessment_pending', `state: the branch may self-assess until ${deadlines.self}`, [
      {
        field: 'state',
        code: 'rating.self_assessment_pending',
        message: 'the branch has not self-assessed yet',
        params: { due: deadlines.self },
      },
    ]);
  throw new Conflict('rating.wrong_state', `state: cannot ${action} a rating that is ${state}`, [
    {
      field: 'state',
      code: 'rating.wrong_state',
      message: `cannot ${action} from ${state}`,
      params: { state, action },
    },
  ]);
}

/** A fresh row for a branch's quarter, in `state`, with the deadlines fixed now. */
export function newRating(
  branch: BranchInfo,
  quarter: string,
  set: StoredSet,
  deadlines: RatingDeadlines,
  now: Date,
): StarRatingTable {
  const at = now.toISOString();
  return {
    id: newId(now.getTime()),
    district_code: branch.districtCode,
    branch_id: branch.id,
    branch_path: branch.path,
    quarter,
    set_id: set.id,
    state: 'open',
    self_due: deadlines.self,
    propose_due: deadlines.propose,
    confirm_due: deadlines.confirm,
    self_text: null,
    self_by: null,
    self_by_name: null,
    self_at: null,
    panel_scores: null,
    proposed_stars: null,
    proposal_remark: null,
    proposed_by: null,
    proposed_by_name: null,
    proposed_at: null,
    returned_reason: null,
    returned_by: null,
    returned_by_name: null,
    returned_at: null,
    return_count: 0,
    confirmed_stars: null,
    outcome: null,
    stars_held: null,
    held_stars: null,
    total_score: null,
    confirmed_by: null,
    confirmed_by_name: null,
    confirmed_at: null,
    created_at: at,
    updated_at: at,
    row_version: 1,
  };
}

/** Writes the step on a row read at `row.row_version`; refused (409) when someone moved it meanwhile. */
export async function writeStep(
  ex: Executor,
  row: StarRatingTable,
  isNew: boolean,
  set: Partial<StarRatingTable>,
): Promise<StarRatingTable> {
  const next = { ...row, ...set };
  if (isNew) {
    const other = await ratingStore.find(ex, row.branch_id, row.quarter);
    if (other) throw changedMeanwhile();
    await ratingStore.insert(ex, next);
    return next;
  }
  if (!(await ratingStore.update(ex, row.id, row.row_version, set))) throw changedMeanwhile();
  return { ...next, row_version: row.row_version + 1 };
}

const changedMeanwhile = () =>
  new Conflict('rating.changed_meanwhile', 'the rating was changed meanwhile', [
    { field: 'state', code: 'rating.changed_meanwhile', message: 'the rating was changed meanwhile' },
  ]);

/** The kept rates (by source) and the evidence counts of a branch's quarter: the inputs of the outcomes. */
export async function ratingInputs(ex: Executor, branchId: string, quarter: string) {
  const [rates, evidence] = await Promise.all([
    ratingInputStore.rates(ex, branchId, quarter),
    ratingInputStore.evidenceCounts(ex, branchId, quarter),
  ]);
  return { rates, evidence };
}

export const parseScores = (s: string | null): PanelScores => (s ? (JSON.parse(s) as PanelScores) : {});
export const parseDecisions = (s: string | null): StarDecision[] => (s ? (JSON.parse(s) as StarDecision[]) : []);
