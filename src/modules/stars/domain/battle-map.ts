import type { FieldProblem } from '../../../kernel/errors.js';
import type { TaskStatus } from '../../../contracts/supervision.js';
import type { Counts, MeasureBucket } from '../../../contracts/star-plans.js';

// The battle map's pure rules (作战图, issue 14 item 2): which bucket a measure's task status falls in,
// the per-star counts the map shows, and what a plan, a measure and a tick-off must satisfy.

/** 完成 → done (已销号); 逾期 and 滞后 → behind; 正常推进 → on track. */
export const BUCKET_OF: Readonly<Record<TaskStatus, MeasureBucket>> = {
  done: 'done',
  overdue: 'behind',
  lagging: 'behind',
  on_track: 'onTrack',
};

export const emptyCounts = (): Counts => ({ total: 0, done: 0, behind: 0, onTrack: 0 });

export function countMeasures(statuses: readonly TaskStatus[]): Counts {
  const c = emptyCounts();
  for (const s of statuses) {
    c.total++;
    c[BUCKET_OF[s]]++;
  }
  return c;
}

export interface StarCounts extends Counts {
  key: string;
  targeted: boolean;
}

/**
 * Counts per star, the plan's stars first in their order, then any other star a measure serves (none
 * while plans refuse dropping a star with measures, but the map never hides a measure).
 */
export function progressByStar(
  planStars: readonly string[],
  measures: readonly { starKey: string; status: TaskStatus }[],
): StarCounts[] {
  const keys = [...planStars];
  for (const m of measures) if (!keys.includes(m.starKey)) keys.push(m.starKey);
  return keys.map((key) => ({
    key,
    targeted: planStars.includes(key),
    ...countMeasures(measures.filter((m) => m.starKey === key).map((m) => m.status)),
  }));
}

/**
 * Problems of the stars a plan goes for: each once, each a star of the branch's set in force (when a
 * set is known; `available` null = not checked against a set), and none dropped that a measure serves.
 */
export function planProblems(
  stars: readonly string[],
  available: readonly string[] | null,
  servedByMeasures: ReadonlySet<string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  stars.forEach((key, i) => {
    if (stars.indexOf(key) !== i)
      problems.push({ field: `stars[${i}]`, code: 'plan.star_repeated', message: `star ${key} is listed twice` });
    else if (available && !available.includes(key))
      problems.push({
        field: `stars[${i}]`,
        code: 'plan.star_unknown',
        params: { key },
        message: `${key} is no star of the branch's set`,
      });
  });
  for (const key of servedByMeasures)
    if (!stars.includes(key))
      problems.push({
        field: 'stars',
        code: 'plan.star_has_measures',
        params: { key },
        message: `measures serve star ${key}; move or keep them first`,
      });
  return problems;
}

/** A measure serves one of the plan's stars and falls due within the plan's year. */
export function measureProblems(
  m: { starKey?: string; start?: string; deadline?: string },
  plan: { year: number; stars: readonly string[] },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (m.starKey !== undefined && !plan.stars.includes(m.starKey))
    problems.push({
      field: 'starKey',
      code: 'battle_measure.star_not_in_plan',
      params: { key: m.starKey },
      message: `the battle map does not go for star ${m.starKey}`,
    });
  if (m.deadline !== undefined && m.deadline.slice(0, 4) !== String(plan.year))
    problems.push({
      field: 'deadline',
      code: 'battle_measure.outside_year',
      params: { year: plan.year },
      message: `a measure of the ${plan.year} battle map falls due in ${plan.year}`,
    });
  if (m.start !== undefined && m.start.slice(0, 4) > String(plan.year))
    problems.push({
      field: 'start',
      code: 'battle_measure.outside_year',
      params: { year: plan.year },
      message: `a measure of the ${plan.year} battle map starts by ${plan.year}`,
    });
  return problems;
}

/** 对账销号: a report of 100 % ticks the measure off and must carry its evidence. */
export function tickOffProblems(report: { percent: number; fileIds: readonly string[] }): FieldProblem[] {
  return report.percent >= 100 && report.fileIds.length === 0
    ? [
        {
          field: 'fileIds',
          code: 'battle_measure.evidence_required',
          message: 'ticking a measure off needs evidence files',
        },
      ]
    : [];
}
