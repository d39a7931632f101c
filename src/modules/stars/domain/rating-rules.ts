import type { StarDefinition } from '../../../contracts/stars.js';
import type { FieldProblem } from '../../../kernel/errors.js';
import { starOutcome, type IndicatorInput, type StarOutcome } from './star-set.js';

/** The panel's scores of the scored indicators: { [starKey]: { [indicatorKey]: score } }. */
export type PanelScores = Record<string, Record<string, number>>;

/** A decision on one star: the branch holds it after the quarter (award / keep) or not (withdraw / not awarded). */
export interface StarDecision {
  key: string;
  hold: boolean;
  reason?: string | null;
}

/** Field problems of the panel's scores against the set: unknown stars, computed or unknown indicators, out of range. */
export function scoreProblems(stars: readonly StarDefinition[], scores: PanelScores): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [starKey, byIndicator] of Object.entries(scores)) {
    const star = stars.find((s) => s.key === starKey);
    if (!star) {
      problems.push({
        field: `scores.${starKey}`,
        code: 'rating.score_star_unknown',
        message: 'no such star in the set',
      });
      continue;
    }
    for (const [indKey, value] of Object.entries(byIndicator)) {
      const field = `scores.${starKey}.${indKey}`;
      const ind = star.indicators.find((i) => i.key === indKey);
      if (!ind || ind.kind !== 'scored')
        problems.push({ field, code: 'rating.score_not_scored', message: 'not an indicator the panel scores' });
      else if (!Number.isFinite(value) || value < 0 || value > ind.maxScore)
        problems.push({
          field,
          code: 'rating.score_out_of_range',
          message: `score must lie in [0, ${ind.maxScore}]`,
          params: { max: ind.maxScore },
        });
    }
  }
  return problems;
}

/** Where each star stands: panel scores, kept rates (by source) and evidence counts in, outcomes out. */
export function ratingOutcomes(
  stars: readonly StarDefinition[],
  scores: PanelScores,
  rates: ReadonlyMap<string, { numerator: number; denominator: number }>,
  evidence: ReadonlyMap<string, number>,
): StarOutcome[] {
  return stars.map((star) => {
    const inputs: Record<string, IndicatorInput> = {};
    for (const ind of star.indicators) {
      // Evidence shown for the indicator itself: what it asks for (会议记录, 财务报表 …) is its own; a
      // piece filed for the star as a whole does not stand in for every indicator's.
      const evidenceCount = evidence.get(`${star.key}/${ind.key}`) ?? 0;
      inputs[ind.key] =
        ind.kind === 'scored'
          ? { score: scores[star.key]?.[ind.key] ?? null, evidenceCount }
          : { rate: (ind.source && rates.get(ind.source)) || null, evidenceCount };
    }
    return starOutcome(star, inputs);
  });
}

/** The rating's total: the sum of the stars' scores (a star with nothing measurable counts 0). */
export function totalScore(outcomes: readonly StarOutcome[]): number {
  return Math.round(outcomes.reduce((s, o) => s + (o.score ?? 0), 0) * 100) / 100;
}

/**
 * Field problems of the decisions on the stars, given what the branch holds before them and where each
 * star stands: unknown or repeated stars; an award (hold a star not held) that is not eligible — the
 * required evidence missing, a scored indicator not scored, or the score under the threshold; a change
 * (award or withdrawal) without a reason.
 */
export function decisionProblems(
  stars: readonly StarDefinition[],
  heldBefore: ReadonlySet<string>,
  decisions: readonly StarDecision[],
  outcomes: readonly StarOutcome[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    const field = `stars[${i}]`;
    const star = stars.find((s) => s.key === d.key);
    if (!star) {
      problems.push({ field: `${field}.key`, code: 'rating.star_unknown', message: 'no such star in the set' });
      return;
    }
    if (seen.has(d.key)) {
      problems.push({ field: `${field}.key`, code: 'rating.star_repeated', message: 'star named twice' });
      return;
    }
    seen.add(d.key);
    const held = heldBefore.has(d.key);
    if (d.hold === held) return;
    if (!d.reason?.trim())
      problems.push({
        field: `${field}.reason`,
        code: d.hold ? 'rating.award_reason_required' : 'rating.withdraw_reason_required',
        message: d.hold ? 'an award needs a reason' : 'a withdrawal needs a reason',
      });
    if (!d.hold) return;
    const o = outcomes.find((x) => x.key === d.key)!;
    const name = (k: string) => star.indicators.find((x) => x.key === k)?.name ?? k;
    if (o.missingEvidence.length)
      problems.push({
        field,
        code: 'rating.award_evidence_missing',
        message: `required evidence missing: ${o.missingEvidence.join(', ')}`,
        params: { star: star.name, indicators: o.missingEvidence.map(name).join('、') },
      });
    else if (o.unscored.length)
      problems.push({
        field,
        code: 'rating.award_unscored',
        message: `not scored: ${o.unscored.join(', ')}`,
        params: { star: star.name, indicators: o.unscored.map(name).join('、') },
      });
    else if (!o.eligible)
      problems.push({
        field,
        code: 'rating.award_below_threshold',
        message: `score ${o.score ?? '-'} under the threshold ${o.threshold}`,
        params: { star: star.name, score: o.score ?? 0, threshold: o.threshold },
      });
  });
  return problems;
}

/** The stars held after the decisions: those held before, plus the awards, minus the withdrawals. */
export function heldAfter(heldBefore: ReadonlySet<string>, decisions: readonly StarDecision[]): Set<string> {
  const out = new Set(heldBefore);
  for (const d of decisions) {
    if (d.hold) out.add(d.key);
    else out.delete(d.key);
  }
  return out;
}
