import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import type { InstructionTargetKind } from '../../../contracts/instructions.js';
import type { InstructionsDeps } from '../deps.js';
import { instructionStore, type StoredInstruction } from '../store/instruction.store.js';
import { loadTarget } from './target-access.js';

/** The instructions on a record the actor may see, oldest first, and whether the actor may write one. */
export async function listInstructions(
  deps: InstructionsDeps,
  actor: Actor,
  q: { targetKind: InstructionTargetKind; targetId: string },
): Promise<{ items: StoredInstruction[]; canWrite: boolean }> {
  const db = deps.database.db;
  await loadTarget(deps, db, actor, q.targetKind, q.targetId);
  return {
    items: await instructionStore.forTarget(db, q.targetKind, q.targetId),
    canWrite: can(actor, 'instruction.write'),
  };
}
