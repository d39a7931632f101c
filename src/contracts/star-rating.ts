import { z } from 'zod';
import { quarter } from './stars.js';

// Shapes of the quarterly rating (每季评比) and the rankings of the "五星"支部 (SPEC §9, issue 14 items
// 4–5): the branch's self-assessment, the 街道's proposal (panel scores and stars), the district's
// confirmation or return; the stars held with their history; rankings per 街道 and district.

const uuid = z.uuid('must be a UUID');
const reason = z.string().trim().min(1, '请填写理由').max(400, '最长 400 个字符');

export const RATING_STATES = ['open', 'self_assessed', 'proposed', 'confirmed'] as const;
export const RatingStateSchema = z.enum(RATING_STATES);
export type RatingStateName = z.infer<typeof RatingStateSchema>;
export const RATING_STATE_NAMES: Record<RatingStateName, string> = {
  open: '待自评',
  self_assessed: '待街道提名',
  proposed: '待区级确认',
  confirmed: '已确认',
};

/** A decision on a star: the branch holds it after the quarter (award / keep) or not (withdraw). */
export const StarDecisionBody = z.strictObject({
  key: z.string().min(1).max(32),
  hold: z.boolean(),
  /** Needed for a change: an award or a withdrawal. */
  reason: z.string().trim().max(400, '最长 400 个字符').nullable().optional(),
});
export type StarDecisionBody = z.infer<typeof StarDecisionBody>;

export const SelfAssessBody = z.strictObject({
  branchId: uuid,
  quarter,
  text: z.string().trim().min(1, '请填写自评情况').max(4000, '最长 4000 个字符'),
});

export const ProposeBody = z.strictObject({
  branchId: uuid,
  quarter,
  /** The panel's scores of the scored indicators: { [starKey]: { [indicatorKey]: score in [0, maxScore] } }. */
  scores: z.record(z.string(), z.record(z.string(), z.number())),
  /** The stars the branch should hold (or lose) after the quarter; a star left out stays as it is. */
  stars: z.array(StarDecisionBody).max(8),
  remark: z.string().trim().max(2000, '最长 2000 个字符').nullable().optional(),
});
export type ProposeBody = z.infer<typeof ProposeBody>;

export const ReturnBody = z.strictObject({ reason });

export const ConfirmBody = z.strictObject({
  /** The district's decisions; left out, the 街道's proposal is confirmed as it stands. */
  stars: z.array(StarDecisionBody).max(8).optional(),
});

export const RatingListQuery = z.strictObject({
  quarter,
  /** A 街道 (or the district) in scope; default the caller's scope root. */
  unitId: uuid.optional(),
});

export const RankingQuery = RatingListQuery;

const IndicatorView = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['computed', 'scored']),
  maxScore: z.number(),
  score: z.number().nullable(),
  /** computed: the rate's source, numerator and denominator. */
  source: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  evidenceRequired: z.boolean(),
  evidenceCount: z.number(),
});

const StarOutcomeView = z.object({
  key: z.string(),
  name: z.string(),
  threshold: z.number(),
  total: z.number(),
  score: z.number().nullable(),
  eligible: z.boolean(),
  missingEvidence: z.array(z.string()),
  unscored: z.array(z.string()),
  unmeasured: z.array(z.string()),
  heldBefore: z.boolean(),
  indicators: z.array(IndicatorView),
});
export type StarOutcomeView = z.infer<typeof StarOutcomeView>;

const Decision = z.object({ key: z.string(), hold: z.boolean(), reason: z.string().nullable() });
const Step = z.object({ byName: z.string(), at: z.string() }).nullable();

