import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Conflict, Forbidden, NotFound } from '../../../kernel/errors.js';
import { InstructionTargetKind, type InstructionReplyBody } from '../../../contracts/instructions.js';
import { notify } from '../../inbox/index.js';
import type { InstructionsDeps } from '../deps.js';
import { replyRefusal, replyNotice } from '../domain/instruction-rules.js';
import { instructionStore, type StoredInstruction } from '../store/instruction.store.js';
import { loadTarget } from './target-access.js';

/** An owner unit answers an instruction (已阅 / 落实情况), once; the leader is told. */
export async function replyInstruction(
  deps: InstructionsDeps,
  actor: Actor,
  id: string,
  body: z.output<typeof InstructionReplyBody>,
  requestId?: string,
): Promise<StoredInstruction> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const found = await instructionStore.findById(trx, id);
    if (!found || found.row.district_code !== actor.districtCode) throw new NotFound('instruction', id);
    const kind = InstructionTargetKind.parse(found.row.target_kind);
    // Answering needs sight of the record, as reading its instructions does.
    await loadTarget(deps, trx, actor, kind, found.row.target_id).catch((e: unknown) => {
      throw e instanceof NotFound ? new NotFound('instruction', id) : e;
    });
    const refusal = replyRefusal(
      found.owners.map((o) => ({ unitId: o.unit_id, replied: o.replied_at !== null })),
      actor.unitId,
    );
    if (refusal === 'not_owner')
      throw new Forbidden('instruction.reply_forbidden', 'only the units the instruction was sent to answer it');
    const owner = found.owners.find((o) => o.unit_id === actor.unitId)!;
    const took =
      refusal === null &&
      (await instructionStore.reply(trx, id, owner.unit_id, {
        content: body.content,
        by: actor.accountId,
        byName: actor.displayName,
        at: now,
      }));
    if (!took)
      throw new Conflict('instruction.already_replied', `unit ${owner.unit_id} has answered already`, [], {
        unit: owner.unit_name,
      });
    await notify(trx, {
      accountIds: [found.row.leader_id],
      districtCode: found.row.district_code,
      kind: 'instruction.replied',
      ...replyNotice({ targetTitle: found.row.target_title, unitName: owner.unit_name, content: body.content }),
      entityType: kind,
      entityId: found.row.target_id,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: 'instruction.reply',
      entityType: 'instruction',
      entityId: id,
      at: now,
      requestId,
      summary: `${owner.unit_name}答复批示「${found.row.target_title}」`,
    });
    return (await instructionStore.findById(trx, id))!;
  });
}
