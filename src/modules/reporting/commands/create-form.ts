import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { FormDefinitionBody } from '../../../contracts/reporting.js';
import { assertValidForm, type ReportFormDefinition } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';

type Body = z.infer<typeof FormDefinitionBody>;

/** Creates a report form at version 1; the definition is checked whole, naming every problem's field. */
export async function createForm(deps: ReportingDeps, actor: Actor, body: Body, requestId?: string): Promise<string> {
  // The shape is checked here by assertValidForm, which names each problem field by field.
  const definition = { ...body, version: 1 } as unknown as ReportFormDefinition;
  assertValidForm(definition, deps.figures && new Set(deps.figures.map((f) => f.code)));
  const now = deps.clock.now();
  const id = newId(now.getTime());
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      await reportStore.insertForm(trx, {
        id,
        district_code: actor.districtCode,
        code: body.code,
        name: body.name,
        current_version: 1,
        status: 'active',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await reportStore.insertFormVersion(trx, {
        form_id: id,
        version: 1,
        district_code: actor.districtCode,
        definition: JSON.stringify(definition),
        created_by: actor.accountId,
        created_at: now.toISOString(),
      });
      await recordAudit(trx, {
        actor,
        action: 'report_form.create',
        entityType: 'report_form',
        entityId: id,
        at: now,
        requestId,
        summary: `新建报表「${body.name}」`,
        after: definition,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Conflict(
        'report_form.code_taken',
        `form code ${body.code} is taken`,
        [{ field: 'code', code: 'report_form.code_exists', message: 'code taken' }],
        { code: body.code },
      );
    throw err;
  }
  return id;
}
