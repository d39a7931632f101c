import type { RatingList, RatingView, StarOutcomeView } from '../../../contracts/star-rating.js';
import type { StarDefinition } from '../../../contracts/stars.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize, inScope } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { StarRatingTable } from '../../../kernel/db/schema.js';
import { NotFound } from '../../../kernel/errors.js';
import { stageOf, type RatingDeadlines } from '../domain/rating-deadlines.js';
import { ratingOutcomes } from '../domain/rating-rules.js';
import { actionsFrom, RATING_STATES, type RatingState } from '../domain/rating-transitions.js';
import type { StarOutcome } from '../domain/star-set.js';
import type { StarsDeps } from '../deps.js';
import { awardStore, ratingInputStore, ratingStore } from '../store/rating.store.js';
import { branchesUnder, branchInScope, scopeUnit, sortByName, type BranchInfo } from './rating-access.js';
import { deadlinesOf, parseDecisions, parseScores, ratingInputs, setOfRating } from './rating-context.js';

/** Each star's outcome with its indicators' inputs: what a number in the ranking traces back to. */
export function outcomeViews(
  stars: readonly StarDefinition[],
  outcomes: readonly StarOutcome[],
  rates: ReadonlyMap<string, { numerator: number; denominator: number }>,
  heldBefore: ReadonlySet<string>,
): StarOutcomeView[] {
  return stars.map((star) => {
    const o = outcomes.find((x) => x.key === star.key)!;
    return {
      key: star.key,
      name: star.name,
      threshold: star.threshold,
      total: o.total,
      score: o.score,
      eligible: o.eligible,
      missingEvidence: o.missingEvidence,
      unscored: o.unscored,
      unmeasured: o.unmeasured,
      heldBefore: heldBefore.has(star.key),
      indicators: star.indicators.map((ind) => {
        const io = o.indicators.find((x) => x.key === ind.key)!;
        const rate = ind.kind === 'computed' && ind.source ? rates.get(ind.source) : undefined;
        return {
          key: ind.key,
          name: ind.name,
          kind: ind.kind,
          maxScore: ind.maxScore,
          score: io.score,
          source: ind.kind === 'computed' ? ind.source : null,
          numerator: rate ? rate.numerator : null,
          denominator: rate ? rate.denominator : null,
          evidenceRequired: ind.evidenceRequired,
          evidenceCount: io.evidenceCount,
        };
      }),
    };
  });
}

const step = (name: string | null, at: string | null) => (name && at ? { byName: name, at } : null);
const overdueOf = (state: string, d: RatingDeadlines, today: string) => {
  const stage = stageOf(state);
  return stage ? today > d[stage] : false;
};

/** The whole of one branch's rating of a quarter, done or not: the workbench's detail. */
async function present(
  deps: StarsDeps,
  ex: Executor,
  branch: BranchInfo,
  quarter: string,
  row: StarRatingTable | undefined,
): Promise<RatingView> {
  const today = localDateOf(deps.clock.now());
  const set = await setOfRating(ex, branch, quarter, row);
  const deadlines = row
    ? { self: row.self_due, propose: row.propose_due, confirm: row.confirm_due }
    : await deadlinesOf(deps, ex, branch.districtCode, quarter);
  const state = (row?.state ?? 'open') as RatingState;
  const scores = parseScores(row?.panel_scores ?? null);
  const evidenceRows = await ratingInputStore.evidenceOf(ex, branch.id, quarter);
  let outcomes: StarOutcomeView[];
  let heldBefore: string[];
  if (row?.outcome) {
    outcomes = JSON.parse(row.outcome) as StarOutcomeView[];
    heldBefore = outcomes.filter((o) => o.heldBefore).map((o) => o.key);
  } else {
    const { rates, evidence } = await ratingInputs(ex, branch.id, quarter);
    const held = new Set((await awardStore.heldBy(ex, branch.id)).map((a) => a.star_key));
    outcomes = outcomeViews(set.stars, ratingOutcomes(set.stars, scores, rates, evidence), rates, held);
    heldBefore = [...held];
  }
  return {
    id: row?.id ?? null,
    branchId: branch.id,
    branchName: branch.name,
    communityName: branch.communityName,
    subdistrictName: branch.subdistrictName,
    quarter,
    branchKind: branch.kind,
    setId: set.id,
    setVersion: set.version,
    state,
    deadlines,
    overdue: overdueOf(state, deadlines, today),
    selfText: row?.self_text ?? null,
    selfAssessed: step(row?.self_by_name ?? null, row?.self_at ?? null),
    scores,
    proposedStars: parseDecisions(row?.proposed_stars ?? null).map((d) => ({ ...d, reason: d.reason ?? null })),
    proposalRemark: row?.proposal_remark ?? null,
    proposed: step(row?.proposed_by_name ?? null, row?.proposed_at ?? null),
    returnedReason: row?.returned_reason ?? null,
    returned: step(row?.returned_by_name ?? null, row?.returned_at ?? null),
    returnCount: row?.return_count ?? 0,
    confirmedStars: parseDecisions(row?.confirmed_stars ?? null).map((d) => ({ ...d, reason: d.reason ?? null })),
    confirmed: step(row?.confirmed_by_name ?? null, row?.confirmed_at ?? null),
    starsHeld: row?.stars_held ?? null,
    totalScore: row?.total_score ?? null,
    outcomes,
    heldBefore,
    evidence: evidenceRows.map((e) => ({
      id: e.id,
      starKey: e.star_key,
      indicatorKey: e.indicator_key,
      fileId: e.file_id,
      note: e.note,
      uploadedByName: e.uploaded_by_name,
      uploadedAt: e.uploaded_at,
    })),
    actions: actionsFrom(state, { selfDeadlinePassed: today > deadlines.self }),
    rowVersion: row?.row_version ?? 0,
  };
}

