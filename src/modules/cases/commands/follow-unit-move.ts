import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { UnitMoved, UnitMovedListener } from '../../org/index.js';
import { stateFromJson, type CaseActor } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { calendarFor } from './case-context.js';
import { commitAction } from './take-action.js';

/** The platform itself, acting over the whole district: the one actor the policy lets relocate. */
function systemActors(e: UnitMoved, root: { id: string; path: string }): { actor: Actor; caseActor: CaseActor } {
  const actor: Actor = {
    accountId: 'system',
    username: 'system',
    displayName: '系统',
    districtCode: e.districtCode,
    unitId: root.id,
    scopePath: root.path,
    roles: [],
    permissions: new Set(),
  };
  return {
    actor,
    caseActor: { accountId: actor.accountId, roles: [], unitId: root.id, scopePath: root.path, via: 'system' },
  };
}

/**
 * Moves the cases of a moved unit with it, inside the unit move's transaction (org calls it through
 * onUnitMoved): every case whose grid or assigned unit lies under the old path gets a 区划调整
 * (relocate) action through the path every action takes — the optimistic version, the columns
 * recomputed from the new state, the KPI roll-up's area rows moved with the case. The new community
 * and sub-district of a moved grid come from org (the units already carry their new paths). One
 * audit line says who moved what; a move that touches no case writes nothing.
 */
export async function followUnitMove(deps: CasesDeps, trx: Executor, e: UnitMoved): Promise<{ cases: number }> {
  if (e.oldPath === e.newPath) return { cases: 0 };
  const ids = await caseStore.idsUnderPath(trx, e.districtCode, e.oldPath);
  if (!ids.length) return { cases: 0 };
  const root = await deps.org.unitByCode(trx, e.districtCode);
  if (!root) throw new Error(`district ${e.districtCode} has no root unit`);
  const { actor, caseActor } = systemActors(e, root);
  const calendar = await calendarFor(deps, trx, e.districtCode);
  // Per new grid path's parent: the community and sub-district it now lies in (ids don't change with a move).
  const placeOf = new Map<string, { communityId: string | null; subdistrictId: string | null }>();
  const place = async (gridPath: string) => {
    const key = gridPath.split('/').filter(Boolean).slice(0, -1).join('/');
    if (!placeOf.has(key)) {
      const anc = await deps.org.ancestors(trx, gridPath);
      placeOf.set(key, {
        communityId: anc.find((u) => u.kind === 'community' || u.kind === 'village')?.id ?? null,
        subdistrictId: anc.find((u) => u.kind === 'subdistrict' || u.kind === 'township')?.id ?? null,
      });
    }
    return placeOf.get(key)!;
  };
  for (const id of ids) {
    const row = (await caseStore.findById(trx, id))!;
    const state = stateFromJson(row.state);
    const payload: Record<string, unknown> = { oldPath: e.oldPath, newPath: e.newPath };
    if (state.gridPath?.startsWith(e.oldPath))
      Object.assign(payload, await place(e.newPath + state.gridPath.slice(e.oldPath.length)));
    await commitAction(
      deps,
      trx,
      actor,
      row,
      state,
      {
        type: 'relocate',
        comment: `「${e.unitName}」调整隶属关系`,
        attachments: [],
        payload: payload as never,
      },
      calendar,
      e.requestId,
      { caseActor, audit: false },
    );
  }
  await recordAudit(trx, {
    actor: e.actor,
    action: 'case.follow_move',
    entityType: 'unit',
    entityId: e.unitId,
    at: e.at,
    requestId: e.requestId,
    summary: `「${e.unitName}」移动后，其 ${ids.length} 件问题随之调整区划`,
    before: { path: e.oldPath },
    after: { path: e.newPath, cases: ids.length },
  });
  return { cases: ids.length };
}

/** The 'org.unit_moved' listener the module's descriptor registers. */
export function unitMovedListener(deps: CasesDeps): UnitMovedListener {
  return async (trx, e) => {
    await followUnitMove(deps, trx, e);
  };
}
