import type { Actor } from '../../kernel/auth/actor.js';
import type { Permission } from '../../kernel/auth/roles.js';
import type { Clock } from '../../kernel/clock.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import type { InstructionOwnerRole, InstructionTargetKind } from '../../contracts/instructions.js';
import type { OrgApi } from '../org/index.js';
import type { EnqueueEvent } from '../webhooks/index.js';

/** A unit owning a record: told of an instruction on it, and answering it. */
export interface TargetOwner {
  unitId: string;
  /** The unit's path, to find its accounts (not kept: an instruction keeps ids and names only). */
  unitPath: string;
  unitName: string;
  role: InstructionOwnerRole;
}

/** A record an instruction is written on, as its module describes it to the caller. */
export interface InstructionTarget {
  districtCode: string;
  title: string;
  /** Most responsible first (a task's lead unit before its cooperating units). */
  owners: TargetOwner[];
}

/**
 * One kind of record that takes instructions, contributed by the module that keeps it through its
 * descriptor's `instructionTargets` (the instructions module never reads another module's tables).
 */
export interface InstructionTargetSource {
  kind: InstructionTargetKind;
  /** The record's own read permission: reading its instructions needs it too. */
  readPermission: Permission;
  /** The record as the actor may see it; null when it does not exist or lies outside the actor's scope. */
  load(ex: Executor, actor: Actor, id: string): Promise<InstructionTarget | null>;
  /** For the demo: a record of this kind worth a leader's instruction (a lagging task, an overdue case). */
  demoExample?(ex: Executor, leader: Actor, now: Date): Promise<string | null>;
}

export interface InstructionsDeps {
  database: Database;
  clock: Clock;
  org: OrgApi;
  /** Webhook / group-robot events ('instruction.created'), when the webhooks module is wired. */
  enqueueEvent?: EnqueueEvent;
  /** Every kind of record that takes instructions, from the modules' descriptors. */
  targets: readonly InstructionTargetSource[];
}
