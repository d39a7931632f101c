import type { Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import { parseProposalState, proposalYearStats, type ProposalState } from '../domain/proposal-state.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalStore } from '../store/proposal.store.js';
import { areaPathOf, scopeOf } from './proposal-context.js';

/**
 * Yearly statistics over the proposals the actor may see, with a row per main handler (主办单位);
 * with `unitId` over those handled in the unit's area (the dashboard's 提案数 and rates of an area).
 */
export async function proposalStats(deps: ProposalsDeps, actor: Actor, year: number, asOf?: string, unitId?: string) {
  const db = deps.database.db;
  const date = asOf ?? localDateOf(deps.clock.now());
  const rows = await proposalStore.states(db, {
    districtCode: actor.districtCode,
    year,
    scope: await scopeOf(deps, db, actor),
    handlerUnder: await areaPathOf(deps, db, actor, unitId),
  });
  const states = rows.map((r) => parseProposalState(r.state));
  const handlers = await proposalStore.handlers(
    db,
    rows.map((r) => r.id),
  );
  const byUnit = new Map<string, { unitId: string; name: string; states: ProposalState[] }>();
  for (const h of handlers.filter((x) => x.role === 'main')) {
    const e = byUnit.get(h.unit_id) ?? { unitId: h.unit_id, name: h.unit_name, states: [] };
    e.states.push(states.find((s) => s.id === h.proposal_id)!);
    byUnit.set(h.unit_id, e);
  }
  return {
    asOf: date,
    ...proposalYearStats(states, year, date),
    byMainHandler: [...byUnit.values()]
      .map((u) => ({ unitId: u.unitId, name: u.name, ...proposalYearStats(u.states, year, date) }))
      .sort((a, b) => b.proposals - a.proposals || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
