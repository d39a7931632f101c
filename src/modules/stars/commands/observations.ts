import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isDate } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Forbidden, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { ObservationBody, ScoresBody } from '../../../contracts/stars-cycle.js';
import type { UnitRef } from '../../org/index.js';
import type { CycleDeps } from '../cycle-deps.js';
import { scoreProblem } from '../domain/observation-scores.js';
import { observationStore, type ObservationRow } from '../store/observation.store.js';
import { branchInField, fieldProblem, unitInScope } from './cycle-access.js';

const HOST_KINDS = ['subdistrict', 'township'];

type ObservationInput = ObservationBody & { visitors: NonNullable<ObservationBody['visitors']> };

/**
 * A 街道 holds an observation event (每月观摩): the day, where (a branch), the branches visited and
 * who visits (accounts or names). Every branch lies in the 街道; scores come afterwards.
 */
export async function createObservation(
  deps: CycleDeps,
  actor: Actor,
  body: ObservationInput,
  requestId?: string,
): Promise<string> {
  authorize(actor, 'star.review');
  const db = deps.database.db;
  if (!isDate(body.day)) throw fieldProblem('day', 'date.invalid');
  const host = await unitInScope(deps, db, actor, body.hostUnitId);
  if (!HOST_KINDS.includes(host.kind)) throw fieldProblem('hostUnitId', 'observation.host_not_subdistrict');
  const inHost = async (id: string, field: string) => {
    const b = await branchInField(deps, db, actor, id, field);
    if (!b.branch.path.startsWith(host.path)) throw fieldProblem(field, 'observation.branch_outside_host');
    return b.branch;
  };
  const place = await inHost(body.placeBranchId, 'placeBranchId');
  const branches: UnitRef[] = [];
  const seen = new Set<string>();
  for (const [i, id] of body.branchIds.entries()) {
    if (seen.has(id)) throw fieldProblem(`branchIds[${i}]`, 'observation.branch_repeated');
    seen.add(id);
    branches.push(await inHost(id, `branchIds[${i}]`));
  }
  const accounts = await deps.org.accountsByIds(
    db,
    body.visitors.flatMap((v) => (v.accountId ? [v.accountId] : [])),
  );
  const seenAccounts = new Set<string>();
  const visitors = body.visitors.map((v, i) => {
    if (!v.accountId) return { accountId: null, name: v.name! };
    const a = accounts.get(v.accountId);
    if (!a || a.districtCode !== actor.districtCode)
      throw fieldProblem(`visitors[${i}].accountId`, 'observation.visitor_unknown');
    if (seenAccounts.has(a.id)) throw fieldProblem(`visitors[${i}].accountId`, 'observation.visitor_repeated');
    seenAccounts.add(a.id);
    return { accountId: a.id, name: v.name || a.name };
  });
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await observationStore.insert(
      trx,
      {
        id,
        district_code: actor.districtCode,
        host_unit_id: host.id,
        host_path: host.path,
        day: body.day,
        title: body.title,
        place_branch_id: place.id,
        attendees: body.attendees ?? null,
        note: body.note ?? null,
        created_by: actor.accountId,
        created_by_name: actor.displayName,
        created_at: at,
        updated_at: at,
      },
      branches.map((b, sort) => ({ observation_id: id, branch_id: b.id, branch_path: b.path, sort })),
      visitors.map((v, sort) => ({
        id: newId(now.getTime()),
        observation_id: id,
        account_id: v.accountId,
        name: v.name.slice(0, 40),
        sort,
      })),
    );
    await recordAudit(trx, {
      actor,
      action: 'star.observation_create',
      entityType: 'star_observation',
      entityId: id,
      at: now,
      requestId,
      summary: `${host.name} ${body.day} 观摩「${body.title}」（${place.name}，观摩 ${branches.length} 个支部）`,
    });
  });
  return id;
}

/** An event the actor may read: held in scope, or visiting a branch in scope. Otherwise 404. */
export async function visibleObservation(ex: Executor, actor: Actor, id: string): Promise<ObservationRow> {
  const o = await observationStore.byId(ex, id);
  if (o && o.district_code === actor.districtCode) {
    if (inScope(actor, o.host_path)) return o;
    const branches = await observationStore.branches(ex, [id]);
    if (branches.some((b) => inScope(actor, b.branch_path))) return o;
  }
  throw new NotFound('star_observation', id);
}

/** May the actor enter scores: star.review and the host 街道 in scope. */
export function scoresObservation(actor: Actor, o: ObservationRow): boolean {
  return actor.permissions.has('star.review') && inScope(actor, o.host_path);
}

/**
 * Enters (or corrects) visitors' scores 0–100 and remarks per visited branch. The whole batch is
 * checked first: one score out of range refuses all of it, naming the field, and nothing is written.
 */
export async function enterScores(
  deps: CycleDeps,
  actor: Actor,
  id: string,
  body: ScoresBody,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'star.review');
  const db = deps.database.db;
  const o = await visibleObservation(db, actor, id);
  if (!scoresObservation(actor, o)) throw new Forbidden('observation.not_host', 'only the host may enter scores');
  const visitors = new Set((await observationStore.visitors(db, [id])).map((v) => v.id));
  const branches = new Set((await observationStore.branches(db, [id])).map((b) => b.branch_id));
  const seen = new Set<string>();
  body.scores.forEach((s, i) => {
    if (!visitors.has(s.visitorId)) throw fieldProblem(`scores[${i}].visitorId`, 'observation.visitor_unknown');
    if (!branches.has(s.branchId)) throw fieldProblem(`scores[${i}].branchId`, 'observation.branch_not_visited');
    const problem = scoreProblem(s.score);
    if (problem === 'range') throw fieldProblem(`scores[${i}].score`, 'observation.score_range', { min: 0, max: 100 });
    if (problem === 'precision') throw fieldProblem(`scores[${i}].score`, 'observation.score_precision');
    const pair = `${s.visitorId}|${s.branchId}`;
    if (seen.has(pair)) throw fieldProblem(`scores[${i}]`, 'observation.score_repeated');
    seen.add(pair);
  });
  const now = deps.clock.now();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await observationStore.putScores(
      trx,
      body.scores.map((s) => ({
        observation_id: id,
        visitor_id: s.visitorId,
        branch_id: s.branchId,
        score: s.score,
        remark: s.remark ?? null,
        entered_by: actor.accountId,
        entered_at: at,
      })),
    );
    await observationStore.touch(trx, id, at);
    await recordAudit(trx, {
      actor,
      action: 'star.observation_scores',
      entityType: 'star_observation',
      entityId: id,
      at: now,
      requestId,
      summary: `观摩「${o.title}」录入评分 ${body.scores.length} 项`,
      after: { scores: body.scores },
    });
  });
}
