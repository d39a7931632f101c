import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { newId } from '../../../kernel/ids.js';
import { INSTRUCTION_TARGET_NAMES, type InstructionBody } from '../../../contracts/instructions.js';
import { notify } from '../../inbox/index.js';
import type { InstructionsDeps } from '../deps.js';
import { distinctOwners, instructionNotice } from '../domain/instruction-rules.js';
import { instructionStore, type StoredInstruction } from '../store/instruction.store.js';
import { loadTarget } from './target-access.js';

/** The roles of a unit's own staff: they read what is sent to the unit and answer for it. */
export const OWNER_STAFF_ROLES = ['subdistrict_staff', 'community_worker', 'unit_handler'];

/**
 * A leader writes an instruction (批示) on a record in scope. In one transaction: the instruction and
 * the owner units it goes to (frozen as they are now), a message to each owner unit's staff, the
 * webhook event and the audit line.
 */
export async function writeInstruction(
  deps: InstructionsDeps,
  actor: Actor,
  body: z.output<typeof InstructionBody>,
  requestId?: string,
): Promise<StoredInstruction> {
  authorize(actor, 'instruction.write');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const target = await loadTarget(deps, trx, actor, body.targetKind, body.targetId);
    const owners = distinctOwners(target.owners);
    const id = newId(now.getTime());
    await instructionStore.insert(
      trx,
      {
        id,
        district_code: target.districtCode,
        target_kind: body.targetKind,
        target_id: body.targetId,
        target_title: target.title.slice(0, 300),
        content: body.content,
        leader_id: actor.accountId,
        leader_name: actor.displayName,
        created_at: now.toISOString(),
      },
      owners.map((o, seq) => ({
        instruction_id: id,
        unit_id: o.unitId,
        seq,
        unit_name: o.unitName,
        role: o.role,
        reply: null,
        replied_by: null,
        replied_by_name: null,
        replied_at: null,
      })),
    );
    const accountIds: string[] = [];
    for (const o of owners) {
      const staff = await deps.org.accountsCovering(trx, o.unitPath, OWNER_STAFF_ROLES);
      accountIds.push(...staff.filter((a) => a.unitId === o.unitId).map((a) => a.id));
    }
    const message = instructionNotice({
      targetKind: body.targetKind,
      targetTitle: target.title,
      leaderName: actor.displayName,
      content: body.content,
    });
    await notify(trx, {
      accountIds,
      districtCode: target.districtCode,
      kind: 'instruction.created',
      ...message,
      entityType: body.targetKind,
      entityId: body.targetId,
      at: now,
    });
    if (deps.enqueueEvent) {
      await deps.enqueueEvent(trx, {
        districtCode: target.districtCode,
        type: 'instruction.created',
        at: now,
        payload: {
          instructionId: id,
          targetKind: body.targetKind,
          targetId: body.targetId,
          title: target.title,
          ownerUnitIds: owners.map((o) => o.unitId),
        },
        text: `${message.title}：${body.content}`,
      });
    }
    await recordAudit(trx, {
      actor,
      action: 'instruction.create',
      entityType: 'instruction',
      entityId: id,
      at: now,
      requestId,
      summary: `批示${INSTRUCTION_TARGET_NAMES[body.targetKind]}「${target.title}」`,
    });
    return (await instructionStore.findById(trx, id))!;
  });
}
