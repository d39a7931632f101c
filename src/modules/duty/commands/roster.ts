import type { z } from 'zod';
import type { CopyForwardBody, Roster, RosterDayBody, RosterQuery } from '../../../contracts/duty.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize, can } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { DutyRosterDayTable } from '../../../kernel/db/schema.js';
import { Conflict, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import type { UnitRef } from '../../org/index.js';
import type { DutyDeps } from '../deps.js';
import { copyForwardPlan, hasGap, rosterGaps } from '../domain/roster-gaps.js';
import { rosterStore } from '../store/duty.store.js';
import { cadreCandidates, gridsOf, rosterUnit } from './duty-access.js';

const parse = (r: DutyRosterDayTable) => ({
  day: r.day,
  cadreId: r.cadre_id,
  cadreName: r.cadre_name,
  volunteers: JSON.parse(r.volunteers) as string[],
  gridIds: JSON.parse(r.grid_ids) as string[],
});

/**
 * The roster of a community over `days` days from `from`, each day with its gaps (缺岗); a stored duty
 * cadre who may no longer lead the community's days is left out, so the day shows the gap.
 */
export async function rosterOf(
  deps: DutyDeps,
  ex: Executor,
  unit: UnitRef,
  from: string,
  days: number,
): Promise<Omit<Roster, 'canWrite' | 'candidates'>> {
  const grids = await gridsOf(deps, ex, unit);
  const list = Array.from({ length: days }, (_, i) => addDays(from, i));
  const stored = (await rosterStore.days(ex, unit.id, from, list[list.length - 1])).map(parse);
  // A duty cadre who may no longer lead the community (disabled, moved away) leads no day: 缺岗.
  const cadres = stored.some((r) => r.cadreId)
    ? new Set((await cadreCandidates(deps, ex, unit)).map((c) => c.id))
    : new Set<string>();
  const rows = stored.map((r) => (r.cadreId && !cadres.has(r.cadreId) ? { ...r, cadreId: null, cadreName: null } : r));
  const gridIds = grids.map((g) => g.id);
  const gaps = rosterGaps(list, rows, gridIds);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    unit: { id: unit.id, name: unit.name },
    grids,
    days: gaps.map((g) => {
      const r = byDay.get(g.day);
      return {
        day: g.day,
        cadre: r?.cadreId ? { id: r.cadreId, name: r.cadreName ?? '' } : null,
        volunteers: r?.volunteers ?? [],
        gridIds: r?.gridIds ?? [],
        gaps: { noCadre: g.noCadre, uncoveredGridIds: g.uncoveredGridIds },
      };
    }),
    gapDays: gaps.filter(hasGap).length,
  };
}

export async function getRoster(deps: DutyDeps, actor: Actor, q: z.output<typeof RosterQuery>): Promise<Roster> {
  authorize(actor, 'duty.read');
  const db = deps.database.db;
  const unit = await rosterUnit(deps, db, actor, q.unitId);
  const canWrite = can(actor, 'duty.write');
  return {
    ...(await rosterOf(deps, db, unit, q.from, q.days ?? 7)),
    canWrite,
    candidates: canWrite ? await cadreCandidates(deps, db, unit) : [],
  };
}

/**
 * Writes one day of a community's roster (replacing what was there): the duty cadre (one of the
 * community's or the 街道's cadres), volunteers and the small grids of the community covered. An empty
 * day (no cadre, volunteers or grids) is removed.
 */
