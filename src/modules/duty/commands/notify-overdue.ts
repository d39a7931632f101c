import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { EventListener } from '../../../kernel/events/events.js';
import { notify } from '../../inbox/index.js';
import type { DutyDeps } from '../deps.js';
import { ROSTER_UNIT_KINDS } from './duty-access.js';
import { responsibleFor } from './responsible-for.js';

/**
 * A community's overdue case also reaches its 分包 (主责) leaders: the cases module emits 'case.overdue'
 * in the transaction that marks the case, and this listener finds the community (or village) on the
 * case's path and tells the 主责 holders in force that day, in the same transaction.
 */
export function overdueListener(deps: Pick<DutyDeps, 'org'>): EventListener<'case.overdue'> {
  return async (trx, e) => {
    const ids = e.areaPath.split('/').filter(Boolean);
    const units = await deps.org.unitsByIds(trx, ids);
    const community = ids.map((id) => units.get(id)).find((u) => u && ROSTER_UNIT_KINDS.includes(u.kind));
    if (!community) return;
    const leads = await responsibleFor(trx, {
      districtCode: e.districtCode,
      unitId: community.id,
      day: localDateOf(e.at),
      kinds: ['lead'],
    });
    const accountIds = leads.filter((l) => l.holderType === 'account').map((l) => l.holderId);
    await notify(trx, {
      accountIds,
      districtCode: e.districtCode,
      kind: 'duty.case_overdue',
      title: `【分包社区超期】${e.caseNumber} 已超期${e.level > 1 ? `（第 ${e.level} 级）` : ''}`,
      body: `您分包的${community.name}有问题已超期：${e.summary}`,
      entityType: 'case',
      entityId: e.caseId,
      at: e.at,
    });
  };
}
