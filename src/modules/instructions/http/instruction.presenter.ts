import type { Actor } from '../../../kernel/auth/actor.js';
import {
  InstructionOwnerRole,
  InstructionTargetKind,
  type Instruction,
  type InstructionList,
} from '../../../contracts/instructions.js';
import { replyRefusal } from '../domain/instruction-rules.js';
import type { StoredInstruction } from '../store/instruction.store.js';

export function presentInstruction({ row, owners }: StoredInstruction, actor: Pick<Actor, 'unitId'>): Instruction {
  return {
    id: row.id,
    targetKind: InstructionTargetKind.parse(row.target_kind),
    targetId: row.target_id,
    targetTitle: row.target_title,
    content: row.content,
    leader: { id: row.leader_id, name: row.leader_name },
    createdAt: row.created_at,
    owners: owners.map((o) => ({
      unitId: o.unit_id,
      unitName: o.unit_name,
      role: InstructionOwnerRole.parse(o.role),
      reply:
        o.replied_at !== null ? { content: o.reply ?? '', byName: o.replied_by_name ?? '', at: o.replied_at } : null,
    })),
    canReply:
      replyRefusal(
        owners.map((o) => ({ unitId: o.unit_id, replied: o.replied_at !== null })),
        actor.unitId,
      ) === null,
  };
}

export function presentInstructionList(
  list: { items: StoredInstruction[]; canWrite: boolean },
  actor: Pick<Actor, 'unitId'>,
): InstructionList {
  return { items: list.items.map((i) => presentInstruction(i, actor)), canWrite: list.canWrite };
}