export async function putRosterDay(
  deps: DutyDeps,
  actor: Actor,
  body: z.output<typeof RosterDayBody>,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'duty.write');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const unit = await rosterUnit(deps, trx, actor, body.unitId);
    const problems: FieldProblem[] = [];
    let cadreName: string | null = null;
    if (body.cadreAccountId !== null) {
      const c = (await cadreCandidates(deps, trx, unit)).find((a) => a.id === body.cadreAccountId);
      if (!c)
        problems.push({
          field: 'cadreAccountId',
          code: 'duty.cadre_unknown',
          message: 'not an active cadre of the community or its sub-district',
        });
      else cadreName = c.name;
    }
    const grids = new Set((await gridsOf(deps, trx, unit)).map((g) => g.id));
    body.gridIds.forEach((g, i) => {
      if (!grids.has(g))
        problems.push({
          field: `gridIds[${i}]`,
          code: 'duty.grid_not_in_unit',
          message: 'not a small grid of the community',
        });
    });
    if (new Set(body.gridIds).size !== body.gridIds.length)
      problems.push({ field: 'gridIds', code: 'duty.grid_repeated', message: 'a grid is listed twice' });
    if (problems.length) throw new Invalid('duty.roster_invalid', problems[0].message, problems);
    const empty = body.cadreAccountId === null && !body.volunteers.length && !body.gridIds.length;
    if (empty) await rosterStore.remove(trx, unit.id, body.day);
    else
      await rosterStore.put(trx, {
        unit_id: unit.id,
        day: body.day,
        district_code: unit.districtCode,
        unit_path: unit.path,
        cadre_id: body.cadreAccountId,
        cadre_name: cadreName,
        volunteers: JSON.stringify(body.volunteers),
        grid_ids: JSON.stringify(body.gridIds),
        updated_by_id: actor.accountId,
        updated_at: now.toISOString(),
      });
    await recordAudit(trx, {
      actor,
      action: 'duty.roster_update',
      entityType: 'duty_roster',
      entityId: unit.id,
      at: now,
      requestId,
      summary: empty
        ? `清空「${unit.name}」${body.day} 的值班安排`
        : `安排「${unit.name}」${body.day} 值班：${cadreName ?? '（无带班干部）'}，志愿者 ${body.volunteers.length} 人，网格 ${body.gridIds.length} 个`,
    });
  });
}

/**
 * Copies the seven days before `weekStart` into the week from it (one action). Days of that week that
 * already have entries are refused (409 naming `overwrite`) unless `overwrite`; grids no longer in use
 * are dropped from the copies, and so is a duty cadre who may no longer lead the community's days.
 */
export async function copyForward(
  deps: DutyDeps,
  actor: Actor,
  body: z.output<typeof CopyForwardBody>,
  requestId?: string,
): Promise<{ copied: number; replaced: number }> {
  authorize(actor, 'duty.write');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const unit = await rosterUnit(deps, trx, actor, body.unitId);
    const source = (await rosterStore.days(trx, unit.id, addDays(body.weekStart, -7), addDays(body.weekStart, -1))).map(
      parse,
    );
    const target = await rosterStore.days(trx, unit.id, body.weekStart, addDays(body.weekStart, 6));
    const plan = copyForwardPlan(body.weekStart, source, new Set(target.map((t) => t.day)), body.overwrite, addDays);
    if (plan.refused.length)
      throw new Conflict('duty.copy_would_overwrite', `days ${plan.refused.join(', ')} already have entries`, [
        {
          field: 'overwrite',
          code: 'duty.copy_would_overwrite',
          message: `days ${plan.refused.join(', ')} already have entries`,
          params: { days: plan.refused.join('、') },
        },
      ]);
    const grids = new Set((await gridsOf(deps, trx, unit)).map((g) => g.id));
    // A cadre who no longer may lead (disabled, moved away) is not copied: the day shows 缺岗 instead.
    const cadres = new Set((await cadreCandidates(deps, trx, unit)).map((c) => c.id));
    const byDay = new Map(source.map((s) => [s.day, s]));
    for (const c of plan.copies) {
      const s = byDay.get(addDays(c.day, -7))!;
      await rosterStore.put(trx, {
        unit_id: unit.id,
        day: c.day,
        district_code: unit.districtCode,
        unit_path: unit.path,
        cadre_id: s.cadreId && cadres.has(s.cadreId) ? s.cadreId : null,
        cadre_name: s.cadreId && cadres.has(s.cadreId) ? s.cadreName : null,
        volunteers: JSON.stringify(s.volunteers),
        grid_ids: JSON.stringify(s.gridIds.filter((g) => grids.has(g))),
        updated_by_id: actor.accountId,
        updated_at: now.toISOString(),
      });
    }
    await recordAudit(trx, {
      actor,
      action: 'duty.roster_copy',
      entityType: 'duty_roster',
      entityId: unit.id,
      at: now,
      requestId,
      summary: `「${unit.name}」值班表从上周复制到 ${body.weekStart} 起的一周：${plan.copies.length} 天${plan.replaced.length ? `（覆盖 ${plan.replaced.length} 天）` : ''}`,
    });
    return { copied: plan.copies.length, replaced: plan.replaced.length };
  });
}

/** Today in the district's zone. */
export const todayOf = (deps: DutyDeps) => localDateOf(deps.clock.now());
