import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import {
  MEASURE_TYPE_NAMES,
  OWNER_ROLE_NAMES,
  OWNER_ROLES,
  type MeasureBody,
  type OwnerRole,
} from '../../../contracts/measures.js';
import { notify } from '../../inbox/index.js';
import type { OrgApi } from '../../org/index.js';
import { measureSubject, type MeasureSubject } from '../../population/index.js';
import type { MeasuresDeps } from '../deps.js';
import { checkNewMeasure, endDayOf, followUpDays } from '../domain/measure-rules.js';
import { measureStore, type MeasureRow } from '../store/measure.store.js';
import { managesPath } from './measure-access.js';

type AccountRef = NonNullable<ReturnType<Awaited<ReturnType<OrgApi['accountsByIds']>>['get']>>;

/** The account role each owner of 四包一 must hold. */
export const OWNER_ACCOUNT_ROLE: Record<OwnerRole, string> = {
  subdistrict: 'subdistrict_staff',
  community: 'community_worker',
  police: 'police_officer',
  doctor: 'doctor',
};

/**
 * Why an account may not own a subject's measure in a role, or null: it must be active in the district
 * and hold the role; the 街道干部 must work in the subject's sub-district and the 社区干部 in the
 * subject's community (the 民警 and the 医生 come from their station or clinic, anywhere in the district).
 */
export function ownerProblem(role: OwnerRole, a: AccountRef | undefined, subject: MeasureSubject): string | null {
  if (!a || !a.active || a.districtCode !== subject.districtCode) return 'measure.owner_unknown';
  if (!a.roles.includes(OWNER_ACCOUNT_ROLE[role])) return 'measure.owner_wrong_role';
  if (role === 'subdistrict' && a.unitId !== subject.subdistrict.id) return 'measure.owner_wrong_unit';
  if (role === 'community' && a.unitId !== subject.community.id) return 'measure.owner_wrong_unit';
  return null;
}

/** The subject of a measure the actor may start or see the owners of: in its scope, living here. */
export async function subjectInScope(
  deps: MeasuresDeps,
  ex: Executor,
  actor: Actor,
  residentId: string,
): Promise<MeasureSubject> {
  const s = await measureSubject(ex, deps.org, residentId);
  if (!s || s.districtCode !== actor.districtCode || !managesPath(actor, s.gridPath))
    throw new Invalid('measure.subject_unknown', 'no such resident in your scope', [
      { field: 'residentId', code: 'measure.subject_unknown', message: 'no such resident in your scope' },
    ]);
  if (s.status !== 'active')
    throw new Invalid('measure.subject_left', 'the resident has moved out', [
      { field: 'residentId', code: 'measure.subject_left', message: 'the resident has moved out' },
    ]);
  return s;
}

/**
 * Starts a home measure (居家隔离 / 居家健康监测) on a resident, with its four named owners (四包一), in one
 * transaction: the measure, its owners, one follow-up per day of the window (not performed), its
 * history and audit, and a notice to each owner. Refused, with nothing written, without all four, with
 * an owner of the wrong role or unit, or when the window shares a day with the person's open measure.
 */
export async function startMeasure(
  deps: MeasuresDeps,
  actor: Actor,
  body: MeasureBody,
  requestId?: string,
): Promise<MeasureRow> {
  authorize(actor, 'measure.manage');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const today = localDateOf(nowDate);
  return deps.database.db.transaction().execute(async (trx) => {
    const subject = await subjectInScope(deps, trx, actor, body.residentId);
    const accounts = await deps.org.accountsByIds(trx, Object.values(body.owners));
    const problems: FieldProblem[] = [];
    for (const role of OWNER_ROLES) {
      const code = ownerProblem(role, accounts.get(body.owners[role]), subject);
      if (code)
        problems.push({
          field: `owners.${role}`,
          code,
          params: { role: OWNER_ROLE_NAMES[role] },
          message: `${role} owner: ${code}`,
        });
    }
    const open = await measureStore.openOfResident(trx, subject.id);
    const testDays = body.testDays ?? [];
    for (const p of checkNewMeasure(
      { startDay: body.startDay, lengthDays: body.lengthDays, testDays },
      today,
      open.map((m) => ({ startDay: m.start_day, endDay: m.end_day })),
    ))
      problems.push({ field: p.field, code: p.code, params: p.params, message: p.code });
    if (problems.length) throw new Invalid('measure.invalid', problems[0]!.message, problems);

    const id = newId(nowDate.getTime());
    const row: MeasureRow = {
      id,
      district_code: subject.districtCode,
      resident_id: subject.id,
      subject_name: subject.name,
      household_address: subject.householdAddress,
      grid_path: subject.gridPath,
      community_id: subject.community.id,
      subdistrict_id: subject.subdistrict.id,
      type: body.type,
      start_day: body.startDay,
      length_days: body.lengthDays,
      end_day: endDayOf(body.startDay, body.lengthDays),
      test_days: JSON.stringify([...testDays].sort()),
      status: 'open',
      ended_on: null,
      note: body.note ?? null,
      owner_subdistrict: body.owners.subdistrict,
      owner_community: body.owners.community,
      owner_police: body.owners.police,
      owner_doctor: body.owners.doctor,
      created_by: actor.accountId,
      created_at: now,
      updated_at: now,
    };
    const owners = OWNER_ROLES.map((role) => ({
      measure_id: id,
      role,
      account_id: body.owners[role],
      account_name: accounts.get(body.owners[role])!.name,
    }));
    await measureStore.insert(
      trx,
      row,
      owners,
      followUpDays(row.start_day, row.length_days).map((day) => ({
        measure_id: id,
        day,
        status: 'not_performed',
        method: null,
        temperature: null,
        note: null,
        recorded_by: null,
        recorded_by_name: null,
        recorded_role: null,
        recorded_at: null,
      })),
    );
    const typeName = MEASURE_TYPE_NAMES[body.type];
    const ownerText = owners.map((o) => `${OWNER_ROLE_NAMES[o.role]}${o.account_name}`).join('、');
    await measureStore.addEvent(trx, {
      id: newId(nowDate.getTime()),
      measure_id: id,
      at: now,
      kind: 'start',
      detail: `${typeName} ${row.start_day} 至 ${row.end_day}（${row.length_days} 天），包保：${ownerText}`,
      by_id: actor.accountId,
      by_name: actor.displayName,
    });
    await recordAudit(trx, {
      actor,
      at: nowDate,
      action: 'measure.start',
      entityType: 'measure',
      entityId: id,
      summary: `对${subject.name}采取${typeName}（${row.start_day} 至 ${row.end_day}）`,
      after: { type: row.type, startDay: row.start_day, lengthDays: row.length_days, owners: body.owners },
      requestId,
    });
    await notify(trx, {
      accountIds: owners.map((o) => o.account_id),
      districtCode: row.district_code,
      kind: 'measure.assigned',
      title: `居家措施包保：${subject.name}`,
      body: `${subject.community.name} ${subject.name}，${typeName} ${row.start_day} 至 ${row.end_day}，请每日随访（四包一：${ownerText}）`,
      entityType: 'measure',
      entityId: id,
      at: nowDate,
    });
    return row;
  });
}
