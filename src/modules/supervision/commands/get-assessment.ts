import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { assessUnits, unitFacts, type AssessmentPeriod, type Task, type UnitFacts } from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { assessmentStore } from '../store/assessment.store.js';
import { toDomainTask, taskStore } from '../store/task.store.js';
import { parseAssessmentPeriod } from './assessment-period.js';
import { assessmentRules } from './get-assessment-rules.js';
import { calendarFor } from './refresh.js';

/** How the facts are counted: from the unit × day sums (the API), or by folding every task (the reference). */
export type AssessmentMethod = 'days' | 'fold';

interface CountedFacts {
  facts: UnitFacts;
  tasksDue: number;
}

/** Reference: every task running in the period with its milestones and reports, counted by the pure rules. */
async function factsByFold(
  ex: Executor,
  districtCode: string,
  period: AssessmentPeriod,
  asOf: string,
): Promise<Map<string, CountedFacts>> {
  const rows = await assessmentStore.tasksRunning(ex, districtCode, period);
  const loaded = await taskStore.load(ex, rows);
  const byUnit = new Map<string, Task[]>();
  for (const t of loaded) {
    // Each task counts for its own lead unit with its own milestones and reports, not its sub-tasks'.
    const list = byUnit.get(t.row.lead_unit_id) ?? [];
    list.push(toDomainTask(t));
    byUnit.set(t.row.lead_unit_id, list);
  }
  const out = new Map<string, CountedFacts>();
  for (const [unitId, tasks] of byUnit) {
    const tasksDue = tasks.filter(
      (t) => t.deadline >= period.from && t.deadline <= period.to && t.deadline < asOf,
    ).length;
    out.set(unitId, { facts: unitFacts(unitId, tasks, period, asOf), tasksDue });
  }
  return out;
}

/** The unit × day sums over the period, cut at asOf the way unitFacts cuts. */
async function factsByDays(
  ex: Executor,
  districtCode: string,
  period: AssessmentPeriod,
  asOf: string,
): Promise<Map<string, CountedFacts>> {
  const end = asOf < period.to ? asOf : period.to;
  const rows = await assessmentStore.daySums(ex, districtCode, period, end, asOf);
  return new Map(
    rows.map((r) => [
      r.unit_id,
      {
        facts: {
          unitId: r.unit_id,
          milestonesDue: Number(r.md),
          milestonesOnTime: Number(r.mo),
          reportPeriodsDue: Number(r.rd),
          reportPeriodsReported: Number(r.rr),
          overdueTasks: Number(r.tl),
          qualityMarks: [],
        },
        tasksDue: Number(r.td),
      },
    ]),
  );
}

/**
 * 考核: every unit in the caller's scope with something due in the period (a milestone, a report
 * period or a deadline, as of today) or a quality mark, scored by the district's rules and ranked;
 * a unit with only deadlines (no milestone, report period or mark to judge) is listed apart as 无考核数据.
 */
export async function assessment(
  deps: SupervisionDeps,
  actor: Actor,
  periodText: string,
  method: AssessmentMethod = 'days',
) {
  authorize(actor, 'task.read');
  const db = deps.database.db;
  const period = parseAssessmentPeriod(periodText);
  const cal = await calendarFor(deps, db, actor.districtCode);
  const asOf = cal.localDate(deps.clock.now());
  const rules = await assessmentRules(db, actor.districtCode);
  const counted = await (method === 'fold' ? factsByFold : factsByDays)(db, actor.districtCode, period, asOf);
  const marks = await assessmentStore.marks(db, actor.districtCode, period.from, period.to < asOf ? period.to : asOf);
  const marksBy = new Map<string, number[]>();
  for (const m of marks) marksBy.set(m.unit_id, [...(marksBy.get(m.unit_id) ?? []), m.score]);
  const unitIds = [...new Set([...counted.keys(), ...marksBy.keys()])].filter((id) => {
    const c = counted.get(id);
    return marksBy.has(id) || (c !== undefined && c.facts.milestonesDue + c.facts.reportPeriodsDue + c.tasksDue > 0);
  });
  const units = await deps.org.unitsByIds(db, unitIds);
  const facts = unitIds
    .filter((id) => units.get(id)?.path.startsWith(actor.scopePath))
    .map((id): UnitFacts => {
      const c = counted.get(id)?.facts ?? {
        unitId: id,
        milestonesDue: 0,
        milestonesOnTime: 0,
        reportPeriodsDue: 0,
        reportPeriodsReported: 0,
        overdueTasks: 0,
        qualityMarks: [],
      };
      return { ...c, qualityMarks: marksBy.get(id) ?? [] };
    });
  const { ranked, noData } = assessUnits(rules, facts);
  const factsBy = new Map(facts.map((f) => [f.unitId, f]));
  const nameOf = (id: string) => units.get(id)?.name ?? '';
  return {
    period,
    asOf,
    rules,
    units: ranked.map((r) => ({ ...r, unitName: nameOf(r.unitId), facts: factsBy.get(r.unitId)! })),
    noData: noData
      .map((f) => ({ unitId: f.unitId, unitName: nameOf(f.unitId), facts: f }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
  };
}
