import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { SubmitBody } from '../../../contracts/reporting.js';
import {
  ancestorAreas,
  assertValidSubmission,
  contributionDelta,
  contributionOf,
  expectedRange,
  fieldsByVersion,
  isFuture,
  isOnTime,
  parsePeriod,
  periodEnd,
  periodStart,
} from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportStore } from '../store/report.store.js';
import { rollupStore } from '../store/rollup.store.js';
import { reportingUnits } from './reporting-units.js';
import { systemFigures } from '../figures.js';

/**
 * Submits (or corrects) a unit's report for a period. The first submission fixes the time that
 * decides timeliness; a correction keeps every earlier value in the history. Of two submissions at
 * once, one inserts and the other becomes its correction: there is never a second report.
 */
export async function submitReport(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  body: z.infer<typeof SubmitBody>,
  requestId?: string,
) {
  const now = deps.clock.now();
  const tz = deps.config.timeZone;
  const db = deps.database.db;
  const form = await reportStore.form(db, formId);
  if (!form || form.row.district_code !== actor.districtCode || form.row.status !== 'active')
    throw new NotFound('report_form', formId);
  const def = form.definition;
  if (body.formVersion !== undefined && body.formVersion !== def.version) {
    throw new Conflict(
      'report.form_version_replaced',
      `the form is at version ${def.version} now`,
      [
        {
          field: 'formVersion',
          code: 'report.form_version_current',
          params: { version: def.version },
          message: `now version ${def.version}`,
        },
      ],
      { version: def.version },
    );
  }
  const period = parsePeriod(body.period, def.periodType);
  if (isFuture(period.id, now, tz))
    throw new Invalid('report.future_period', 'the period has not begun', [
      { field: 'period', code: 'report.period_not_started', message: 'not begun' },
    ]);
  const unit = await deps.org.unit(db, body.unitId);
  if (!unit || !inScope(actor, unit.path)) throw new NotFound('unit', body.unitId);
  const expected = await reportingUnits(deps, db, actor.districtCode, unit.path, def.reporters);
  const me = expected.find((u) => u.id === unit.id);
  // The same rule as completeness: a unit reports for the periods its life overlaps, even in part.
  const [lo, hi] = me
    ? expectedRange(
        { starts: [periodStart(period.id, tz).toISOString()], ends: [periodEnd(period.id, tz).toISOString()] },
        me,
      )
    : [0, 0];
  if (!me || lo >= hi) {
    throw new Invalid(
      'report.unit_not_expected',
      `${unit.name} does not report ${def.name} for this period`,
      [{ field: 'unitId', code: 'report.unit_not_reporter', message: 'not a reporting unit' }],
      { unit: unit.name, form: def.name },
    );
  }
  const content = { zero: body.zero ?? false, values: body.zero ? null : (body.values ?? {}) };
  assertValidSubmission(def, content);
  const fieldsOf = fieldsByVersion(await reportStore.versions(db, formId));
  const versionFields = (v: number) => fieldsOf.get(v) ?? [];
  // The roll-up of every area above the unit changes in the same transaction as the report.
  // A correction stays under the path the report was first made in, as the report itself does.
  const keepRollup = (
    trx: Parameters<typeof rollupStore.apply>[0],
    unitPath: string,
    before: Parameters<typeof contributionDelta>[0],
    onTime: boolean,
  ) =>
    rollupStore.apply(trx, {
      districtCode: actor.districtCode,
      formId,
      period: period.id,
      areas: ancestorAreas(unitPath),
      fieldsOf: versionFields,
      delta: contributionDelta(
        before,
        contributionOf(versionFields(def.version), { onTime, zero: content.zero, values: content.values }),
      ),
    });
  // What the system counts for the fields that name a source, read in the report's transaction: the
  // reported value may differ (the reporter corrects the system), and the difference is kept.
  const figuresIn = async (trx: Parameters<typeof rollupStore.apply>[0]) => {
    if (!def.fields.some((f) => f.type === 'integer' && f.source)) return null;
    const q = {
      districtCode: actor.districtCode,
      unitId: unit.id,
      unitPath: unit.path,
      from: periodStart(period.id, tz),
      to: periodEnd(period.id, tz),
    };
    return JSON.stringify(await systemFigures(deps.figures ?? [], trx, def.fields, q));
  };
  const write = async () =>
    db.transaction().execute(async (trx) => {
      const systemValues = await figuresIn(trx);
      const existing = await reportStore.submission(trx, formId, unit.id, period.id);
      if (!existing) {
        const onTime = isOnTime(period.id, now, def.deadline, tz);
        await reportStore.insertSubmission(trx, {
          id: newId(now.getTime()),
          district_code: actor.districtCode,
          form_id: formId,
          form_version: def.version,
          unit_id: unit.id,
          unit_path: unit.path,
          period: period.id,
          zero: content.zero ? 1 : 0,
          values: JSON.stringify(content.values ?? {}),
          submitted_at: now.toISOString(),
          on_time: onTime ? 1 : 0,
          submitted_by: actor.accountId,
          revision: 1,
          updated_at: now.toISOString(),
          system_values: systemValues,
        });
        await keepRollup(trx, unit.path, null, onTime);
        await recordAudit(trx, {
          actor,
          action: 'report.submit',
          entityType: 'report_submission',
          entityId: null,
          at: now,
          requestId,
          summary: `${unit.name} 报送「${def.name}」${period.id}${content.zero ? '（零报告）' : ''}`,
        });
        return { created: true };
      }
      await reportStore.insertHistory(trx, {
        id: newId(now.getTime()),
        submission_id: existing.id,
        district_code: existing.district_code,
        revision: existing.revision,
        form_version: existing.form_version,
        zero: existing.zero,
        values: existing.values,
        changed_by: actor.accountId,
        changed_at: now.toISOString(),
        system_values: existing.system_values,
      });
      await reportStore.correctSubmission(trx, existing.id, {
        form_version: def.version,
        zero: content.zero ? 1 : 0,
        values: JSON.stringify(content.values ?? {}),
        revision: existing.revision + 1,
        updated_at: now.toISOString(),
        system_values: systemValues,
      });
      const before = contributionOf(versionFields(existing.form_version), {
        onTime: existing.on_time === 1,
        zero: existing.zero === 1,
        values: JSON.parse(existing.values),
      });
      await keepRollup(trx, existing.unit_path, before, existing.on_time === 1);
      await recordAudit(trx, {
        actor,
        action: 'report.correct',
        entityType: 'report_submission',
        entityId: existing.id,
        at: now,
        requestId,
        summary: `${unit.name} 更正「${def.name}」${period.id}`,
        before: { zero: existing.zero === 1, values: JSON.parse(existing.values) },
        after: content,
      });
      return { created: false };
    });
  let result;
  try {
    result = await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    result = await write(); // the other submission won the insert: this one corrects it
  }
  const row = (await reportStore.submission(db, formId, unit.id, period.id))!;
  return {
    created: result.created,
    submission: {
      id: row.id,
      formId,
      formVersion: row.form_version,
      unitId: row.unit_id,
      unitName: unit.name,
      period: row.period,
      zero: row.zero === 1,
      values: reportedValues(row),
      submittedAt: row.submitted_at,
      onTime: row.on_time === 1,
      late: row.on_time === 0,
      revision: row.revision,
      updatedAt: row.updated_at,
      systemValues: parseSystemValues(row.system_values),
    },
  };
}

/** The values a report answers with: null for a zero report (it reported none), as the contract says. */
export function reportedValues(r: { zero: number; values: string }): Record<string, unknown> | null {
  return r.zero === 1 ? null : (JSON.parse(r.values) as Record<string, unknown>);
}

/** The kept system figures of a report (zero reports too); null when its form named no source. */
export function parseSystemValues(json: string | null): Record<string, number> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, number>);
}
