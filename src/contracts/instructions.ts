import { z } from 'zod';

// Shapes of the 领导批示 API (SPEC §7: leaders write instructions on tasks, cases, proposals and
// briefings), shared by the server (validation, OpenAPI) and the console. Times are ISO UTC.

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最长 ${max} 个字符`);

/**
 * The records a leader writes an instruction (批示) on. The list grows with the modules: a module
 * offering a new kind adds it here and answers for it through its descriptor's `instructionTargets`
 * (the briefings of issue 15 will add 'briefing').
 */
export const INSTRUCTION_TARGET_KINDS = ['task', 'case', 'proposal'] as const;
export const InstructionTargetKind = z.enum(INSTRUCTION_TARGET_KINDS);
export type InstructionTargetKind = z.infer<typeof InstructionTargetKind>;
export const INSTRUCTION_TARGET_NAMES: Record<InstructionTargetKind, string> = {
  task: '督办任务',
  case: '案卷',
  proposal: '政协提案',
};

/** What an owner unit is to the record: who is told of the instruction and may answer it. */
export const INSTRUCTION_OWNER_ROLES = ['lead', 'cooperating', 'handling', 'triage', 'main', 'assisting'] as const;
export const InstructionOwnerRole = z.enum(INSTRUCTION_OWNER_ROLES);
export type InstructionOwnerRole = z.infer<typeof InstructionOwnerRole>;
export const INSTRUCTION_OWNER_ROLE_NAMES: Record<InstructionOwnerRole, string> = {
  lead: '牵头单位',
  cooperating: '配合单位',
  handling: '处置单位',
  triage: '研判街道',
  main: '主办单位',
  assisting: '协办单位',
};

export const INSTRUCTION_MAX = 1000;
export const INSTRUCTION_REPLY_MAX = 1000;

export const InstructionBody = z.strictObject({
  targetKind: InstructionTargetKind,
  targetId: z.uuid(),
  content: text(INSTRUCTION_MAX),
});
export type InstructionBody = z.input<typeof InstructionBody>;

/** An owner unit's answer (已阅 / 落实情况): once per unit. */
export const InstructionReplyBody = z.strictObject({ content: text(INSTRUCTION_REPLY_MAX) });
export type InstructionReplyBody = z.input<typeof InstructionReplyBody>;

export const InstructionListQuery = z.strictObject({ targetKind: InstructionTargetKind, targetId: z.uuid() });
export type InstructionListQuery = z.input<typeof InstructionListQuery>;

export const InstructionOwner = z.object({
  unitId: z.string(),
  unitName: z.string(),
  role: InstructionOwnerRole,
  /** The unit's answer; null until it answers. */
  reply: z
    .object({
      content: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type InstructionOwner = z.infer<typeof InstructionOwner>;

export const Instruction = z.object({
  id: z.string(),
  targetKind: InstructionTargetKind,
  targetId: z.string(),
  /** The record's title when the instruction was written. */
  targetTitle: z.string(),
  content: z.string(),
  leader: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** The record's owner units when the instruction was written: they were told and may answer. */
  owners: z.array(InstructionOwner),
  /** Whether the caller's unit is an owner that has not answered yet. */
  canReply: z.boolean(),
});
export type Instruction = z.infer<typeof Instruction>;

export const InstructionList = z.object({
  /** Oldest first, as a timeline reads. */
  items: z.array(Instruction),
  /** Whether the caller may write an instruction on this record. */
  canWrite: z.boolean(),
});
export type InstructionList = z.infer<typeof InstructionList>;
