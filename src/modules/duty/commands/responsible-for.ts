import type { ResponsibilityKind } from '../../../contracts/duty.js';
import type { Executor } from '../../../kernel/db/db.js';
import { responsibilityStore } from '../store/duty.store.js';

/** One holder answering for a unit on a day. */
export interface ResponsibleHolder {
  kind: ResponsibilityKind;
  holderType: 'account' | 'unit';
  holderId: string;
  from: string;
  to: string | null;
}

/**
 * Who answers for a unit on a day (public: notices, and later dashboards and campaigns): the
 * responsibilities in force that day whose target is the unit, optionally of some kinds only.
 */
export async function responsibleFor(
  ex: Executor,
  q: { districtCode: string; unitId: string; day: string; kinds?: readonly ResponsibilityKind[] },
): Promise<ResponsibleHolder[]> {
  const rows = await responsibilityStore.list(ex, { districtCode: q.districtCode, targetId: q.unitId, on: q.day });
  return rows
    .filter((r) => !q.kinds || q.kinds.includes(r.kind as ResponsibilityKind))
    .map((r) => ({
      kind: r.kind as ResponsibilityKind,
      holderType: r.holder_type as 'account' | 'unit',
      holderId: r.holder_id,
      from: r.from_day,
      to: r.to_day,
    }));
}
