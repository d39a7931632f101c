import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { addDays, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { NotFound } from '../../../kernel/errors.js';
import type {
  BranchWeekly,
  WeekCell,
  WeekColumn,
  WeeklyGrid,
  WeeklyGridQuery,
  WeeklyReport,
} from '../../../contracts/stars-cycle.js';
import type { CycleDeps } from '../cycle-deps.js';
import { dueDayOf, mondayOf, WEEK_STATUSES, weeksBetween, weekStatus, type WeekStatus } from '../domain/weeks.js';
import { weeklyStore, type WeeklyRow } from '../store/weekly.store.js';
import { branchesUnder, branchOr404, calendarFor, fieldProblem, todayOf, unitInScope } from './cycle-access.js';

/** At most this many weeks in one grid (half a year). */
export const MAX_WEEKS = 26;
const DEFAULT_WEEKS = 8;

function columns(calendar: WorkCalendar, today: string, from?: string, to?: string): WeekColumn[] {
  const last = to ?? today;
  const first = from ?? addDays(mondayOf(last), -7 * (DEFAULT_WEEKS - 1));
  if (last < first) throw fieldProblem('to', 'weekly.period_reversed');
  const weeks = weeksBetween(first, last);
  if (weeks.length > MAX_WEEKS) throw fieldProblem('from', 'weekly.period_too_long', { max: MAX_WEEKS });
  return weeks.map((week) => ({ week, dueDay: dueDayOf(week, (d) => calendar.isWorkday(d)) }));
}

function present(row: WeeklyRow, branchName: string, calendar: WorkCalendar): WeeklyReport {
  const dueDay = dueDayOf(row.week, (d) => calendar.isWorkday(d));
  const first = calendar.localDate(new Date(row.first_submitted_at));
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName,
    week: row.week,
    dueDay,
    text: row.text,
    fileIds: JSON.parse(row.file_ids) as string[],
    revision: row.revision,
    firstSubmittedAt: row.first_submitted_at,
    submittedAt: row.submitted_at,
    submittedByName: row.submitted_by_name,
    status: dueDay && first > dueDay ? 'late' : 'reported',
  };
}

interface BranchLife {
  id: string;
  createdAt: string;
  retiredAt: string | null;
}

function cellOf(
  calendar: WorkCalendar,
  today: string,
  col: WeekColumn,
  branch: BranchLife,
  report: WeeklyRow | undefined,
  remindedAt: string | undefined,
): WeekCell {
  const status = weekStatus({
    monday: col.week,
    dueDay: col.dueDay,
    today,
    firstReportedOn: report ? calendar.localDate(new Date(report.first_submitted_at)) : null,
    branchFrom: calendar.localDate(new Date(branch.createdAt)),
    branchUntil: branch.retiredAt ? calendar.localDate(new Date(branch.retiredAt)) : null,
  });
  return {
    week: col.week,
    status,
    reportId: report?.id ?? null,
    firstSubmittedAt: report?.first_submitted_at ?? null,
    remindedAt: remindedAt ?? null,
  };
}

async function cellsFor(
  ex: Executor,
  calendar: WorkCalendar,
  today: string,
  weeks: WeekColumn[],
  branches: BranchLife[],
) {
  const ids = branches.map((b) => b.id);
  const mondays = weeks.map((w) => w.week);
  const reports = new Map(
    (await weeklyStore.ofBranches(ex, ids, mondays)).map((r) => [`${r.branch_id}|${r.week}`, r] as const),
  );
  const reminded = new Map(
    (await weeklyStore.reminders(ex, ids, mondays)).map((r) => [`${r.branch_id}|${r.week}`, r.reminded_at] as const),
  );
  return {
    reports,
    cells: (b: BranchLife) =>
      weeks.map((col) =>
        cellOf(calendar, today, col, b, reports.get(`${b.id}|${col.week}`), reminded.get(`${b.id}|${col.week}`)),
      ),
  };
}

/** 每周推进 of the branches under a unit (a 街道, community or one branch) × weeks: reported / late / missing. */
export async function weeklyGrid(deps: CycleDeps, actor: Actor, q: WeeklyGridQuery): Promise<WeeklyGrid> {
  const db = deps.database.db;
  const unit = await unitInScope(deps, db, actor, q.unitId);
  const calendar = await calendarFor(deps, db, actor.districtCode);
  const today = todayOf(deps, calendar);
  const weeks = columns(calendar, today, q.from, q.to);
  const branches = (await branchesUnder(deps, db, unit)).filter((b) => inScope(actor, b.path));
  const { cells } = await cellsFor(db, calendar, today, weeks, branches);
  const rows = branches.map((b) => ({ branchId: b.id, branchName: b.name, parentName: b.parentName, cells: cells(b) }));
  const totals = weeks.map((w, i) => {
    const counts = Object.fromEntries(WEEK_STATUSES.map((s) => [s, 0])) as Record<WeekStatus, number>;
    for (const r of rows) counts[r.cells[i]!.status]++;
    return { week: w.week, counts };
  });
  return { unit: { id: unit.id, name: unit.name }, today, weeks, rows, totals };
}

/** One branch's weeks with their reports (the branch page's section, the phone's list). */
export async function branchWeekly(
  deps: CycleDeps,
  actor: Actor,
  branchId: string,
  q: { from?: string; to?: string },
): Promise<BranchWeekly> {
  const db = deps.database.db;
  const { branch } = await branchOr404(deps, db, actor, branchId);
  const calendar = await calendarFor(deps, db, actor.districtCode);
  const today = todayOf(deps, calendar);
  const weeks = columns(calendar, today, q.from, q.to);
  const [life] = await deps.org.unitsUnder(db, actor.districtCode, branch.path, { ids: [branch.id] });
  const b = {
    id: branch.id,
    createdAt: life?.createdAt ?? '1970-01-01T00:00:00.000Z',
    retiredAt: life?.retiredAt ?? null,
  };
  const { reports, cells } = await cellsFor(db, calendar, today, weeks, [b]);
  const row = cells(b);
  return {
    branch: { id: branch.id, name: branch.name },
    weeks: weeks
      .map((w, i) => {
        const r = reports.get(`${branch.id}|${w.week}`);
        return { ...w, cell: row[i]!, report: r ? present(r, branch.name, calendar) : null };
      })
      .reverse(),
  };
}

/** One report with every version, for whoever may see its branch. */
export async function getWeekly(deps: CycleDeps, actor: Actor, id: string): Promise<WeeklyReport> {
  const db = deps.database.db;
  const row = await weeklyStore.byId(db, id);
  if (!row || row.district_code !== actor.districtCode || !inScope(actor, row.branch_path))
    throw new NotFound('star_weekly_report', id);
  const { branch } = await branchOr404(deps, db, actor, row.branch_id);
  const calendar = await calendarFor(deps, db, actor.districtCode);
  const history = (await weeklyStore.revisions(db, id)).map((v) => ({
    revision: v.revision,
    text: v.text,
    fileIds: JSON.parse(v.file_ids) as string[],
    submittedAt: v.submitted_at,
    submittedByName: v.submitted_by_name,
  }));
  return { ...present(row, branch.name, calendar), history };
}
