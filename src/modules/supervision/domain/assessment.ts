import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { reportPeriods } from './cadence.js';
import { reportsUpTo, type Task } from './task-types.js';
import { rollUpProgress } from './task-tree.js';

/**
 * Assessment (考核) rules as data. Weighted rules score weight × rate (rate 0..1); the overdue rule
 * subtracts penaltyEach per overdue task, at most maxPenalty. A rate with nothing to judge in the
 * period (no milestone due, no report period, no quality mark) scores the full weight: a unit is
 * not marked down for having had nothing due. A unit with nothing to judge at all is not scored
 * (hasAssessmentData, assessUnits): 无考核数据.
 */
export type AssessmentRule =
  | { kind: 'on_time_milestone_rate'; weight: number }
  | { kind: 'report_cadence_rate'; weight: number }
  | { kind: 'overdue_count'; penaltyEach: number; maxPenalty: number }
  | { kind: 'quality_marks'; weight: number };

export type AssessmentRuleKind = AssessmentRule['kind'];

export const DEFAULT_ASSESSMENT_RULES: readonly AssessmentRule[] = [
  { kind: 'on_time_milestone_rate', weight: 40 },
  { kind: 'report_cadence_rate', weight: 30 },
  { kind: 'overdue_count', penaltyEach: 2, maxPenalty: 20 },
  { kind: 'quality_marks', weight: 30 },
];

/** An assessment period, local dates inclusive. */
export interface AssessmentPeriod {
  from: string;
  to: string;
}

/** What the rules count for one unit in one period. */
export interface UnitFacts {
  unitId: string;
  /** Milestones due in the period (and by asOf). */
  milestonesDue: number;
  /** Of those, done on or before their due date. */
  milestonesOnTime: number;
  /** Report periods due in the period (and ended by asOf). */
  reportPeriodsDue: number;
  /** Of those, with a report dated inside the period. */
  reportPeriodsReported: number;
  /** Tasks whose deadline fell in the period before asOf and that were not complete by it. */
  overdueTasks: number;
  /** Quality marks (0..100) given by the supervision office in the period. */
  qualityMarks: readonly number[];
}

/** The date a task became complete (100 % reported, or its last milestone done), null if not by asOf. */
function ownCompletedOn(task: Task, asOf: string): string | null {
  const full = reportsUpTo(task.reports, asOf).find((r) => r.percent >= 100)?.date ?? null;
  let byMilestones: string | null = null;
  if (task.milestones.length > 0 && task.milestones.every((m) => m.doneOn !== null && m.doneOn <= asOf)) {
    byMilestones =
      task.milestones
        .map((m) => m.doneOn as string)
        .sort()
        .at(-1) ?? null;
  }
  if (full === null) return byMilestones;
  if (byMilestones === null) return full;
  return full < byMilestones ? full : byMilestones;
}

/** Every date up to asOf on which something in the sub-tasks' trees changed their progress. */
function subtreeDays(tasks: readonly Task[], asOf: string, into: Set<string>): Set<string> {
  for (const t of tasks) {
    for (const r of t.reports) if (r.date <= asOf) into.add(r.date);
    for (const m of t.milestones) if (m.doneOn !== null && m.doneOn <= asOf) into.add(m.doneOn);
    subtreeDays(t.subTasks ?? [], asOf, into);
  }
  return into;
}

/**
 * The date a task became complete, null if not by asOf: 100 % reported or its last milestone done;
 * for a task with sub-tasks (a key project) also the first day its rolled-up progress reached 100 %
 * (the status rule 'progress_complete'), found among the days its sub-tasks changed. The earliest wins.
 */
export function completedOn(task: Task, asOf: string): string | null {
  const own = ownCompletedOn(task, asOf);
  const subs = task.subTasks ?? [];
  if (subs.length === 0) return own;
  let rolled: string | null = null;
  for (const day of [...subtreeDays(subs, asOf, new Set())].sort()) {
    if (own !== null && day >= own) break;
    if (rollUpProgress(task, day) >= 100) {
      rolled = day;
      break;
    }
  }
  if (own === null) return rolled;
  if (rolled === null) return own;
  return rolled < own ? rolled : own;
}

/**
 * Counts a unit's facts from the tasks it leads (each task once; sub-tasks are separate tasks the
 * caller lists under their own lead unit). Nothing after `asOf` is seen, so a period can be scored
 * while it runs: milestones and report periods count once their due date is before asOf or on it
 * (a report period only once it has ended, i.e. due < asOf).
 */
