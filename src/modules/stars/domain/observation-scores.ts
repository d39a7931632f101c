/**
 * 每月观摩: each visitor scores each visited branch 0–100 with a remark; a branch's result is the mean
 * of the scores it was given (visitors who gave none are not counted as 0), rounded to one decimal.
 */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

export interface GivenScore {
  visitorId: string;
  branchId: string;
  score: number;
}

export interface BranchAverage {
  branchId: string;
  /** How many visitors scored it. */
  count: number;
  /** null while nobody scored it. */
  average: number | null;
}

export function branchAverages(branchIds: readonly string[], scores: readonly GivenScore[]): BranchAverage[] {
  return branchIds.map((branchId) => {
    const mine = scores.filter((s) => s.branchId === branchId);
    const sum = mine.reduce((a, s) => a + s.score, 0);
    return {
      branchId,
      count: mine.length,
      average: mine.length ? Math.round((sum / mine.length) * 10) / 10 : null,
    };
  });
}

/** A score the panel may give: within 0–100, at most one decimal (92.5). */
export function scoreProblem(score: number): 'range' | 'precision' | null {
  if (!Number.isFinite(score) || score < SCORE_MIN || score > SCORE_MAX) return 'range';
  if (Math.abs(Math.round(score * 10) - score * 10) > 1e-9) return 'precision';
  return null;
}
