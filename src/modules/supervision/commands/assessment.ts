import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { ASSESSMENT_RULE_LABELS, type QualityMarkBody } from '../../../contracts/supervision.js';
import { sql } from 'kysely';
import {
  assess,
  DEFAULT_ASSESSMENT_RULES,
  ruleProblems,
  unitFacts,
  type AssessmentPeriod,
  type AssessmentRule,
  type Task,
  type UnitFacts,
} from '../domain/index.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore, toDomainTask } from '../store/task.store.js';
import { calendarFor } from './refresh.js';
import { loadVisibleTask } from './task-access.js';

/** '2026' → the year, '2026-Q4' → the quarter, '2026-11' → the month; local dates inclusive. */
export function parseAssessmentPeriod(period: string): AssessmentPeriod {
  const y = Number(period.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  const m = /^\d{4}-(\d{2})$/.exec(period);
  const last = (month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  if (q) {
    const first = (Number(q[1]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${last(first + 2)}` };
  }
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12)
      throw new Invalid('supervision.bad_period', `no month ${m[1]}`, [
        { field: 'period', code: 'assessment.month_invalid', message: 'month must be 01–12' },
      ]);
    return { from: `${y}-${m[1]}-01`, to: `${y}-${m[1]}-${last(month)}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export async function assessmentRules(ex: Executor, districtCode: string): Promise<AssessmentRule[]> {
  const row = await ex
    .selectFrom('assessment_rules')
    .select('rules')
    .where('district_code', '=', districtCode)
    .executeTakeFirst();
  return row ? (JSON.parse(row.rules) as AssessmentRule[]) : [...DEFAULT_ASSESSMENT_RULES];
}

export async function setAssessmentRules(
  deps: SupervisionDeps,
  actor: Actor,
  rules: AssessmentRule[],
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const problems = ruleProblems(rules);
  if (problems.length) throw new Invalid('supervision.invalid_rules', problems[0].message, problems);
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('assessment_rules').where('district_code', '=', actor.districtCode).execute();
    await trx
      .insertInto('assessment_rules')
      .values({
        district_code: actor.districtCode,
        rules: JSON.stringify(rules),
        updated_by: actor.accountId,
        updated_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'assessment.rules',
      entityType: 'assessment_rules',
      entityId: actor.districtCode,
      at: now,
      requestId,
      summary: `考核规则：${rules.map((r) => ASSESSMENT_RULE_LABELS[r.kind]).join('、')}`,
    });
  });
  return { rules };
}

export async function addQualityMark(
  deps: SupervisionDeps,
  actor: Actor,
  body: z.output<typeof QualityMarkBody>,
  requestId?: string,
) {
  authorize(actor, 'task.manage');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await deps.org.unit(trx, body.unitId);
    if (!unit || unit.districtCode !== actor.districtCode)
      throw new Invalid('supervision.mark_unit', `no unit ${body.unitId}`, [
        { field: 'unitId', code: 'unit.missing', message: 'no such unit' },
      ]);
    if (body.taskId) {
      const t = await loadVisibleTask(trx, actor, body.taskId).catch(() => null);
      if (!t)
        throw new Invalid('supervision.mark_task', `no visible task ${body.taskId}`, [
          { field: 'taskId', code: 'task.missing', message: 'no such task' },
        ]);
    }
    const cal = await calendarFor(deps, trx, actor.districtCode);
    const today = cal.localDate(now);
    const markedOn = body.markedOn ?? today;
    if (markedOn > today)
      throw new Invalid('supervision.mark_future', `marked on ${markedOn}, after today`, [
        { field: 'markedOn', code: 'assessment.mark_in_future', message: 'after today' },
      ]);
    const id = newId(now.getTime());
    await trx
      .insertInto('assessment_marks')
      .values({
        id,
        district_code: actor.districtCode,
        unit_id: unit.id,
        task_id: body.taskId ?? null,
        marked_on: markedOn,
        score: body.score,
        comment: body.comment ?? null,
        given_by: actor.accountId,
        given_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'assessment.mark',
      entityType: 'unit',
      entityId: unit.id,
      at: now,
      requestId,
      summary: `质量评价 ${unit.name} ${body.score} 分`,
    });
    return { id };
  });
}

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
  const rows = await ex
    .selectFrom('tasks')
    .selectAll()
    .where('district_code', '=', districtCode)
    .where('start_on', '<=', period.to)
    .where('deadline_on', '>=', period.from)
    .execute();
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
  const rows = await ex
    .selectFrom('unit_assessment_days')
    .select([
      'unit_id',
      sql<number>`sum(case when day <= ${end} then milestones_due else 0 end)`.as('md'),
      sql<number>`sum(case when day <= ${end} then milestones_on_time else 0 end)`.as('mo'),
      sql<number>`sum(case when day < ${asOf} then report_periods_due else 0 end)`.as('rd'),
      sql<number>`sum(case when day < ${asOf} then report_periods_reported else 0 end)`.as('rr'),
      sql<number>`sum(case when day < ${asOf} then tasks_due else 0 end)`.as('td'),
      sql<number>`sum(case when day < ${asOf} then tasks_late else 0 end)`.as('tl'),
    ])
    .where('district_code', '=', districtCode)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy('unit_id')
    .execute();
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
 * period or a deadline, as of today) or a quality mark, scored by the district's rules and ranked.
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
  const marks = await db
    .selectFrom('assessment_marks')
    .select(['unit_id', 'score'])
    .where('district_code', '=', actor.districtCode)
    .where('marked_on', '>=', period.from)
    .where('marked_on', '<=', period.to < asOf ? period.to : asOf)
    .orderBy('given_at')
    .execute();
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
  const ranked = assess(rules, facts);
  const factsBy = new Map(facts.map((f) => [f.unitId, f]));
  return {
    period,
    asOf,
    rules,
    units: ranked.map((r) => ({ ...r, unitName: units.get(r.unitId)?.name ?? '', facts: factsBy.get(r.unitId)! })),
  };
}

