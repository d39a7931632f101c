import { recordAudit } from '../../../kernel/audit/audit.js';
import { rebasePaths } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { UnitMoved, UnitMovedListener } from '../../org/index.js';
import { areasOnMove, contributionOf, fieldsByVersion, moveDeltas, rekeyPath, subtreeTotals } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { rollupStore } from '../store/rollup.store.js';

/**
 * Moves a unit's reports with it, inside the unit move's transaction (org calls it through
 * onUnitMoved): the reports and the roll-up areas of the subtree are re-keyed to the new paths, and
 * the areas above the old and the new place lose and gain what the subtree reported
 * (domain/unit-move.ts). It reads the subtree's own roll-up rows and the unit's own reports, never
 * every report under the old sub-district; a unit with no reports costs a few index lookups.
 */
export async function followUnitMove(
  deps: ReportingDeps,
  trx: Executor,
  e: UnitMoved,
): Promise<{ forms: number; submissions: number }> {
  if (e.oldPath === e.newPath) return { forms: 0, submissions: 0 };
  const { left, joined } = areasOnMove(e.oldPath, e.newPath);
  let subtree: { ids: string[]; oldAreas: string[] } | null = null;
  let forms = 0;
  let submissions = 0;
  for (const formId of await reportStore.formIds(trx, e.districtCode)) {
    const area = await rollupStore.areaRows(trx, formId, e.oldPath);
    const own = await reportStore.reportsOfUnit(trx, formId, e.unitId);
    if (!area.counts.length && !own.length) continue;
    const fieldsOf = fieldsByVersion(await reportStore.versions(trx, formId));
    const versionFields = (v: number) => fieldsOf.get(v) ?? [];
    const totals = subtreeTotals(
      area,
      own.map((s) => ({
        period: s.period,
        contribution: contributionOf(versionFields(s.form_version), {
          onTime: s.on_time === 1,
          zero: s.zero === 1,
          values: JSON.parse(s.values),
        }),
      })),
    );
    // The units are already under their new paths (org moved them first in this transaction).
    subtree ??= await (async () => {
      const units = await deps.org.unitsUnder(trx, e.districtCode, e.newPath, {});
      return { ids: units.map((u) => u.id), oldAreas: units.map((u) => rekeyPath(u.path, e.newPath, e.oldPath)) };
    })();
    // Reports first: a max recomputed below reads the reports under the areas by their new paths.
    submissions += await reportStore.movePaths(trx, formId, subtree.ids, e.oldPath, e.newPath);
    await rollupStore.moveAreas(trx, formId, subtree.oldAreas, e.oldPath, e.newPath);
    for (const t of totals) {
      const { leave, join } = moveDeltas(t);
      const common = { districtCode: e.districtCode, formId, period: t.period, fieldsOf: versionFields };
      await rollupStore.apply(trx, { ...common, areas: left, delta: leave });
      await rollupStore.apply(trx, { ...common, areas: joined, delta: join });
    }
    forms++;
  }
  if (!forms) return { forms, submissions };
  // The 24-hour queries' path decides who may see and answer them.
  await rebasePaths(trx, 'report_queries', 'unit_path', e.oldPath, e.newPath);
  await recordAudit(trx, {
    actor: e.actor,
    action: 'report_rollup.follow_move',
    entityType: 'unit',
    entityId: e.unitId,
    at: e.at,
    requestId: e.requestId,
    summary: `「${e.unitName}」移动后，其 ${submissions} 份报告（${forms} 张报表）计入新的上级汇总`,
    before: { path: e.oldPath },
    after: { path: e.newPath, forms, submissions },
  });
  return { forms, submissions };
}

/** The 'org.unit_moved' listener the module's descriptor registers. */
export function unitMovedListener(deps: ReportingDeps): UnitMovedListener {
  return async (trx, e) => {
    await followUnitMove(deps, trx, e);
  };
}
