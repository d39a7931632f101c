import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { claimIdempotencyKey, type IdempotencyClaim } from '../../../kernel/db/idempotency-keys.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { VisitBody } from '../../../contracts/population.js';
import { claimUploads, uploadedFileIds } from '../../files/index.js';
import type { PopulationDeps } from '../deps.js';
import { applyVisit } from '../domain/coverage.js';
import { checkVisitTime } from '../domain/round-rules.js';
import { residentStore } from '../store/resident.store.js';
import { roundStore, type VisitRow } from '../store/round.store.js';
import { householdInScope } from './household-access.js';
import { gridRefs } from './place-context.js';
import { registerResidentIn } from './register-resident.js';
import { roundInScope } from './round-access.js';

export const VISIT_OPERATION = 'population.visit';

const NOBODY_HOME = new Set(['absent', 'vacant']);

/**
 * Records a door-knocking visit (敲门) to a household of the round, in one transaction: the visit,
 * people found living there registered (or merged by ID number), people gone marked 已迁出, the
 * photos attached, and the household's state in the round (what coverage counts). A phone resending
 * from its outbox with the same Idempotency-Key gets the first visit back, and nothing is written twice.
 */
export async function recordVisit(
  deps: PopulationDeps,
  actor: Actor,
  roundId: string,
  body: VisitBody,
  opts: { idempotency?: IdempotencyClaim; requestId?: string } = {},
): Promise<{ visit: VisitRow; address: string; grid: Awaited<ReturnType<typeof gridRefs>>; replayed: boolean }> {
  authorize(actor, 'resident.write');
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const round = await roundInScope(trx, actor, roundId);
    const visitId = newId(nowDate.getTime());
    if (opts.idempotency) {
      const prior = await claimIdempotencyKey(trx, actor, VISIT_OPERATION, opts.idempotency, visitId, nowDate);
      if (prior) {
        const visit = (await roundStore.visit(trx, prior))!;
        const h = (await householdInScope(trx, actor, visit.household_id))!;
        return { visit, address: h.address, grid: await gridRefs(deps, trx, [visit.grid_path]), replayed: true };
      }
    }
    const household = await householdInScope(trx, actor, body.householdId).catch(() => {
      throw new Invalid('visit.household_unknown', 'no such household', [
        { field: 'householdId', code: 'visit.household_unknown', message: 'no such household in your scope' },
      ]);
    });
    const problems: FieldProblem[] = [];
    if (!household.grid_path.startsWith(round.scope_path))
      problems.push({ field: 'householdId', code: 'visit.household_outside_round', message: 'outside the round' });
    const visitedAt = body.visitedAt ? new Date(body.visitedAt).toISOString() : now;
    const timeProblem = checkVisitTime(
      { startsOn: round.starts_on, endsOn: round.ends_on },
      { visitedAt, visitDay: localDateOf(new Date(visitedAt)) },
      now,
    );
    if (timeProblem)
      problems.push({
        field: 'visitedAt',
        code: `visit.${timeProblem}`,
        params: { start: round.starts_on, end: round.ends_on },
        message: timeProblem,
      });
    const members = new Map((await residentStore.householdMembers(trx, [household.id])).map((m) => [m.id, m]));
    const present = body.presentResidentIds ?? [];
    const gone = body.goneResidentIds ?? [];
    present.forEach((id, i) => {
      if (!members.has(id))
        problems.push({ field: `presentResidentIds[${i}]`, code: 'visit.not_member', message: 'not living here' });
      if (gone.includes(id))
        problems.push({
          field: `presentResidentIds[${i}]`,
          code: 'visit.present_and_gone',
          message: 'both home and gone',
        });
    });
    gone.forEach((id, i) => {
      if (!members.has(id))
        problems.push({ field: `goneResidentIds[${i}]`, code: 'visit.not_member', message: 'not living here' });
    });
    if (NOBODY_HOME.has(body.result) && (present.length || body.newResidents?.length))
      problems.push({ field: 'result', code: 'visit.nobody_home', message: 'nobody was home' });
    const photos = body.photoIds ?? [];
    const uploaded = await uploadedFileIds(trx, actor.districtCode, photos);
    photos.forEach((f, i) => {
      if (!uploaded.has(f))
        problems.push({ field: `photoIds[${i}]`, code: 'file.not_uploaded', message: `no file ${f}` });
    });
    if (problems.length) throw new Invalid('visit.invalid', problems[0]!.message, problems);
    await claimUploads(trx, actor, nowDate, [['photoIds', photos]]);

    const added: string[] = [];
    // People met at the door and registered with the visit were at home too.
    const atHome = [...present];
    for (const [i, p] of (body.newResidents ?? []).entries()) {
      const r = await registerResidentIn(
        deps,
        trx,
        actor,
        { ...p, householdId: household.id },
        { requestId: opts.requestId, field: `newResidents[${i}].` },
      );
      added.push(p.name);
      if (!atHome.includes(r.residentId)) atHome.push(r.residentId);
    }
    for (const id of gone) {
      await residentStore.update(trx, id, { status: 'left', updated_at: now });
      await residentStore.addEvent(trx, {
        id: newId(nowDate.getTime()),
        resident_id: id,
        at: now,
        kind: 'status',
        household_id: household.id,
        household_address: household.address,
        detail: `已迁出（${round.name}入户核实）`,
        by_id: actor.accountId,
        by_name: actor.displayName,
      });
    }
    const visit: VisitRow = {
      id: visitId,
      round_id: round.id,
      household_id: household.id,
      grid_id: household.grid_id,
      grid_path: household.grid_path,
      result: body.result,
      visited_at: visitedAt,
      visitor_id: actor.accountId,
      visitor_name: actor.displayName,
      present: JSON.stringify(atHome),
      added: JSON.stringify(added),
      gone: JSON.stringify(gone.map((id) => members.get(id)!.name)),
      photo_ids: JSON.stringify(photos),
      note: body.note ?? null,
      created_at: now,
    };
    await roundStore.insertVisit(trx, visit);
    await roundStore.attachFiles(trx, visit.id, photos);
    const prior = await roundStore.state(trx, round.id, household.id);
    const next = applyVisit(
      prior
        ? {
            visits: prior.visits,
            verified: prior.verified === 1,
            absentOnly: prior.absent_only === 1,
            lastResult: prior.last_result as VisitBody['result'],
            lastVisitedAt: prior.last_visited_at,
          }
        : null,
      { result: body.result, visitedAt },
    );
    await roundStore.putState(
      trx,
      {
        round_id: round.id,
        household_id: household.id,
        grid_id: household.grid_id,
        visits: next.visits,
        verified: next.verified ? 1 : 0,
        absent_only: next.absentOnly ? 1 : 0,
        last_result: next.lastResult,
        last_visited_at: next.lastVisitedAt,
      },
      prior,
      household.status === 'active',
    );
    return { visit, address: household.address, grid: await gridRefs(deps, trx, [visit.grid_path]), replayed: false };
  });
}
