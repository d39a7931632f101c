import type { BranchKind, StarDefinition, StarIndicator } from '../../../contracts/stars.js';

/** A stored version of a set, as the domain sees it. */
export interface StoredSet {
  id: string;
  branchKind: BranchKind;
  version: number;
  effectiveFrom: string;
  stars: StarDefinition[];
}

/** A branch of a village is rated on the village set, a branch of an urban community on the urban one. */
export function branchKindOf(parentUnitKind: string): BranchKind | null {
  if (parentUnitKind === 'village') return 'village';
  if (parentUnitKind === 'community') return 'urban';
  return null;
}

/** The version a quarter is rated on: the latest one in force from that quarter or before. */
export function setInForce<T extends Pick<StoredSet, 'effectiveFrom' | 'version'>>(
  versions: readonly T[],
  quarter: string,
): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > quarter) continue;
    if (
      !best ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    )
      best = v;
  }
  return best;
}

/** What an indicator is scored from in one branch's quarter. */
export interface IndicatorInput {
  /** scored: the panel's score, null while not scored. */
  score?: number | null;
  /** computed: the rate as its source counted it; null or a zero denominator = nothing to measure. */
  rate?: { numerator: number; denominator: number } | null;
  /** Pieces of evidence shown for this indicator. */
  evidenceCount: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * An indicator's score: the panel's for a scored one; for a computed one, full marks at or above
 * `fullAt`, 0 at or below `zeroAt` (0 when unset) and linear in between. null when the panel has not
 * scored it or the rate had nothing to measure.
 */
export function scoreIndicator(ind: StarIndicator, input: IndicatorInput): number | null {
  if (ind.kind === 'scored') return input.score ?? null;
  const rate = input.rate;
  if (!rate || rate.denominator <= 0) return null;
  const r = rate.numerator / rate.denominator;
  const full = ind.fullAt ?? 1;
  const zero = ind.zeroAt ?? 0;
  if (r >= full) return ind.maxScore;
  if (r <= zero) return 0;
  return round2((ind.maxScore * (r - zero)) / (full - zero));
}

export interface IndicatorOutcome {
  key: string;
  score: number | null;
  maxScore: number;
  /** The rate behind a computed score (numerator ÷ denominator), null for a scored indicator. */
  rate: number | null;
  evidenceCount: number;
}

export interface StarOutcome {
  key: string;
  /**
   * The star's score out of `total`: the indicators' scores, rescaled to the star's full marks when a
   * computed indicator had nothing to measure (it is left out, not counted as full or as zero); null
   * when nothing at all could be measured or scored.
   */
  score: number | null;
  total: number;
  threshold: number;
  /** True when every scored indicator is scored, the evidence asked for is there and score ≥ threshold. */
  eligible: boolean;
  /** Indicators asking for evidence that have none. */
  missingEvidence: string[];
  /** Computed indicators with nothing to measure this quarter. */
  unmeasured: string[];
  /** Scored indicators the panel has not scored. */
  unscored: string[];
  indicators: IndicatorOutcome[];
}

/** Where one star stands for one branch and quarter (pure: the inputs are read by the caller). */
export function starOutcome(star: StarDefinition, inputs: Readonly<Record<string, IndicatorInput>>): StarOutcome {
  let total = 0;
  let measurableMax = 0;
  let sum = 0;
  const missingEvidence: string[] = [];
  const unmeasured: string[] = [];
  const unscored: string[] = [];
  const indicators: IndicatorOutcome[] = [];
  for (const ind of star.indicators) {
    const input = inputs[ind.key] ?? { evidenceCount: 0 };
    const score = scoreIndicator(ind, input);
    total += ind.maxScore;
    if (ind.evidenceRequired && input.evidenceCount <= 0) missingEvidence.push(ind.key);
    if (score === null) (ind.kind === 'computed' ? unmeasured : unscored).push(ind.key);
    if (score !== null || ind.kind === 'scored') measurableMax += ind.maxScore;
    if (score !== null) sum += score;
    const rate = input.rate && input.rate.denominator > 0 ? input.rate.numerator / input.rate.denominator : null;
    indicators.push({
      key: ind.key,
      score,
      maxScore: ind.maxScore,
      rate: ind.kind === 'computed' ? rate : null,
      evidenceCount: input.evidenceCount,
    });
  }
  const anything = indicators.some((i) => i.score !== null);
  const score = anything && measurableMax > 0 ? round2((sum * total) / measurableMax) : null;
  return {
    key: star.key,
    score,
    total,
    threshold: star.threshold,
    eligible: score !== null && unscored.length === 0 && missingEvidence.length === 0 && score >= star.threshold,
    missingEvidence,
    unmeasured,
    unscored,
    indicators,
  };
}
