import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAR_SETS } from './default-sets.js';
import { decisionProblems, heldAfter, ratingOutcomes, scoreProblems, totalScore } from './rating-rules.js';

const urban = DEFAULT_STAR_SETS.urban;
// 支部过硬: org_life 40 (evidence), team_building 30, task_progress 30 computed from supervision.taskOnTime (0.5..0.9).
const rates = new Map([['supervision.taskOnTime', { numerator: 9, denominator: 10 }]]);

describe('the panel’s scores', () => {
  it('names each score outside [0, maxScore], on a computed indicator or an unknown star', () => {
    const p = scoreProblems(urban, {
      branch_strong: { org_life: 41, team_building: -1, task_progress: 10 },
      nope: { x: 1 },
    });
    expect(p.map((x) => [x.field, x.code])).toEqual([
      ['scores.branch_strong.org_life', 'rating.score_out_of_range'],
      ['scores.branch_strong.team_building', 'rating.score_out_of_range'],
      ['scores.branch_strong.task_progress', 'rating.score_not_scored'],
      ['scores.nope', 'rating.score_star_unknown'],
    ]);
    expect(scoreProblems(urban, { branch_strong: { org_life: 40, team_building: 0 } })).toEqual([]);
  });

  it('accepts exactly the scores within [0, maxScore] (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 60, noNaN: true }), (v) => {
        const p = scoreProblems(urban, { branch_strong: { org_life: v } });
        expect(p.length === 0).toBe(v >= 0 && v <= 40);
      }),
    );
  });
});

describe('decisions on the stars', () => {
  const scores = { branch_strong: { org_life: 36, team_building: 27 } };
  it('awards an eligible star with its evidence; refuses it without, naming stars[i]', () => {
    const withEvidence = ratingOutcomes(urban, scores, rates, new Map([['branch_strong/org_life', 2]]));
    expect(withEvidence[0]).toMatchObject({ key: 'branch_strong', score: 93, eligible: true });
    expect(totalScore(withEvidence)).toBe(93);
    expect(
      decisionProblems(urban, new Set(), [{ key: 'branch_strong', hold: true, reason: '达标' }], withEvidence),
    ).toEqual([]);

    const without = ratingOutcomes(urban, scores, rates, new Map());
    const p = decisionProblems(urban, new Set(), [{ key: 'branch_strong', hold: true, reason: '达标' }], without);
    expect(p.map((x) => [x.field, x.code])).toEqual([['stars[0]', 'rating.award_evidence_missing']]);
  });

  it('asks each indicator for its own evidence: a piece filed for the star as a whole does not stand in', () => {
    const o = ratingOutcomes(urban, scores, rates, new Map([['branch_strong', 1]]));
    expect(o[0]!.missingEvidence).toEqual(['org_life']);
    const own = ratingOutcomes(urban, scores, rates, new Map([['branch_strong/org_life', 1]]));
    expect(own[0]!.missingEvidence).toEqual([]);
  });

  it('refuses an award under the threshold or with an indicator not scored', () => {
    const low = ratingOutcomes(
      urban,
      { branch_strong: { org_life: 10, team_building: 10 } },
      rates,
      new Map([['branch_strong/org_life', 1]]),
    );
    expect(decisionProblems(urban, new Set(), [{ key: 'branch_strong', hold: true, reason: 'x' }], low)[0]!.code).toBe(
      'rating.award_below_threshold',
    );
    const half = ratingOutcomes(
      urban,
      { branch_strong: { org_life: 40 } },
      rates,
      new Map([['branch_strong/org_life', 1]]),
    );
    expect(decisionProblems(urban, new Set(), [{ key: 'branch_strong', hold: true, reason: 'x' }], half)[0]!.code).toBe(
      'rating.award_unscored',
    );
  });

  it('keeps a held star without a check, needs a reason to withdraw one, refuses unknown and repeated stars', () => {
    const none = ratingOutcomes(urban, {}, new Map(), new Map());
    const held = new Set(['branch_strong', 'safe_lawful']);
    const p = decisionProblems(
      urban,
      held,
      [
        { key: 'branch_strong', hold: true },
        { key: 'safe_lawful', hold: false, reason: ' ' },
        { key: 'moon', hold: true, reason: 'x' },
        { key: 'branch_strong', hold: true },
      ],
      none,
    );
    expect(p.map((x) => [x.field, x.code])).toEqual([
      ['stars[1].reason', 'rating.withdraw_reason_required'],
      ['stars[2].key', 'rating.star_unknown'],
      ['stars[3].key', 'rating.star_repeated'],
    ]);
    expect(
      [
        ...heldAfter(held, [
          { key: 'safe_lawful', hold: false },
          { key: 'harmony', hold: true },
        ]),
      ].sort(),
    ).toEqual(['branch_strong', 'harmony']);
  });
});
