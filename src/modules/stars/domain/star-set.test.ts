import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StarDefinition, StarSetBody, type StarIndicator } from '../../../contracts/stars.js';
import { DEFAULT_STAR_SETS } from './default-sets.js';
import { branchKindOf, scoreIndicator, setInForce, starOutcome } from './star-set.js';

const closure: StarIndicator = {
  key: 'closure',
  name: '问题结案率',
  kind: 'computed',
  maxScore: 30,
  source: 'cases.closureRate',
  fullAt: 0.95,
  zeroAt: 0.6,
  evidence: null,
  evidenceRequired: false,
};
const life: StarIndicator = {
  key: 'life',
  name: '组织生活',
  kind: 'scored',
  maxScore: 40,
  source: null,
  fullAt: null,
  zeroAt: null,
  evidence: '会议记录',
  evidenceRequired: true,
};
const team: StarIndicator = {
  ...life,
  key: 'team',
  name: '班子',
  maxScore: 30,
  evidence: null,
  evidenceRequired: false,
};
const star = StarDefinition.parse({ key: 'eco', name: '生态宜居', threshold: 80, indicators: [life, team, closure] });

describe('scoreIndicator', () => {
  it('scores a rate linearly between zeroAt and fullAt (by hand: 0.775 is half way from 0.6 to 0.95)', () => {
    expect(scoreIndicator(closure, { rate: { numerator: 31, denominator: 40 }, evidenceCount: 0 })).toBe(15);
    expect(scoreIndicator(closure, { rate: { numerator: 19, denominator: 20 }, evidenceCount: 0 })).toBe(30);
    expect(scoreIndicator(closure, { rate: { numerator: 20, denominator: 20 }, evidenceCount: 0 })).toBe(30);
    expect(scoreIndicator(closure, { rate: { numerator: 12, denominator: 20 }, evidenceCount: 0 })).toBe(0);
    expect(scoreIndicator(closure, { rate: { numerator: 1, denominator: 20 }, evidenceCount: 0 })).toBe(0);
    // 0.8 → 30 × 0.2 / 0.35 = 17.142… → 17.14
    expect(scoreIndicator(closure, { rate: { numerator: 16, denominator: 20 }, evidenceCount: 0 })).toBe(17.14);
  });

  it('has nothing to measure when no case was due, and does not guess', () => {
    expect(scoreIndicator(closure, { rate: { numerator: 0, denominator: 0 }, evidenceCount: 0 })).toBeNull();
    expect(scoreIndicator(closure, { rate: null, evidenceCount: 0 })).toBeNull();
  });

  it('takes the panel’s score for a scored indicator, null until it is given', () => {
    expect(scoreIndicator(life, { score: 33, evidenceCount: 1 })).toBe(33);
    expect(scoreIndicator(life, { evidenceCount: 1 })).toBeNull();
  });
});