/** A rating by id; outside the caller's scope it is not found (404). */
export async function getRating(deps: StarsDeps, actor: Actor, id: string): Promise<RatingView> {
  authorize(actor, 'star.read');
  const db = deps.database.db;
  const row = await ratingStore.findById(db, id);
  if (!row || row.district_code !== actor.districtCode || !inScope(actor, row.branch_path))
    throw new NotFound('star_rating', id);
  const branch = await branchInScope(deps, db, actor, row.branch_id);
  return present(deps, db, branch, row.quarter, row);
}

/** A branch's rating of a quarter, open (nothing done yet) when there is no row. */
export async function getBranchRating(
  deps: StarsDeps,
  actor: Actor,
  branchId: string,
  quarter: string,
): Promise<RatingView> {
  authorize(actor, 'star.read');
  const db = deps.database.db;
  const branch = await branchInScope(deps, db, actor, branchId);
  return present(deps, db, branch, quarter, await ratingStore.find(db, branch.id, quarter));
}

/** The workbench list: every branch under a unit in scope with its rating's state, deadline and figures. */
export async function listRatings(
  deps: StarsDeps,
  actor: Actor,
  q: { quarter: string; unitId?: string },
): Promise<RatingList> {
  authorize(actor, 'star.read');
  const db = deps.database.db;
  const unit = await scopeUnit(deps, db, actor, q.unitId);
  const today = localDateOf(deps.clock.now());
  const [branches, rows, deadlines] = await Promise.all([
    branchesUnder(deps, db, actor.districtCode, unit.path),
    ratingStore.ofQuarter(db, actor.districtCode, q.quarter, unit.path),
    deadlinesOf(deps, db, actor.districtCode, q.quarter),
  ]);
  const byBranch = new Map(rows.map((r) => [r.branch_id, r]));
  const counts = Object.fromEntries(RATING_STATES.map((s) => [s, 0])) as Record<RatingState, number>;
  const items = sortByName(branches).map((b) => {
    const r = byBranch.get(b.id);
    const state = (r?.state ?? 'open') as RatingState;
    counts[state]++;
    const d = r ? { self: r.self_due, propose: r.propose_due, confirm: r.confirm_due } : deadlines;
    const stage = stageOf(state);
    return {
      id: r?.id ?? null,
      branchId: b.id,
      branchName: b.name,
      communityName: b.communityName,
      subdistrictName: b.subdistrictName,
      state,
      deadline: stage ? d[stage] : null,
      overdue: overdueOf(state, d, today),
      starsHeld: r?.stars_held ?? null,
      totalScore: r?.total_score ?? null,
      proposedStars: parseDecisions(r?.proposed_stars ?? null).filter((x) => x.hold).length,
    };
  });
  return { quarter: q.quarter, deadlines, counts, items };
}
