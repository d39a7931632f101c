import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import type { InstructionTargetKind } from '../../../contracts/instructions.js';
import type { InstructionsDeps, InstructionTarget, InstructionTargetSource } from '../deps.js';

/** The module answering for a kind of record; a kind no module of this app offers is refused, naming the field. */
export function sourceOf(
  deps: Pick<InstructionsDeps, 'targets'>,
  kind: InstructionTargetKind,
): InstructionTargetSource {
  const source = deps.targets.find((t) => t.kind === kind);
  if (!source)
    throw new Invalid('instruction.kind_unavailable', `no module takes instructions on ${kind}`, [
      { field: 'targetKind', code: 'instruction.kind_unavailable', message: `no module takes instructions on ${kind}` },
    ]);
  return source;
}

/**
 * The record as the actor may see it: its own read permission (403) and scope (404, so that a record
 * outside the scope does not leak). Instructions are read and written where the record is.
 */
export async function loadTarget(
  deps: Pick<InstructionsDeps, 'targets'>,
  ex: Executor,
  actor: Actor,
  kind: InstructionTargetKind,
  id: string,
): Promise<InstructionTarget> {
  const source = sourceOf(deps, kind);
  authorize(actor, source.readPermission);
  const target = await source.load(ex, actor, id);
  if (!target || target.districtCode !== actor.districtCode) throw new NotFound(kind, id);
  return target;
}