export const RatingView = z.object({
  /** null while nothing was done for the quarter (open). */
  id: z.string().nullable(),
  branchId: z.string(),
  branchName: z.string(),
  /** The community or village of the branch, and its 街道. */
  communityName: z.string(),
  subdistrictName: z.string(),
  quarter: z.string(),
  branchKind: z.enum(['village', 'urban']),
  setId: z.string(),
  setVersion: z.number(),
  state: RatingStateSchema,
  deadlines: z.object({ self: z.string(), propose: z.string(), confirm: z.string() }),
  /** The stage's deadline has passed while it is still owed. */
  overdue: z.boolean(),
  selfText: z.string().nullable(),
  selfAssessed: Step,
  scores: z.record(z.string(), z.record(z.string(), z.number())),
  proposedStars: z.array(Decision),
  proposalRemark: z.string().nullable(),
  proposed: Step,
  returnedReason: z.string().nullable(),
  returned: Step,
  returnCount: z.number(),
  confirmedStars: z.array(Decision),
  confirmed: Step,
  starsHeld: z.number().nullable(),
  totalScore: z.number().nullable(),
  /** Where each star stands: from the kept outcome once confirmed, else as of now. */
  outcomes: z.array(StarOutcomeView),
  /** The stars held before this quarter's decisions. */
  heldBefore: z.array(z.string()),
  evidence: z.array(
    z.object({
      id: z.string(),
      starKey: z.string(),
      indicatorKey: z.string().nullable(),
      fileId: z.string().nullable(),
      note: z.string().nullable(),
      uploadedByName: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  actions: z.array(z.enum(['self_assess', 'propose', 'return', 'confirm'])),
  rowVersion: z.number(),
});
export type RatingView = z.infer<typeof RatingView>;

export const RatingSummary = z.object({
  id: z.string().nullable(),
  branchId: z.string(),
  branchName: z.string(),
  communityName: z.string(),
  subdistrictName: z.string(),
  state: RatingStateSchema,
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  starsHeld: z.number().nullable(),
  totalScore: z.number().nullable(),
  proposedStars: z.number(),
});
export const RatingList = z.object({
  quarter: z.string(),
  deadlines: z.object({ self: z.string(), propose: z.string(), confirm: z.string() }),
  counts: z.record(RatingStateSchema, z.number()),
  items: z.array(RatingSummary),
});
export type RatingList = z.infer<typeof RatingList>;

export const RankingRow = z.object({
  branchId: z.string(),
  branchName: z.string(),
  communityName: z.string(),
  subdistrictName: z.string(),
  /** null: 未评 (no confirmed rating this quarter). */
  rank: z.number().nullable(),
  previousRank: z.number().nullable(),
  movement: z.number().nullable(),
  stars: z.number().nullable(),
  starNames: z.array(z.string()),
  score: z.number().nullable(),
  /** The confirmed rating the numbers come from (GET /api/v1/stars/ratings/:id). */
  ratingId: z.string().nullable(),
});
export const Ranking = z.object({
  quarter: z.string(),
  previousQuarter: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  rated: z.number(),
  unrated: z.number(),
  rows: z.array(RankingRow),
});
export type Ranking = z.infer<typeof Ranking>;

export const StarHistory = z.object({
  branchId: z.string(),
  branchName: z.string(),
  held: z.array(z.object({ key: z.string(), name: z.string(), since: z.string() })),
  awards: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      awardedQuarter: z.string(),
      awardReason: z.string(),
      awardedByName: z.string(),
      awardedRatingId: z.string(),
      withdrawnQuarter: z.string().nullable(),
      withdrawReason: z.string().nullable(),
      withdrawnByName: z.string().nullable(),
      withdrawnRatingId: z.string().nullable(),
    }),
  ),
  ratings: z.array(
    z.object({
      id: z.string(),
      quarter: z.string(),
      state: RatingStateSchema,
      starsHeld: z.number().nullable(),
      totalScore: z.number().nullable(),
    }),
  ),
});
export type StarHistory = z.infer<typeof StarHistory>;

/** The stars held now by the branches under a unit (the dashboard's 支部获星数 opens this list). */
export const HeldStarsQuery = z.strictObject({
  /** The district, a 街道, a community or a village in scope; default the caller's scope root. */
  unitId: uuid.optional(),
});

export const HeldStars = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** The quarter "now" falls in: a star counts when awarded by then and not withdrawn by then. */
  quarter: z.string(),
  /** Stars held: the rows' count, the measure 支部获星数 of the unit. */
  total: z.number().int(),
  /** Branches holding at least one. */
  branches: z.number().int(),
  items: z.array(
    z.object({
      awardId: z.string(),
      branchId: z.string(),
      branchName: z.string(),
      communityName: z.string(),
      subdistrictName: z.string(),
      starKey: z.string(),
      starName: z.string(),
      awardedQuarter: z.string(),
      awardedAt: z.string(),
      awardedRatingId: z.string(),
    }),
  ),
});
export type HeldStars = z.infer<typeof HeldStars>;

/** The 工作台's rating lines: whose step a rating waits for (`/stars/rating?waiting=…`). */
export const RATING_WAITING = ['self', 'propose', 'confirm'] as const;
export type RatingWaiting = (typeof RATING_WAITING)[number];

/**
 * Whether a rating of the list waits for the step named, and by which day — the rule the 工作台 counts
 * with (stars/commands/work-items.ts, by the rating's table; rating-waiting.test.ts holds the two
 * together): 自评 while open; 提名 once self-assessed, or open once the 自评 deadline has passed (then
 * due by the 提名 deadline); 确认 once proposed. null when it waits for something else.
 */
export function ratingWaitsFor(
  r: { state: RatingStateName; deadline: string | null },
  waiting: RatingWaiting,
  deadlines: { self: string; propose: string },
  today: string,
): { deadline: string | null; overdue: boolean } | null {
  const waits =
    waiting === 'self'
      ? r.state === 'open'
      : waiting === 'propose'
        ? r.state === 'self_assessed' || (r.state === 'open' && today > deadlines.self)
        : r.state === 'proposed';
  if (!waits) return null;
  const deadline = r.state === 'open' && waiting === 'propose' ? deadlines.propose : r.deadline;
  return { deadline, overdue: deadline !== null && today > deadline };
}
