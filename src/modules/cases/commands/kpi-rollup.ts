import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { rollupContribution, rollupDelta, stateFromJson, type CaseState, type RollupCounts } from '../domain/index.js';
import { kpiRollupStore } from '../store/kpi-rollup.store.js';
import { caseStore } from '../store/case.store.js';

/** The community's path ('/d/s/c/') for a case in a grid, else the district's. */
export function areaOf(state: CaseState): string {
  if (!state.gridPath) return state.districtPath;
  const ids = state.gridPath.split('/').filter(Boolean);
  return `/${ids.slice(0, 3).join('/')}/`;
}

export function summaryOf(s: CaseState) {
  return {
    status: s.status,
    dispatchedAt: s.dispatchedAt,
    deadline: s.deadline,
    closedAt: s.closedAt,
    firstFeedbackAt: s.firstFeedbackAt,
    firstFeedbackOnTime: s.firstFeedbackOnTime,
    reworkCount: s.reworkCount,
    extensionCount: s.extensionCount,
  };
}

const contribution = (s: CaseState | null, calendar: WorkCalendar): RollupCounts | null =>
  s ? rollupContribution(summaryOf(s), calendar) : null;

const negate = (c: RollupCounts): RollupCounts =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, -v])) as RollupCounts;

/**
 * Keeps the KPI roll-up in step with one case's change, in the change's transaction. A case whose
 * area changed (its community moved: relocate) leaves its old area row and joins the new one whole.
 */
export async function updateKpiRollup(
  ex: Executor,
  before: CaseState | null,
  after: CaseState,
  calendar: WorkCalendar,
): Promise<void> {
  const day = calendar.localDate(after.reportedAt).replaceAll('-', '');
  if (before && areaOf(before) !== areaOf(after)) {
    const old = contribution(before, calendar)!;
    if (rollupDelta(null, old))
      await kpiRollupStore.add(
        ex,
        before.districtCode,
        areaOf(before),
        calendar.localDate(before.reportedAt).replaceAll('-', ''),
        negate(old),
      );
    const now = contribution(after, calendar)!;
    if (rollupDelta(null, now)) await kpiRollupStore.add(ex, after.districtCode, areaOf(after), day, now);
    return;
  }
  const delta = rollupDelta(contribution(before, calendar), contribution(after, calendar)!);
  if (!delta) return;
  await kpiRollupStore.add(ex, after.districtCode, areaOf(after), day, delta);
}

/**
 * Recomputes a district's roll-up from its cases (after an import or a calendar correction): the
 * roll-up is a cache of the cases, never the other way round.
 */
export async function rebuildKpiRollup(ex: Executor, districtCode: string, calendar: WorkCalendar): Promise<number> {
  await kpiRollupStore.clear(ex, districtCode);
  const sums = new Map<string, { area: string; day: string; c: RollupCounts }>();
  let after: string | undefined;
  let n = 0;
  for (;;) {
    const rows = await caseStore.statesPage(ex, districtCode, after, 5000);
    if (!rows.length) break;
    for (const r of rows) {
      const s = stateFromJson(r.state);
      const key = `${areaOf(s)}|${calendar.localDate(s.reportedAt)}`;
      const c = rollupContribution(summaryOf(s), calendar);
      const cur = sums.get(key);
      if (cur) for (const k of Object.keys(c) as (keyof RollupCounts)[]) cur.c[k] += c[k];
      else sums.set(key, { area: areaOf(s), day: calendar.localDate(s.reportedAt).replaceAll('-', ''), c });
      n++;
    }
    after = rows[rows.length - 1].id;
  }
  for (const v of sums.values()) await kpiRollupStore.add(ex, districtCode, v.area, v.day, v.c);
  return n;
}
