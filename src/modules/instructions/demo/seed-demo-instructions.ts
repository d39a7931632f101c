import type { InstructionTargetKind } from '../../../contracts/instructions.js';
import { InstructionBody } from '../../../contracts/instructions.js';
import { writeInstruction } from '../commands/write-instruction.js';
import type { InstructionsDeps } from '../deps.js';

/** What the demo's leader writes on the example each module offers. */
const DEMO_TEXT: Partial<Record<InstructionTargetKind, string>> = {
  task: '此项工作进度滞后，请牵头单位倒排工期、压实责任，配合单位全力协同，一周内报送整改措施和最新进展。',
  case: '该问题已超过处置时限，请责任单位立即组织力量处置到位，所在街道跟进督促，办结后报告结果。',
};

/**
 * The demo leader's instructions, written through the real command an hour before `now`: one on the
 * example each module offers (a lagging task, an overdue case). Returns how many were written.
 */
export async function seedDemoInstructions(deps: InstructionsDeps, now: Date): Promise<number> {
  const db = deps.database.db;
  const leader = await deps.org.actorFor(db, 'leader');
  const at = new Date(now.getTime() - 60 * 60_000);
  let made = 0;
  for (const source of deps.targets) {
    const content = DEMO_TEXT[source.kind];
    if (!content || !source.demoExample) continue;
    const id = await source.demoExample(db, leader, now);
    if (!id) continue;
    await writeInstruction(
      { ...deps, clock: { now: () => at } },
      leader,
      InstructionBody.parse({ targetKind: source.kind, targetId: id, content }),
    );
    made++;
  }
  return made;
}
