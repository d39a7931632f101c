import type { InstructionTargetSource, TargetOwner } from '../../instructions/index.js';
import { canSee, stateFromJson } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { toCaseActor } from './case-context.js';

/**
 * Cases take leaders' instructions (领导批示): the unit handling the case now and the 街道 that
 * triaged it own them (a 街道 handling its own case is told once).
 */
export function caseInstructionTarget(deps: Pick<CasesDeps, 'org' | 'database'>): InstructionTargetSource {
  return {
    kind: 'case',
    readPermission: 'case.read',
    async load(ex, actor, id) {
      const row = await caseStore.findById(ex, id);
      if (!row) return null;
      const state = stateFromJson(row.state);
      if (!canSee(toCaseActor(actor), state)) return null;
      const units = await deps.org.unitsByIds(
        ex,
        [state.assignedUnitId, state.subdistrictId].filter((u): u is string => !!u),
      );
      const owners: TargetOwner[] = [];
      const handling = state.assignedUnitId ? units.get(state.assignedUnitId) : undefined;
      if (handling)
        owners.push({ unitId: handling.id, unitPath: handling.path, unitName: handling.name, role: 'handling' });
      const triage = state.subdistrictId ? units.get(state.subdistrictId) : undefined;
      if (triage) owners.push({ unitId: triage.id, unitPath: triage.path, unitName: triage.name, role: 'triage' });
      return { districtCode: row.district_code, title: `${row.case_number} ${row.description}`.slice(0, 80), owners };
    },
    /** The open case in the leader's scope furthest past its deadline. */
    async demoExample(ex, leader, now) {
      const open = await caseStore.list(ex, deps.database.dialect, {
        scopePath: leader.scopePath,
        status: ['dispatched', 'handling'],
        limit: 50,
      });
      const late = open
        .filter((r) => r.deadline !== null && r.deadline < now.toISOString())
        .sort((a, b) => (a.deadline! < b.deadline! ? -1 : 1));
      return late[0]?.id ?? null;
    },
  };
}
