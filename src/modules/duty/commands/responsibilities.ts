import type { z } from 'zod';
import type {
  EndResponsibilityBody,
  Responsibility,
  ResponsibilityBody,
  ResponsibilityKind,
  ResponsibilityList,
  ResponsibilityQuery,
} from '../../../contracts/duty.js';
import { RESPONSIBILITY_KIND_NAMES } from '../../../contracts/duty.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize, can, inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { DutyResponsibilityTable } from '../../../kernel/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { DutyDeps } from '../deps.js';
import { responsibilityProblems } from '../domain/responsibility-rules.js';
import { responsibilityStore } from '../store/duty.store.js';
import { unitInScope } from './duty-access.js';

/** Responsibilities with their target's and holder's names, as the console shows them. */
async function present(deps: DutyDeps, ex: Executor, rows: DutyResponsibilityTable[]): Promise<Responsibility[]> {
  const unitIds = [
    ...new Set([
      ...rows.map((r) => r.target_id),
      ...rows.filter((r) => r.holder_type === 'unit').map((r) => r.holder_id),
    ]),
  ];
  const units = await deps.org.unitsByIds(ex, unitIds);
  const accounts = await deps.org.accountsByIds(
    ex,
    rows.filter((r) => r.holder_type === 'account').map((r) => r.holder_id),
  );
  return rows.map((r) => {
    const t = units.get(r.target_id);
    return {
      id: r.id,
      kind: r.kind as ResponsibilityKind,
      target: { id: r.target_id, name: t?.name ?? '', kind: t?.kind ?? '' },
      holder: {
        type: r.holder_type as 'account' | 'unit',
        id: r.holder_id,
        name: (r.holder_type === 'unit' ? units.get(r.holder_id)?.name : accounts.get(r.holder_id)?.name) ?? '',
      },
      from: r.from_day,
      to: r.to_day,
      note: r.note,
      createdAt: r.created_at,
      createdBy: r.created_by_name,
      endedAt: r.ended_at,
    };
  });
}

/** The responsibilities of a unit in scope (or of its subtree), current and ended. */
export async function listResponsibilities(
  deps: DutyDeps,
  actor: Actor,
  q: z.output<typeof ResponsibilityQuery>,
): Promise<ResponsibilityList> {
  authorize(actor, 'duty.read');
  const db = deps.database.db;
  const unit = await unitInScope(deps, db, actor, q.unitId ?? actor.unitId, 'unitId');
  const rows = await responsibilityStore.list(db, {
    districtCode: actor.districtCode,
    ...(q.subtree === 'true' ? { path: unit.path } : { targetId: unit.id }),
    kind: q.kind,
    on: q.on,
    ...(q.ended === 'false' ? { currentFrom: localToday(deps) } : {}),
  });
  return { items: await present(deps, db, rows), canWrite: can(actor, 'responsibility.write') };
}

const localToday = (deps: DutyDeps) => localDateOf(deps.clock.now());

/**
 * Adds a responsibility for a unit in scope. Refused, naming the field and writing nothing: a target of
 * the wrong kind for the responsibility, a holder of the wrong type, a span ending before it starts,
 * and a span giving a community a second 主责 leader (or a grid a second 网格长) on some day.
 */
