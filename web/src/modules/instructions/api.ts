import { api } from '../../lib/api';
import type {
  Instruction,
  InstructionBody,
  InstructionList,
  InstructionReplyBody,
  InstructionTargetKind,
} from '../../../../src/contracts/instructions';

/** The shapes come from the server's contract (src/contracts/instructions.ts). */
export type { Instruction, InstructionList, InstructionTargetKind };
export {
  INSTRUCTION_OWNER_ROLE_NAMES,
  INSTRUCTION_MAX,
  INSTRUCTION_REPLY_MAX,
} from '../../../../src/contracts/instructions';

export const instructionsApi = {
  list: (targetKind: InstructionTargetKind, targetId: string, signal?: AbortSignal) =>
    api.get<InstructionList>('/instructions', { targetKind, targetId }, { signal }),
  write: (body: InstructionBody) => api.post<Instruction>('/instructions', body),
  reply: (id: string, body: InstructionReplyBody) => api.post<Instruction>(`/instructions/${id}/replies`, body),
};
