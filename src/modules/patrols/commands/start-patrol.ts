import { recordAudit } from '../../../kernel/audit/audit.js';
import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { Conflict, DomainError, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { StartPatrolBody } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { checkStart } from '../domain/patrol-rules.js';
import { patrolStore, type PatrolRow } from '../store/patrol.store.js';
import { commonPath } from '../../../kernel/tree-paths.js';

export const START_OPERATION = 'patrols.start';

const GRID_KINDS = ['grid_small', 'grid_large'];

const invalid = (problems: FieldProblem[]) => new Invalid(problems[0]!.code!, problems[0]!.message, problems);

/**
 * Starts a patrol (开始巡查) on the phone: of one or more grids in the recorder's scope, or of a
 * village's farmland (耕地巡查), at the phone's time, with the people along (accounts, or volunteers by
 * name). The phone may choose the id, so its outbox can queue the track and the end behind the start;
 * the same Idempotency-Key and body answers the first start.
 */
export async function startPatrol(
  deps: PatrolsDeps,
  actor: Actor,
  body: StartPatrolBody,
  opts: { idempotency?: IdempotencyClaim; requestId?: string } = {},
): Promise<{ patrol: PatrolRow; replayed: boolean }> {
  authorize(actor, 'patrol.record');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const db = deps.database.db;

  const problems: FieldProblem[] = [];
  const field = (f: string, code: string, params?: Record<string, string | number>) =>
    problems.push({ field: f, code, message: code, ...(params ? { params } : {}) });
  const startedAt = new Date(body.startedAt);
  const timing = checkStart(startedAt, nowDate);
  if (timing) field(timing.field, timing.code, timing.params);

  const wanted: { field: string; id: string }[] = [];
  if (body.kind === 'grid') {
    if (body.villageId) field('villageId', 'patrol.kind_mismatch', { kind: 'grid' });
    if (!body.gridIds?.length) field('gridIds', 'patrol.kind_needs_grids');
    body.gridIds?.forEach((id, i) => wanted.push({ field: `gridIds[${i}]`, id }));
  } else {
    if (body.gridIds?.length) field('gridIds', 'patrol.kind_mismatch', { kind: 'farmland' });
    if (!body.villageId) field('villageId', 'patrol.kind_needs_village');
    else wanted.push({ field: 'villageId', id: body.villageId });
  }
  const seen = new Set<string>();
  const units = await deps.org.unitsByIds(
    db,
    wanted.map((w) => w.id),
  );
  for (const w of wanted) {
    const u = units.get(w.id);
    const fits = body.kind === 'grid' ? GRID_KINDS.includes(u?.kind ?? '') : u?.kind === 'village';
    if (seen.has(w.id)) field(w.field, 'patrol.unit_repeated');
    else if (!u || !fits || u.status !== 'active' || u.districtCode !== actor.districtCode)
      field(w.field, 'patrol.unit_unknown', { kind: body.kind });
    else if (!inScope(actor, u.path)) field(w.field, 'patrol.unit_outside_scope', { kind: body.kind });
    seen.add(w.id);
  }
  const accounts = await deps.org.accountsByIds(
    db,
    body.companions.flatMap((c) => (c.accountId ? [c.accountId] : [])),
  );
  body.companions.forEach((c, i) => {
    if (!c.accountId) return;
    const a = accounts.get(c.accountId);
    if (!a || !a.active || a.districtCode !== actor.districtCode)
      field(`companions[${i}].accountId`, 'patrol.companion_unknown');
  });
  if (problems.length) throw invalid(problems);

  const id = body.id ?? newId(nowDate.getTime());
  const ordered = wanted.map((w) => units.get(w.id)!);
  return db.transaction().execute(async (trx) => {
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, START_OPERATION, opts.idempotency, id, nowDate);
      if (prior) return { patrol: (await patrolStore.findById(trx, prior))!, replayed: true };
    }
    await patrolStore.lockRecorder(trx, deps.database.dialect, actor.accountId);
    if (await patrolStore.findById(trx, id))
      throw new Conflict('patrol.id_taken', 'a patrol with this id exists', [
        { field: 'id', code: 'patrol.id_taken', message: 'id taken' },
      ]);
    const active = await patrolStore.activeOf(trx, actor.accountId);
    if (active)
      throw new DomainError('conflict', 'patrol.already_active', 'end the patrol under way first', [], {
        activePatrolId: active.id,
      });
    const row: PatrolRow = {
      id,
      district_code: actor.districtCode,
      kind: body.kind,
      scope_path: commonPath(ordered.map((u) => u.path)),
      status: 'active',
      recorder_id: actor.accountId,
      recorder_name: actor.displayName,
      started_at: startedAt.toISOString(),
      ended_at: null,
      start_day: localDateOf(startedAt),
      end_day: null,
      points: 0,
      far_points: 0,
      distance_m: 0,
      last_point: null,
      note: body.note ?? null,
      created_at: now,
      updated_at: now,
    };
    await patrolStore.insert(
      trx,
      row,
      ordered.map((u) => ({ patrol_id: id, unit_id: u.id, unit_path: u.path, unit_name: u.name })),
      [
        { patrol_id: id, seq: 0, account_id: actor.accountId, name: actor.displayName, role: 'recorder' },
        ...body.companions.map((c, i) => ({
          patrol_id: id,
          seq: i + 1,
          account_id: c.accountId ?? null,
          name: c.accountId ? accounts.get(c.accountId)!.name : c.name,
          role: 'companion',
        })),
      ],
    );
    await recordAudit(trx, {
      actor,
      action: 'patrol.start',
      entityType: 'patrol',
      entityId: id,
      at: nowDate,
      requestId: opts.requestId ?? null,
      summary: `开始${body.kind === 'grid' ? '巡查' : '耕地巡查'}：${ordered.map((u) => u.name).join('、')}`,
      after: { kind: body.kind, startedAt: row.started_at, companions: body.companions.length },
    });
    return { patrol: row, replayed: false };
  });
}