export async function addResponsibility(
  deps: DutyDeps,
  actor: Actor,
  body: z.output<typeof ResponsibilityBody>,
  requestId?: string,
): Promise<Responsibility> {
  authorize(actor, 'responsibility.write');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const target = await unitInScope(deps, trx, actor, body.targetUnitId, 'targetUnitId');
    let holderUnitKind: string | undefined;
    let holderName: string;
    if (body.holder.type === 'unit') {
      const u = await deps.org.unit(trx, body.holder.id);
      if (!u || u.districtCode !== actor.districtCode || u.status !== 'active')
        throw new Invalid('duty.holder_unknown', 'holder.id: no such unit', [
          { field: 'holder.id', code: 'duty.holder_unknown', message: 'no such unit' },
        ]);
      holderUnitKind = u.kind;
      holderName = u.name;
    } else {
      const a = (await deps.org.accountsByIds(trx, [body.holder.id])).get(body.holder.id);
      if (!a || a.districtCode !== actor.districtCode || !a.active)
        throw new Invalid('duty.holder_unknown', 'holder.id: no such account', [
          { field: 'holder.id', code: 'duty.holder_unknown', message: 'no such active account' },
        ]);
      if (!a.roles.some((r) => (HOLDER_ROLES as readonly string[]).includes(r)))
        throw new Invalid('duty.holder_not_cadre', 'holder.id: not a cadre', [
          { field: 'holder.id', code: 'duty.holder_not_cadre', message: 'the account holds no cadre role' },
        ]);
      holderName = a.name;
    }
    const span = { from: body.from, to: body.to ?? null };
    await responsibilityStore.lockTargetKind(trx, deps.database.dialect, target.id, body.kind);
    const existing = (await responsibilityStore.ofTargetAndKind(trx, target.id, body.kind)).map((r) => ({
      id: r.id,
      from: r.from_day,
      to: r.to_day,
    }));
    const problems = responsibilityProblems({
      kind: body.kind,
      targetKind: target.kind,
      holderType: body.holder.type,
      holderUnitKind,
      span,
      existing,
    });
    if (problems.length) {
      const overlap = problems.every((p) => p.code === 'duty.lead_overlap' || p.code === 'duty.exclusive_overlap');
      if (overlap) throw new Conflict(problems[0].code!, problems[0].message, problems, problems[0].params);
      throw new Invalid('duty.responsibility_invalid', problems[0].message, problems);
    }
    const row: DutyResponsibilityTable = {
      id: newId(now.getTime()),
      district_code: actor.districtCode,
      kind: body.kind,
      target_id: target.id,
      target_path: target.path,
      holder_type: body.holder.type,
      holder_id: body.holder.id,
      from_day: span.from,
      to_day: span.to,
      note: body.note || null,
      created_by_id: actor.accountId,
      created_by_name: actor.displayName,
      created_at: now.toISOString(),
      ended_at: null,
      ended_by_id: null,
    };
    await responsibilityStore.insert(trx, row);
    await recordAudit(trx, {
      actor,
      action: 'duty.responsibility_add',
      entityType: 'duty_responsibility',
      entityId: row.id,
      at: now,
      requestId,
      summary: `${holderName} ${RESPONSIBILITY_KIND_NAMES[body.kind]}「${target.name}」，自 ${span.from}${span.to ? ` 至 ${span.to}` : ' 起'}`,
    });
    return (await present(deps, trx, [row]))[0];
  });
}

/** Ends a responsibility on a day (its last day); the row stays as history. It can be shortened, never lengthened. */
export async function endResponsibility(
  deps: DutyDeps,
  actor: Actor,
  id: string,
  body: z.output<typeof EndResponsibilityBody>,
  requestId?: string,
): Promise<Responsibility> {
  authorize(actor, 'responsibility.write');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const r = await responsibilityStore.findById(trx, id);
    if (!r || r.district_code !== actor.districtCode || !inScope(actor, r.target_path))
      throw new NotFound('responsibility', id);
    if (body.to < r.from_day)
      throw new Invalid('duty.ends_before_start', 'to is before from', [
        { field: 'to', code: 'duty.ends_before_start', message: 'to is before from' },
      ]);
    if (r.to_day !== null && body.to > r.to_day)
      throw new Invalid('duty.end_after_current', 'to is after the current end', [
        {
          field: 'to',
          code: 'duty.end_after_current',
          message: 'to is after the current end',
          params: { to: r.to_day },
        },
      ]);
    await responsibilityStore.end(trx, id, {
      to_day: body.to,
      ended_at: now.toISOString(),
      ended_by_id: actor.accountId,
    });
    await recordAudit(trx, {
      actor,
      action: 'duty.responsibility_end',
      entityType: 'duty_responsibility',
      entityId: id,
      at: now,
      requestId,
      summary: `结束${RESPONSIBILITY_KIND_NAMES[r.kind as ResponsibilityKind]}，最后一天 ${body.to}`,
      before: { to: r.to_day },
      after: { to: body.to },
    });
    return (await present(deps, trx, [{ ...r, to_day: body.to, ended_at: now.toISOString() }]))[0];
  });
}

/** Roles whose accounts may hold a responsibility (cadres; not volunteers, handlers or the police). */
const HOLDER_ROLES = [
  'district_leader',
  'supervision_office',
  'subdistrict_staff',
  'community_worker',
  'grid_worker',
] as const;

/**
 * Who may be picked as a holder, district-wide whatever the writer's scope: a leader at the district
 * 分包 a community of a 街道, and 电信 包联 it, though neither lies in the 街道's subtree.
 */
export async function holderOptions(deps: DutyDeps, actor: Actor) {
  authorize(actor, 'responsibility.write');
  const db = deps.database.db;
  const seen = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const role of HOLDER_ROLES)
    for (const a of await deps.org.accountsWithRole(db, actor.districtCode, role))
      seen.set(a.id, { id: a.id, name: a.name, roles: a.roles });
  const units = await deps.org.dispatchTargets(db, actor.districtCode);
  return {
    accounts: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
  };
}