describe('starOutcome', () => {
  it('awards nothing without the evidence asked for, even on full marks', () => {
    const o = starOutcome(star, {
      life: { score: 40, evidenceCount: 0 },
      team: { score: 30, evidenceCount: 0 },
      closure: { rate: { numerator: 1, denominator: 1 }, evidenceCount: 0 },
    });
    expect(o).toMatchObject({ score: 100, total: 100, eligible: false, missingEvidence: ['life'] });
  });

  it('reaches the threshold with 36 + 24 + 20 = 80 (by hand) and the evidence', () => {
    const o = starOutcome(star, {
      life: { score: 36, evidenceCount: 2 },
      team: { score: 24, evidenceCount: 0 },
      // 0.8333… → 30 × 0.2333 / 0.35 = 20
      closure: { rate: { numerator: 25, denominator: 30 }, evidenceCount: 0 },
    });
    expect(o).toMatchObject({ score: 80, eligible: true, missingEvidence: [], unmeasured: [], unscored: [] });
  });

  it('rescales over what could be measured when no case was due: (36 + 24) × 100 / 70 = 85.71', () => {
    const o = starOutcome(star, {
      life: { score: 36, evidenceCount: 1 },
      team: { score: 24, evidenceCount: 0 },
      closure: { rate: { numerator: 0, denominator: 0 }, evidenceCount: 0 },
    });
    expect(o).toMatchObject({ score: 85.71, unmeasured: ['closure'], eligible: true });
  });

  it('is not eligible while the panel has not scored an indicator, and counts that indicator as 0', () => {
    const o = starOutcome(star, {
      life: { score: 40, evidenceCount: 1 },
      closure: { rate: { numerator: 1, denominator: 1 }, evidenceCount: 0 },
    });
    expect(o).toMatchObject({ score: 70, unscored: ['team'], eligible: false });
  });

  it('has no score when nothing was scored or measured', () => {
    expect(starOutcome(star, {}).score).toBeNull();
  });

  it('keeps the score within [0, total], monotone in the panel’s scores, and eligibility implies the rules', () => {
    const input = fc.record({
      life: fc.option(fc.integer({ min: 0, max: 40 })),
      team: fc.option(fc.integer({ min: 0, max: 30 })),
      den: fc.integer({ min: 0, max: 50 }),
      num: fc.integer({ min: 0, max: 50 }),
      evidence: fc.integer({ min: 0, max: 2 }),
      bump: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(input, (x) => {
        const rate = { numerator: Math.min(x.num, x.den), denominator: x.den };
        const inputs = {
          life: { score: x.life, evidenceCount: x.evidence },
          team: { score: x.team, evidenceCount: 0 },
          closure: { rate, evidenceCount: 0 },
        };
        const o = starOutcome(star, inputs);
        if (o.score !== null) {
          expect(o.score).toBeGreaterThanOrEqual(0);
          expect(o.score).toBeLessThanOrEqual(o.total);
        }
        if (o.eligible) {
          expect(x.evidence).toBeGreaterThan(0);
          expect(x.life !== null && x.team !== null).toBe(true);
          expect(o.score!).toBeGreaterThanOrEqual(star.threshold);
        }
        if (x.life !== null) {
          const more = starOutcome(star, {
            ...inputs,
            life: { score: Math.min(40, x.life + x.bump), evidenceCount: x.evidence },
          });
          expect(more.score!).toBeGreaterThanOrEqual(o.score!);
        }
      }),
    );
  });
});

describe('sets', () => {
  it('rates a village branch on the village set and an urban one on the urban set', () => {
    expect(branchKindOf('village')).toBe('village');
    expect(branchKindOf('community')).toBe('urban');
    expect(branchKindOf('subdistrict')).toBeNull();
  });

  it('rates a quarter on the latest version in force then', () => {
    const v = [
      { id: 'a', effectiveFrom: '2025-Q1', version: 1 },
      { id: 'b', effectiveFrom: '2026-Q3', version: 2 },
      { id: 'c', effectiveFrom: '2026-Q3', version: 3 },
    ];
    expect(setInForce(v, '2024-Q4')).toBeNull();
    expect(setInForce(v, '2026-Q2')?.id).toBe('a');
    expect(setInForce(v, '2026-Q3')?.id).toBe('c');
    expect(setInForce(v, '2027-Q1')?.id).toBe('c');
  });

  it('ships default sets that pass their own validation, with the five stars SPEC §9 names', () => {
    for (const kind of ['village', 'urban'] as const) {
      const parsed = StarSetBody.parse({ branchKind: kind, effectiveFrom: '2026-Q1', stars: DEFAULT_STAR_SETS[kind] });
      expect(parsed.stars).toHaveLength(5);
      for (const s of parsed.stars) expect(s.indicators.reduce((t, i) => t + i.maxScore, 0)).toBe(100);
    }
    expect(DEFAULT_STAR_SETS.village.map((s) => s.name)).toEqual([
      '支部过硬',
      '产业兴旺',
      '生态宜居',
      '平安法治',
      '文明幸福',
    ]);
    expect(DEFAULT_STAR_SETS.urban.map((s) => s.name)).toEqual([
      '支部过硬',
      '宜业兴业',
      '平安法治',
      '幸福和谐',
      '共建共享',
    ]);
  });

  it('refuses a set whose threshold exceeds the full marks or whose computed indicator has no source', () => {
    const bad = StarSetBody.safeParse({
      branchKind: 'urban',
      effectiveFrom: '2026-Q1',
      stars: [{ key: 'x1', name: 'x', threshold: 120, indicators: [{ ...closure, source: null }] }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['stars.0.threshold', 'stars.0.indicators.0.source']));
  });
});
