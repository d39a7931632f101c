import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { NotFound } from '../../../kernel/errors.js';
import { fieldsByVersion, RollupFold } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { rollupStore } from '../store/rollup.store.js';

const PAGE = 5000;

/**
 * Rebuilds a form's roll-up from its submissions (the fold in domain/rollup-table.ts), in one
 * transaction: for data loaded around the commands (demo data, imports), or to check the upkeep.
 */
export async function rebuildRollups(
  deps: ReportingDeps,
  formId: string,
  audit?: { actor: Actor; requestId?: string },
): Promise<{ submissions: number; rows: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const form = await reportStore.form(trx, formId);
    if (!form || (audit && form.row.district_code !== audit.actor.districtCode))
      throw new NotFound('report_form', formId);
    const fieldsOf = fieldsByVersion(await reportStore.versions(trx, formId));
    const fold = new RollupFold();
    let after = '';
    let submissions = 0;
    for (;;) {
      const page = await reportStore.submissionPage(trx, formId, after, PAGE);
      for (const s of page) {
        fold.add(fieldsOf.get(s.form_version) ?? [], {
          unitPath: s.unit_path,
          period: s.period,
          onTime: s.on_time === 1,
          zero: s.zero === 1,
          values: JSON.parse(s.values),
        });
      }
      submissions += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    await rollupStore.deleteForm(trx, formId);
    await rollupStore.insertFolded(trx, form.row.district_code, formId, fold.values());
    if (audit) {
      await recordAudit(trx, {
        actor: audit.actor,
        action: 'report_rollup.rebuild',
        entityType: 'report_form',
        entityId: formId,
        at: deps.clock.now(),
        requestId: audit.requestId,
        summary: `重建报表「${form.row.name}」的汇总（${submissions} 份报告）`,
      });
    }
    return { submissions, rows: fold.size };
  });
}
