import { localDateOf } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { MeasureQuery, MeasureSource, MeasureValue } from '../../insights/index.js';
import type { ProposalsDeps } from '../deps.js';
import { parseProposalState, proposalYearStats, type ProposalYearStats } from '../domain/proposal-state.js';
import { proposalStore } from '../store/proposal.store.js';

const GROUP = '政协提案';
const BASIS =
  '；统计期间结束日所在年度的提案，截至期间结束日（不晚于今日），按承办单位计入辖区（与提案年度统计同口径）';

/**
 * The yearly statistics of each area (GET /api/v1/proposals/stats's rule, proposalYearStats): the
 * district counts every proposal of the year; another area the proposals with a handling unit in it.
 * One read of the year's proposals and handlers per query object, shared by the four tiles.
 */
function statsPerArea(deps: ProposalsDeps) {
  const memo = new WeakMap<MeasureQuery, Promise<Map<string, ProposalYearStats>>>();
  return (ex: Executor, q: MeasureQuery) => {
    let p = memo.get(q);
    if (!p) {
      p = (async () => {
        const year = Number(q.days.to.slice(0, 4));
        const today = localDateOf(deps.clock.now());
        const asOf = q.days.to < today ? q.days.to : today;
        const rows = await proposalStore.states(ex, { districtCode: q.districtCode, year, scope: null });
        const states = rows.map((r) => parseProposalState(r.state));
        const handlers = await proposalStore.handlers(
          ex,
          rows.map((r) => r.id),
        );
        return new Map(
          q.areas.map((a) => {
            const ids = new Set(handlers.filter((h) => h.unit_path.startsWith(a.unitPath)).map((h) => h.proposal_id));
            const mine = a.kind === 'district' ? states : states.filter((s) => ids.has(s.id));
            return [a.unitId, proposalYearStats(mine, year, asOf)];
          }),
        );
      })();
      memo.set(q, p);
    }
    return p;
  };
}

/** 提案数, 按时答复率, 落实率 and 满意率 (docs/proposals.md), for leaders (docs/insights-measures.md). */
export function proposalInsightMeasures(deps: ProposalsDeps): MeasureSource[] {
  const stats = statsPerArea(deps);
  // The year the period ends in and its end (not after today): the same year and asOf the statistics use.
  const yearOf = (d: { to: string }) => d.to.slice(0, 4);
  const asOfOf = (d: { to: string }) => {
    const today = localDateOf(deps.clock.now());
    return d.to < today ? d.to : today;
  };
  const of = (pick: (s: ProposalYearStats) => MeasureValue) => async (ex: Executor, q: MeasureQuery) =>
    new Map([...(await stats(ex, q))].map(([id, s]) => [id, pick(s)]));
  const base = {
    group: GROUP,
    permission: 'proposal.read' as const,
    timing: 'period' as const,
    levels: ['district', 'subdistrict', 'township', 'community', 'village'] as const,
    link: (a: { unitId: string }, d: { from: string; to: string }) =>
      `/proposals/stats?year=${yearOf(d)}&asOf=${asOfOf(d)}&unitId=${a.unitId}`,
  };
  return [
    {
      ...base,
      code: 'proposals.count',
      label: '提案数',
      kind: 'count',
      unit: '件',
      definition: '登记的政协提案件数' + BASIS,
      better: 'higher',
      measure: of((s) => ({ numerator: s.proposals })),
      link: (a, d) => `/proposals?year=${yearOf(d)}&unitId=${a.unitId}`,
    },
    {
      ...base,
      code: 'proposals.onTimeReplyRate',
      label: '按时答复率',
      kind: 'rate',
      definition:
        '按时答复数 ÷ 应答复数：首次答复期限已过或已答复的提案为应答复，首次答复在首次答复期限当天或之前为按时' + BASIS,
      better: 'higher',
      measure: of((s) => ({ numerator: s.repliedOnTime, denominator: s.repliesDue })),
    },
    {
      ...base,
      code: 'proposals.implementationRate',
      label: '落实率',
      kind: 'rate',
      definition: '已落实的承诺事项 ÷ 全部承诺事项' + BASIS,
      better: 'higher',
      measure: of((s) => ({ numerator: s.commitmentsDone, denominator: s.commitments })),
    },
    {
      ...base,
      code: 'proposals.satisfactionRate',
      label: '满意率',
      kind: 'rate',
      definition: '（满意 + 基本满意）÷ 已测评提案数，每件按最近一次测评计' + BASIS,
      better: 'higher',
      measure: of((s) => ({ numerator: s.satisfiedOrBasically, denominator: s.rated })),
    },
  ];
}