export function unitFacts(
  unitId: string,
  tasks: readonly Task[],
  period: AssessmentPeriod,
  asOf: string,
  qualityMarks: readonly number[] = [],
): UnitFacts {
  const end = asOf < period.to ? asOf : period.to;
  const f: UnitFacts = {
    unitId,
    milestonesDue: 0,
    milestonesOnTime: 0,
    reportPeriodsDue: 0,
    reportPeriodsReported: 0,
    overdueTasks: 0,
    qualityMarks,
  };
  for (const t of tasks) {
    for (const m of t.milestones) {
      if (m.due < period.from || m.due > end) continue;
      f.milestonesDue++;
      if (m.doneOn !== null && m.doneOn <= m.due && m.doneOn <= asOf) f.milestonesOnTime++;
    }
    if (t.cadence) {
      const dates = t.reports.map((r) => r.date).filter((d) => d <= asOf);
      for (const p of reportPeriods(t.cadence, t.start, t.deadline, asOf)) {
        if (p.due < period.from || p.due > period.to || !(p.due < asOf)) continue;
        f.reportPeriodsDue++;
        if (dates.some((d) => d >= p.from && d <= p.due)) f.reportPeriodsReported++;
      }
    }
    if (t.deadline >= period.from && t.deadline <= period.to && t.deadline < asOf) {
      const done = completedOn(t, asOf);
      if (done === null || done > t.deadline) f.overdueTasks++;
    }
  }
  return f;
}

export interface RuleScore {
  kind: AssessmentRuleKind;
  /** Points this rule gave (negative for a penalty). */
  points: number;
  /** The rate 0..1 for rate rules, the count for overdue_count. */
  value: number;
}

export interface UnitScore {
  unitId: string;
  /** Sum of the rules' points, rounded to 2 decimals so equal work gives equal scores. */
  total: number;
  breakdown: RuleScore[];
}

const rate = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const round2 = (x: number) => Math.round(x * 100) / 100;

const negative = (field: string): FieldProblem => ({
  field,
  code: 'assessment.rule_negative',
  message: 'must be a number ≥ 0',
});

export function ruleProblems(rules: readonly AssessmentRule[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const nonNeg = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  rules.forEach((r, i) => {
    if (r.kind === 'overdue_count') {
      if (!nonNeg(r.penaltyEach)) problems.push(negative(`rules[${i}].penaltyEach`));
      if (!nonNeg(r.maxPenalty)) problems.push(negative(`rules[${i}].maxPenalty`));
    } else if (!nonNeg((r as { weight: unknown }).weight)) {
      problems.push(negative(`rules[${i}].weight`));
    }
  });
  return problems;
}

/** Scores one unit. Throws Invalid('supervision.invalid_rules') for a bad rule set. */
export function scoreUnit(rules: readonly AssessmentRule[], facts: UnitFacts): UnitScore {
  const problems = ruleProblems(rules);
  if (problems.length > 0) throw new Invalid('supervision.invalid_rules', problems[0].message, problems);
  const breakdown = rules.map((r): RuleScore => {
    switch (r.kind) {
      case 'on_time_milestone_rate': {
        const v = rate(facts.milestonesOnTime, facts.milestonesDue);
        return { kind: r.kind, value: v, points: r.weight * v };
      }
      case 'report_cadence_rate': {
        const v = rate(facts.reportPeriodsReported, facts.reportPeriodsDue);
        return { kind: r.kind, value: v, points: r.weight * v };
      }
      case 'overdue_count':
        return {
          kind: r.kind,
          value: facts.overdueTasks,
          points: -Math.min(r.maxPenalty, r.penaltyEach * facts.overdueTasks),
        };
      case 'quality_marks': {
        const marks = facts.qualityMarks.map((m) => Math.min(100, Math.max(0, m)));
        const v = marks.length === 0 ? 1 : marks.reduce((a, b) => a + b, 0) / marks.length / 100;
        return { kind: r.kind, value: v, points: r.weight * v };
      }
    }
  });
  return { unitId: facts.unitId, total: round2(breakdown.reduce((a, b) => a + b.points, 0)), breakdown };
}

export interface RankedUnit extends UnitScore {
  /** Competition ranking: equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
}

/** Highest total first; ties share a rank and are listed by unitId so the order is stable. */
export function rankUnits(scores: readonly UnitScore[]): RankedUnit[] {
  const sorted = [...scores].sort(
    (a, b) => b.total - a.total || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  const ranked: RankedUnit[] = [];
  sorted.forEach((s, i) => {
    const rank = i > 0 && sorted[i - 1].total === s.total ? ranked[i - 1].rank : i + 1;
    ranked.push({ ...s, rank });
  });
  return ranked;
}

/** Scores and ranks every unit. */
export function assess(rules: readonly AssessmentRule[], facts: readonly UnitFacts[]): RankedUnit[] {
  return rankUnits(facts.map((f) => scoreUnit(rules, f)));
}

/**
 * Whether a unit has anything the rates can judge in the period: a milestone due, a report period
 * due or a quality mark. Without any, every rate would score its full weight and the unit would
 * rank on nothing (100, or 98 with one overdue task, above a unit that filed 7 of 7 reports); such a
 * unit is 无考核数据 and kept out of the ranking (its facts, e.g. an overdue task, are still shown).
 */
export function hasAssessmentData(f: UnitFacts): boolean {
  return f.milestonesDue > 0 || f.reportPeriodsDue > 0 || f.qualityMarks.length > 0;
}

/** Ranks the units with something to judge; the others are listed apart, unscored (无考核数据). */
export function assessUnits(
  rules: readonly AssessmentRule[],
  facts: readonly UnitFacts[],
): { ranked: RankedUnit[]; noData: UnitFacts[] } {
  return {
    ranked: assess(rules, facts.filter(hasAssessmentData)),
    noData: facts
      .filter((f) => !hasAssessmentData(f))
      .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)),
  };
}
