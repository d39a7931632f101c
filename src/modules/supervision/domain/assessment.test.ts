import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../kernel/errors.js';
import {
  assess,
  assessUnits,
  completedOn,
  hasAssessmentData,
  DEFAULT_ASSESSMENT_RULES,
  rankUnits,
  scoreUnit,
  unitFacts,
  type UnitFacts,
  type UnitScore,
} from './assessment.js';
import { task } from './test-fixtures.js';

const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const facts = (over: Partial<UnitFacts> = {}): UnitFacts => ({
  unitId: 'u',
  milestonesDue: 0,
  milestonesOnTime: 0,
  reportPeriodsDue: 0,
  reportPeriodsReported: 0,
  overdueTasks: 0,
  qualityMarks: [],
  ...over,
});

describe('unit facts', () => {
  const t = task({
    start: '2026-03-02',
    deadline: '2026-03-20',
    milestones: [
      { title: 'a', due: '2026-03-05', doneOn: '2026-03-05' },
      { title: 'b', due: '2026-03-10', doneOn: '2026-03-11' },
      { title: 'c', due: '2026-03-20', doneOn: null },
      { title: 'd', due: '2026-04-10', doneOn: null },
    ],
    cadence: { kind: 'weekly', firstDue: '2026-03-06' },
    reports: [
      { date: '2026-03-06', percent: 30, evidenceCount: 1 },
      { date: '2026-03-19', percent: 80, evidenceCount: 2 },
    ],
  });
  it('counts milestones on time, report periods kept and overdue tasks', () => {
    expect(unitFacts('u', [t], Q1, '2026-04-15', [90, 70])).toEqual({
      unitId: 'u',
      milestonesDue: 3,
      milestonesOnTime: 1,
      reportPeriodsDue: 3,
      reportPeriodsReported: 2,
      overdueTasks: 1,
      qualityMarks: [90, 70],
    });
  });
  it('sees nothing after asOf', () => {
    expect(unitFacts('u', [t], Q1, '2026-03-08')).toMatchObject({
      milestonesDue: 1,
      milestonesOnTime: 1,
      reportPeriodsDue: 1,
      reportPeriodsReported: 1,
      overdueTasks: 0,
    });
  });
  it('dates a key project completed by roll-up on the day its last sub-task was done', () => {
    // 甲 reports 100 % on 03-10; 乙's two milestones are done 03-12 and 03-15: the project reaches 100 % on 03-15.
    const project = task({
      deadline: '2026-03-31',
      subTasks: [
        task({ id: 'a', reports: [{ date: '2026-03-10', percent: 100, evidenceCount: 1 }] }),
        task({
          id: 'b',
          reports: [{ date: '2026-03-05', percent: 40, evidenceCount: 0 }],
          milestones: [
            { title: '方案', due: '2026-03-12', doneOn: '2026-03-12' },
            { title: '验收', due: '2026-03-20', doneOn: '2026-03-15' },
          ],
        }),
      ],
    });
    expect(completedOn(project, '2026-03-14')).toBeNull();
    expect(completedOn(project, '2026-03-15')).toBe('2026-03-15');
    expect(completedOn(project, '2026-04-30')).toBe('2026-03-15');
    // Its own 100 % report on 03-13 came first.
    const reported = { ...project, reports: [{ date: '2026-03-13', percent: 100, evidenceCount: 0 }] };
    expect(completedOn(reported, '2026-04-30')).toBe('2026-03-13');
    // A sub-task with weight 0 does not hold the project back.
    const weighted = task({
      subTasks: [
        task({ id: 'a', weight: 1, reports: [{ date: '2026-03-10', percent: 100, evidenceCount: 1 }] }),
        task({ id: 'b', weight: 0 }),
      ],
    });
    expect(completedOn(weighted, '2026-03-31')).toBe('2026-03-10');
  });
  it('does not count a task finished by its deadline as overdue', () => {
    const done = task({ deadline: '2026-03-20', reports: [{ date: '2026-03-20', percent: 100, evidenceCount: 1 }] });
    expect(completedOn(done, '2026-04-01')).toBe('2026-03-20');
    expect(unitFacts('u', [done], Q1, '2026-04-01').overdueTasks).toBe(0);
  });
});

