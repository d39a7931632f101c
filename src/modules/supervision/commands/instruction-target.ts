import type { InstructionTargetSource, TargetOwner } from '../../instructions/index.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';

/** Tasks take leaders' instructions (领导批示): the lead unit and the cooperating units own them. */
export function taskInstructionTarget(deps: Pick<SupervisionDeps, 'org'>): InstructionTargetSource {
  return {
    kind: 'task',
    readPermission: 'task.read',
    async load(ex, actor, id) {
      const row = await taskStore.findVisible(ex, actor, id);
      if (!row) return null;
      const units = (await taskStore.owingUnits(ex, row.id)).sort((a, b) =>
        a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1,
      );
      const names = await deps.org.unitsByIds(
        ex,
        units.map((u) => u.unit_id),
      );
      const owners: TargetOwner[] = units.map((u) => ({
        unitId: u.unit_id,
        unitPath: u.unit_path,
        unitName: names.get(u.unit_id)?.name ?? '',
        role: u.role === 'lead' ? 'lead' : 'cooperating',
      }));
      return { districtCode: row.district_code, title: row.title, owners };
    },
    /** A lagging task the leader leads, a top-level one when there is. */
    async demoExample(ex, leader) {
      const lagging = await taskStore.ledWithStatus(ex, leader.districtCode, leader.accountId, 'lagging', 20);
      return (lagging.find((t) => t.depth === 0) ?? lagging[0])?.id ?? null;
    },
  };
}
