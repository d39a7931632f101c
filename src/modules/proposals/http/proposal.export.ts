import type { XlsxColumn } from '../../../kernel/xlsx/stream-xlsx.js';
import { localDateOf } from '../../../kernel/calendar/index.js';
import {
  parseProposalState,
  REPLY_CLASS_NAMES,
  SATISFACTION_NAMES,
  type Satisfaction,
} from '../domain/proposal-state.js';
import type { ProposalsDeps } from '../deps.js';
import { isCommitmentOverdue, replyTimeliness } from '../domain/overdue.js';
import { proposalStore, type ProposalFilter } from '../store/proposal.store.js';
import { presentProposalItem } from './proposal.presenter.js';

/** The proposal list as the proposals office prints it (提案办理情况一览表). */
export const PROPOSAL_COLUMNS: XlsxColumn[] = [
  { header: '序号', key: 'no', width: 6 },
  { header: '案号', key: 'number', width: 10 },
  { header: '标题', key: 'title', width: 36 },
  { header: '提案人', key: 'proposers', width: 16 },
  { header: '类别', key: 'category', width: 12 },
  { header: '重点提案', key: 'key', width: 8 },
  { header: '主办单位', key: 'mainHandlers', width: 18 },
  { header: '协办单位', key: 'assistingHandlers', width: 18 },
  { header: '交办日期', key: 'assignedOn', width: 12 },
  { header: '答复期限', key: 'replyDeadline', width: 12 },
  { header: '见面协商', key: 'consultation', width: 14 },
  { header: '答复日期', key: 'repliedOn', width: 12 },
  { header: '答复类别', key: 'replyClass', width: 10 },
  { header: '是否按期', key: 'onTime', width: 10 },
  { header: '满意度', key: 'satisfaction', width: 9 },
  { header: '状态', key: 'status', width: 9 },
  { header: '落实情况', key: 'implementation', width: 22 },
];

const TIMELINESS = { on_time: '按期', late: '超期答复', overdue: '逾期未答复' } as const;
const PAGE = 500;

/** Pages through the filtered list in the list's order, so memory stays flat and the rows match the list. */
export async function* proposalRows(
  deps: ProposalsDeps,
  filter: ProposalFilter,
): AsyncGenerator<Record<string, unknown>> {
  const db = deps.database.db;
  const today = localDateOf(deps.clock.now());
  let no = 0;
  for (let offset = 0; ; offset += PAGE) {
    const rows = await proposalStore.list(db, filter, { limit: PAGE, offset });
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    const handlers = await proposalStore.handlers(db, ids);
    const assigned = await proposalStore.firstActionAt(db, ids, 'assign');
    for (const r of rows) {
      const item = presentProposalItem(
        r,
        handlers.filter((h) => h.proposal_id === r.id),
        today,
      );
      const state = parseProposalState(r.state);
      const open = state.commitments.filter((c) => c.doneOn === null);
      const late = state.commitments.filter((c) => isCommitmentOverdue(c, today)).length;
      const timeliness = replyTimeliness(state, today);
      const firstAssign = assigned.get(r.id);
      yield {
        no: ++no,
        number: item.number,
        title: item.title,
        proposers: item.proposerNames.join('、'),
        category: item.category,
        key: item.isKey ? '是' : '',
        mainHandlers: item.mainHandlers.map((u) => u.name).join('、'),
        assistingHandlers: item.assistingHandlers.map((u) => u.name).join('、'),
        assignedOn: firstAssign ? localDateOf(new Date(firstAssign)) : '',
        replyDeadline: item.replyDeadline ?? '',
        consultation: state.consultations.map((c) => (c.waivedReason !== null ? '无需见面' : c.on)).join('、'),
        repliedOn: state.replies.map((x) => x.on).join('、'),
        // The latest reply's class: A 解决或采纳 / B 列入计划拟解决 / C 留作参考.
        replyClass: (() => {
          const c = state.replies.at(-1)?.replyClass;
          return c ? `${c} ${REPLY_CLASS_NAMES[c]}` : '';
        })(),
        onTime: timeliness ? TIMELINESS[timeliness] : '',
        satisfaction: item.satisfaction ? SATISFACTION_NAMES[item.satisfaction as Satisfaction] : '',
        status: item.statusName,
        implementation:
          state.commitments.length === 0
            ? ''
            : `${state.commitments.length - open.length}/${state.commitments.length} 项已落实${late ? `，${late} 项逾期` : ''}` +
              `${open.length ? `；${open.map((c) => `${c.title}（${c.deadline}）`).join('；')}` : ''}`,
      };
    }
    if (rows.length < PAGE) return;
  }
}
