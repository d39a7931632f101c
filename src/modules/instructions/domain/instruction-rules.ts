import { INSTRUCTION_TARGET_NAMES, type InstructionTargetKind } from '../../../contracts/instructions.js';

/**
 * The units an instruction is sent to: each once, in the order the record's module gave them (most
 * responsible first). A 街道 handling a case it triaged itself is its 处置单位 and its 研判街道: it is
 * told once, under its first role.
 */
export function distinctOwners<T extends { unitId: string }>(owners: readonly T[]): T[] {
  const seen = new Set<string>();
  return owners.filter((o) => (seen.has(o.unitId) ? false : (seen.add(o.unitId), true)));
}

export interface OwnerState {
  unitId: string;
  replied: boolean;
}

/** Why an account of a unit may not answer an instruction: not one of its owners, or answered already. */
export type ReplyRefusal = 'not_owner' | 'already_replied';

/** An instruction is answered by its owner units, each once (已阅 / 落实情况); null when `unitId` may answer. */
export function replyRefusal(owners: readonly OwnerState[], unitId: string): ReplyRefusal | null {
  const owner = owners.find((o) => o.unitId === unitId);
  if (!owner) return 'not_owner';
  return owner.replied ? 'already_replied' : null;
}

/** The inbox message the owners read. */
export function instructionNotice(i: {
  targetKind: InstructionTargetKind;
  targetTitle: string;
  leaderName: string;
  content: string;
}): { title: string; body: string } {
  return {
    title: `【领导批示】${i.targetTitle}`,
    body: `${i.leaderName}在${INSTRUCTION_TARGET_NAMES[i.targetKind]}「${i.targetTitle}」上批示：${i.content}\n请阅办，并答复落实情况。`,
  };
}

/** The inbox message the leader reads when an owner answers. */
export function replyNotice(r: { targetTitle: string; unitName: string; content: string }): {
  title: string;
  body: string;
} {
  return { title: `【批示答复】${r.targetTitle}`, body: `${r.unitName}：${r.content}` };
}
