import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import {
  rollupDeltas,
  rollupRows,
  stateFromJson,
  type CaseState,
  type CaseSummary,
  type RollupCounts,
  type RollupPlace,
  type RollupRow,
} from '../domain/index.js';
import { kpiRollupStore } from '../store/kpi-rollup.store.js';
import { caseStore } from '../store/case.store.js';

/** Where a case counts in the 'area' view: its grid, or the district for a case in no grid. */
export function areaOf(state: CaseState): string {
  if (!state.gridPath) return state.districtPath;
  // The community ('/d/s/c/'), not the grid: a year of the district is then communities × days rows
  // (~15,000), where grids × days (~110,000) took the district's yearly figures past 400 ms.
  // A grid's own figures are read from the 'grid' rows (placeOf), grouped for all grids of a map at once.
  const ids = state.gridPath.split('/').filter(Boolean);
  return `/${ids.slice(0, 3).join('/')}/`;
}

export function summaryOf(s: CaseState): CaseSummary {
  return {
    status: s.status,
    reportedAt: s.reportedAt,
    acceptedAt: s.acceptedAt,
    rejectedAt: s.rejectedAt,
    mergedAt: s.mergedAt,
    dispatchedAt: s.dispatchedAt,
    deadline: s.deadline,
    closedAt: s.closedAt,
    firstFeedbackAt: s.firstFeedbackAt,
    firstFeedbackOnTime: s.firstFeedbackOnTime,
    handlingDispatchedAt: s.handlingDispatchedAt ?? null,
    handlingDeadline: s.handlingDeadline ?? null,
    reworkCount: s.reworkCount,
    extensionCount: s.extensionCount,
  };
}

const rowsOf = (s: CaseState | null, calendar: WorkCalendar): RollupRow[] =>
  s ? rollupRows(summaryOf(s), placeOf(s), calendar) : [];

/** Where a case counts in the roll-up: its area (community), its handler and its grid. */
export function placeOf(s: CaseState): RollupPlace {
  return { areaPath: areaOf(s), handlerPath: s.assignedUnitPath, gridPath: s.gridPath };
}

/**
 * Keeps the KPI roll-up in step with one case's change, in the change's transaction: the rows the
 * case counted in before are taken out and those it counts in now put in, netted per row, so a step
 * that changes nothing measurable writes nothing, and a case that moved (relocate, another
 * dispatch) leaves its old rows whole.
 */
export async function updateKpiRollup(
  ex: Executor,
  before: CaseState | null,
  after: CaseState,
  calendar: WorkCalendar,
): Promise<void> {
  for (const d of rollupDeltas(rowsOf(before, calendar), rowsOf(after, calendar)))
    await kpiRollupStore.add(ex, after.districtCode, d);
}

/**
 * Recomputes a district's roll-up from its cases (after an import, a calendar correction, or a
 * change of what it keeps): the roll-up is a cache of the cases, never the other way round.
 */
export async function rebuildKpiRollup(ex: Executor, districtCode: string, calendar: WorkCalendar): Promise<number> {
  await kpiRollupStore.clear(ex, districtCode);
  const sums = new Map<string, RollupRow>();
  let after: string | undefined;
  let n = 0;
  for (;;) {
    const rows = await caseStore.statesPage(ex, districtCode, after, 5000);
    if (!rows.length) break;
    for (const r of rows) {
      for (const row of rowsOf(stateFromJson(r.state), calendar)) {
        const key = `${row.basis}|${row.view}|${row.path}|${row.day}`;
        const cur = sums.get(key);
        if (!cur) sums.set(key, row);
        else for (const k of Object.keys(row.counts) as (keyof RollupCounts)[]) cur.counts[k] += row.counts[k];
      }
      n++;
    }
    after = rows[rows.length - 1].id;
  }
  for (const v of sums.values()) await kpiRollupStore.add(ex, districtCode, v);
  return n;
}

/**
 * Fills the roll-up from the district's cases when it is empty, or when it was kept before it had
 * its 'grid' rows and a case lies in a grid, or before its month rows (the first start after the
 * roll-up changed shape; migrations fill what they can, this is the safety net).
 */
export async function ensureKpiRollup(ex: Executor, districtCode: string, calendar: WorkCalendar): Promise<number> {
  if (!(await kpiRollupStore.hasRows(ex, districtCode))) {
    if ((await caseStore.statesPage(ex, districtCode, undefined, 1)).length === 0) return 0;
  } else {
    const inGrid = await kpiRollupStore.anyCaseInGrid(ex, districtCode);
    const whole =
      (await kpiRollupStore.hasRows(ex, districtCode, 'area_month')) &&
      (!inGrid ||
        ((await kpiRollupStore.hasRows(ex, districtCode, 'grid')) &&
          (await kpiRollupStore.hasRows(ex, districtCode, 'grid_month'))));
    if (whole) return 0;
  }
  return rebuildKpiRollup(ex, districtCode, calendar);
}
