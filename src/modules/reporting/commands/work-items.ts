import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { WorkItemCount, WorkItemSource } from '../../insights/index.js';
import type { ReportingDeps } from '../deps.js';
import { deadlineOf, periodOf, previousPeriod } from '../domain/index.js';
import { reportStore, type LoadedForm } from '../store/report.store.js';
import { completenessOver } from './completeness.js';
import { reportingUnits } from './reporting-units.js';

/**
 * The periods of a form due today (their deadline falls on today's local date): the current period,
 * or — with a deadline on a later day (dayOffset) — the previous one.
 */
function periodsDueToday(deps: ReportingDeps, form: LoadedForm, now: Date): { period: string; deadline: Date }[] {
  const tz = deps.config.timeZone;
  const def = form.definition;
  const today = periodOf(now, 'daily', tz);
  const current = periodOf(now, def.periodType, tz);
  return [current, previousPeriod(current, def.periodType)]
    .map((period) => ({ period, deadline: deadlineOf(period, def.deadline, tz) }))
    .filter((p) => periodOf(p.deadline, 'daily', tz) === today);
}

/** 今日待报: the reports due today that the account's own unit owes and has not sent; overdue once past the deadline. */
async function ownReportsDue(
  deps: ReportingDeps,
  ex: Executor,
  actor: Actor,
  now: Date,
): Promise<WorkItemCount | null> {
  const unit = await deps.org.unit(ex, actor.unitId);
  if (!unit) return null;
  let total = 0;
  let overdue = 0;
  for (const form of await reportStore.forms(ex, actor.districtCode)) {
    const due = periodsDueToday(deps, form, now);
    if (!due.length) continue;
    const owes = (await reportingUnits(deps, ex, actor.districtCode, unit.path, form.definition.reporters)).some(
      (u) => u.id === unit.id && !u.retiredAt,
    );
    if (!owes) continue;
    for (const p of due) {
      if ((await reportStore.unitsWithReport(ex, form.row.id, p.period, [unit.id])).has(unit.id)) continue;
      total++;
      if (now.getTime() > p.deadline.getTime()) overdue++;
    }
  }
  return { total, overdue };
}

/**
 * 辖区今日未报: the (unit, period) reports due today that units under the account's unit owe and have
 * not sent, as the completeness page counts them (缺报 + 未到期); overdue = 缺报 (past deadline and grace).
 */
async function scopeReportsDue(deps: ReportingDeps, ex: Executor, actor: Actor, now: Date): Promise<WorkItemCount> {
  let total = 0;
  let overdue = 0;
  for (const form of await reportStore.forms(ex, actor.districtCode)) {
    for (const p of periodsDueToday(deps, form, now)) {
      const { c } = await completenessOver(deps, ex, form, actor.scopePath, p.period, p.period, now);
      total += c.totals.missing + c.totals.notDue;
      overdue += c.totals.missing;
    }
  }
  return { total, overdue };
}

/** Reporting's lines on the 工作台: my unit's reports due today, and (who 催报) the units below still out. */
export function reportingWorkItems(deps: ReportingDeps): WorkItemSource[] {
  return [
    {
      code: 'reporting.ownDue',
      label: '今日待报报表',
      group: '日报告',
      permission: 'report.submit',
      count: (ex, actor, now) => ownReportsDue(deps, ex, actor, now),
      link: '/reporting',
    },
    {
      code: 'reporting.scopeMissing',
      label: '辖区今日未报',
      group: '日报告',
      permission: 'report.remind',
      count: (ex, actor, now) => scopeReportsDue(deps, ex, actor, now),
      link: '/reporting/completeness',
    },
  ];
}
