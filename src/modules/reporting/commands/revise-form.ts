import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, NotFound } from '../../../kernel/errors.js';
import { assertValidForm, type ReportFormDefinition } from '../domain/index.js';
import type { FormDefinitionBody } from '../../../contracts/reporting.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';

type Body = z.infer<typeof FormDefinitionBody>;

/** A new version: earlier submissions keep theirs, new ones are checked against this one. */
export async function reviseForm(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  body: Body,
  requestId?: string,
): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const form = await reportStore.form(trx, formId);
    if (!form || form.row.district_code !== actor.districtCode) throw new NotFound('report_form', formId);
    if (body.code !== form.row.code)
      throw new Conflict('report_form.code_fixed', "a form's code cannot change", [
        { field: 'code', code: 'report_form.code_unchangeable', message: 'cannot change' },
      ]);
    const version = form.row.current_version + 1;
    const definition = { ...body, version } as unknown as ReportFormDefinition;
    assertValidForm(definition, deps.figures && new Set(deps.figures.map((f) => f.code)));
    await reportStore.insertFormVersion(trx, {
      form_id: formId,
      version,
      district_code: actor.districtCode,
      definition: JSON.stringify(definition),
      created_by: actor.accountId,
      created_at: now.toISOString(),
    });
    await reportStore.setCurrentVersion(trx, formId, version, body.name, now.toISOString());
    await recordAudit(trx, {
      actor,
      action: 'report_form.revise',
      entityType: 'report_form',
      entityId: formId,
      at: now,
      requestId,
      summary: `报表「${body.name}」发布第 ${version} 版`,
      before: form.definition,
      after: definition,
    });
    return version;
  });
}