export async function assessmentSheet(deps: SupervisionDeps, actor: Actor, periodText: string) {
  const a = await assessment(deps, actor, periodText);
  const kinds = a.rules.map((r) => r.kind);
  async function* rows() {
    for (const u of a.units) {
      const row: Record<string, unknown> = {
        rank: u.rank,
        unit: u.unitName,
        total: u.total,
        milestones: `${u.facts.milestonesOnTime}/${u.facts.milestonesDue}`,
        reports: `${u.facts.reportPeriodsReported}/${u.facts.reportPeriodsDue}`,
        overdue: u.facts.overdueTasks,
        marks: u.facts.qualityMarks.length
          ? (u.facts.qualityMarks.reduce((x, y) => x + y, 0) / u.facts.qualityMarks.length).toFixed(1)
          : '—',
      };
      for (const b of u.breakdown) row[`rule_${b.kind}`] = b.points;
      yield row;
    }
  }
  return {
    sheetName: '考核排名',
    title: `督查督办考核排名（${periodText}）`,
    subtitle: `考核期 ${a.period.from} 至 ${a.period.to}，统计截至 ${a.asOf}`,
    columns: [
      { header: '名次', key: 'rank', width: 6 },
      { header: '单位', key: 'unit', width: 28 },
      { header: '总分', key: 'total', width: 8 },
      ...kinds.map((k) => ({ header: ASSESSMENT_RULE_LABELS[k], key: `rule_${k}`, width: 14 })),
      { header: '时间节点（按期/应完成）', key: 'milestones', width: 16 },
      { header: '进度报告（已报/应报）', key: 'reports', width: 16 },
      { header: '逾期任务数', key: 'overdue', width: 10 },
      { header: '质量评价均分', key: 'marks', width: 12 },
    ],
    rows: rows(),
  };
}
