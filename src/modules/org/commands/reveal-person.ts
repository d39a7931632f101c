import type { Actor } from '../../../kernel/auth/actor.js';
import { can, inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Forbidden, NotFound } from '../../../kernel/errors.js';
import type { OrgDeps } from '../deps.js';
import { personStore } from '../store/person.store.js';

/** The full record with the unmasked phone, for roles that need it; every such view is audited. */
export async function revealPerson(deps: OrgDeps, actor: Actor, id: string, requestId?: string) {
  if (!can(actor, 'person.reveal'))
    throw new Forbidden('person.reveal_denied', 'the role may not see full personal data');
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await personStore.findById(trx, id);
    if (!row || !inScope(actor, row.unit_path)) throw new NotFound('person', id);
    await recordAudit(trx, {
      actor,
      action: 'person.reveal',
      entityType: 'person',
      entityId: id,
      at: now,
      requestId,
      summary: `查看「${row.name}」的完整个人信息`,
    });
    const grids = await personStore.gridIdsOf(trx, [id]);
    return { row, gridIds: grids.get(id) ?? [], reveal: true };
  });
}