describe('scoring', () => {
  it('gives full marks when nothing was due', () => {
    expect(scoreUnit(DEFAULT_ASSESSMENT_RULES, facts()).total).toBe(100);
  });
  it('breaks the score down by rule', () => {
    const s = scoreUnit(
      DEFAULT_ASSESSMENT_RULES,
      facts({
        milestonesDue: 4,
        milestonesOnTime: 3,
        reportPeriodsDue: 10,
        reportPeriodsReported: 5,
        overdueTasks: 2,
        qualityMarks: [80, 60],
      }),
    );
    expect(s.breakdown.map((b) => [b.kind, b.points])).toEqual([
      ['on_time_milestone_rate', 30],
      ['report_cadence_rate', 15],
      ['overdue_count', -4],
      ['quality_marks', 21],
    ]);
    expect(s.total).toBe(62);
  });
  it('caps the overdue penalty', () => {
    expect(
      scoreUnit([{ kind: 'overdue_count', penaltyEach: 2, maxPenalty: 20 }], facts({ overdueTasks: 50 })).total,
    ).toBe(-20);
  });
  it('refuses a negative weight naming the rule', () => {
    try {
      scoreUnit([{ kind: 'quality_marks', weight: -1 }], facts());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: 'supervision.invalid_rules', errors: [{ field: 'rules[0].weight' }] });
    }
  });
});

describe('ranking', () => {
  const s = (unitId: string, total: number): UnitScore => ({ unitId, total, breakdown: [] });
  it('shares ranks between equal totals and skips the next (1, 2, 2, 4)', () => {
    expect(rankUnits([s('d', 70), s('c', 90), s('a', 80), s('b', 80)]).map((r) => [r.unitId, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
    ]);
  });
  it('ranks a whole district from facts', () => {
    const r = assess(DEFAULT_ASSESSMENT_RULES, [facts({ unitId: 'x', overdueTasks: 1 }), facts({ unitId: 'y' })]);
    expect(r.map((u) => [u.unitId, u.total, u.rank])).toEqual([
      ['y', 100, 1],
      ['x', 98, 2],
    ]);
  });
  /*
   * Hand-computed with the default rules (milestones 40, reports 30, marks 30, −2 per overdue task):
   *   A  nothing due but one task past its deadline: every rate would be "full" → 98; nothing to judge
   *   B  7 of 7 reports, 3 of 4 milestones on time, no mark: 40 × 3/4 + 30 × 7/7 + 30 = 90
   *   C  only a quality mark of 80: 40 + 30 + 30 × 0.8 = 94
   *   D  nothing at all (only listed because it led a task due in the period)
   */
  it('ranks only units with something to judge, and lists the others apart as 无考核数据', () => {
    const r = assessUnits(DEFAULT_ASSESSMENT_RULES, [
      facts({ unitId: 'A', overdueTasks: 1 }),
      facts({ unitId: 'B', reportPeriodsDue: 7, reportPeriodsReported: 7, milestonesDue: 4, milestonesOnTime: 3 }),
      facts({ unitId: 'C', qualityMarks: [80] }),
      facts({ unitId: 'D' }),
    ]);
    expect(r.ranked.map((u) => [u.unitId, u.total, u.rank])).toEqual([
      ['C', 94, 1],
      ['B', 90, 2],
    ]);
    expect(r.noData.map((f) => [f.unitId, f.overdueTasks])).toEqual([
      ['A', 1],
      ['D', 0],
    ]);
    expect(scoreUnit(DEFAULT_ASSESSMENT_RULES, facts({ overdueTasks: 1 })).total).toBe(98); // what A would have had
  });
  it('has data with any one of a milestone due, a report period due or a mark', () => {
    expect(hasAssessmentData(facts())).toBe(false);
    expect(hasAssessmentData(facts({ overdueTasks: 3 }))).toBe(false);
    expect(hasAssessmentData(facts({ milestonesDue: 1 }))).toBe(true);
    expect(hasAssessmentData(facts({ reportPeriodsDue: 1 }))).toBe(true);
    expect(hasAssessmentData(facts({ qualityMarks: [0] }))).toBe(true);
  });
  it('is a permutation ordered by score, with ranks consistent with scores', () => {
    const scores = fc.uniqueArray(
      fc.record({ unitId: fc.string({ minLength: 1, maxLength: 4 }), total: fc.integer({ min: -20, max: 100 }) }),
      { selector: (u) => u.unitId, maxLength: 30 },
    );
    fc.assert(
      fc.property(scores, (input) => {
        const ranked = rankUnits(input.map((u) => s(u.unitId, u.total)));
        expect(ranked.map((r) => r.unitId).sort()).toEqual(input.map((u) => u.unitId).sort());
        ranked.forEach((r, i) => {
          expect(r.rank).toBe(1 + ranked.filter((o) => o.total > r.total).length);
          if (i > 0) expect(ranked[i - 1].total).toBeGreaterThanOrEqual(r.total);
        });
      }),
    );
  });
});
